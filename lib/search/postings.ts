import { type PostingField, termRange } from '@/lib/library/schema';
import type { PaperChange, WriteTx } from '@/lib/library/write-tx';
import { docNumber, IRREGULAR_IDS_KEY } from './doc-ids';
import { typoForms } from './fuzzy';
import { docsFor, type OpenSegment, openSegment, packSegment, segmentPostings } from './segments';
import { fieldTerms } from './tokens';

/** Papers per postings block: a merge rewrites at most one small block per term it adds. */
export const BLOCK = 2048;
/** Past this many papers in one write (an import, a migration), new postings go straight into fresh blocks. */
const BULK = 200;

type Key = [PostingField, string, number];
const NO_TERMS: Set<string>[] = [new Set(), new Set(), new Set()];

/** Enters a term new to the index in the term list, filed under its typo forms, in the write that brings it. */
function fileTerm(tx: WriteTx, term: string): Promise<unknown> {
  return tx.objectStore('terms').put({ forms: typoForms(term) }, term);
}

/** Files every term of the term list under its typo forms (a library indexed before they were kept). */
export async function fileTypoFormsOfEveryTerm(tx: WriteTx): Promise<void> {
  let cursor = await tx.objectStore('terms').openCursor();
  while (cursor) {
    await cursor.update({ forms: typoForms(cursor.key) });
    cursor = await cursor.continue();
  }
}

/** Postings to add and remove, grouped by (field, term). */
function diff(changes: PaperChange[]) {
  // Grouped per field by term first: a "field term" key is made once per term, not once per posting.
  const adds: Map<string, number[]>[] = [new Map(), new Map(), new Map()];
  const removes: Map<string, Set<number>>[] = [new Map(), new Map(), new Map()];
  const irregular: Record<number, string> = {};
  for (const { before, after } of changes) {
    const id = (after ?? before)?.id;
    if (!id) continue;
    const { doc, irregular: remember } = docNumber(id);
    if (remember) irregular[doc] = id;
    const old = before ? fieldTerms(before) : NO_TERMS;
    const next = after ? fieldTerms(after) : NO_TERMS;
    for (let field = 0; field < 3; field++) {
      for (const term of next[field]) {
        if (old[field].has(term)) continue;
        const docs = adds[field].get(term);
        if (docs) docs.push(doc);
        else adds[field].set(term, [doc]);
      }
      for (const term of old[field]) {
        if (next[field].has(term)) continue;
        const docs = removes[field].get(term);
        if (docs) docs.add(doc);
        else removes[field].set(term, new Set([doc]));
      }
    }
  }
  return { adds: byKey(adds), removes: byKey(removes), irregular };
}

/** Per-field maps by term, as one map by "field term" key (field 0's terms first, each field in first-seen order). */
function byKey<T>(fields: Map<string, T>[]): Map<string, T> {
  const keyed = new Map<string, T>();
  fields.forEach((terms, field) => {
    for (const [term, value] of terms) keyed.set(`${field} ${term}`, value);
  });
  return keyed;
}

const split = (key: string): [PostingField, string] => [Number(key[0]) as PostingField, key.slice(2)];

async function removePostings(tx: WriteTx, key: string, docs: Set<number>) {
  const store = tx.objectStore('postings');
  let cursor = await store.openCursor(termRange(...split(key)));
  while (cursor) {
    const block = cursor.value;
    if (block.some((doc) => docs.has(doc))) {
      const kept = block.filter((doc) => !docs.has(doc));
      // An emptied block is deleted; the blocks after it keep their numbers (appends go after the last one).
      if (kept.length) await cursor.update(kept);
      else await cursor.delete();
    }
    cursor = await cursor.continue();
  }
}

/** Appends to the term's last block while it has room, then opens new ones. */
async function appendPostings(tx: WriteTx, key: string, docs: number[], lastBlock?: number) {
  const [field, term] = split(key);
  const store = tx.objectStore('postings');
  const writes: Promise<unknown>[] = [];
  let next = 0;
  let pending = docs;
  if (lastBlock === undefined) {
    const last = await store.openCursor(termRange(field, term), 'prev');
    if (last) {
      const room = BLOCK - last.value.length;
      if (room > 0) {
        const merged = new Uint32Array(last.value.length + Math.min(room, pending.length));
        merged.set(last.value);
        merged.set(pending.slice(0, room), last.value.length);
        writes.push(store.put(merged, last.primaryKey));
        pending = pending.slice(room);
      }
      next = (last.primaryKey as Key)[2] + 1;
    } else {
      writes.push(fileTerm(tx, term));
    }
  } else {
    next = lastBlock + 1;
  }
  for (let start = 0; start < pending.length; start += BLOCK) {
    writes.push(store.put(Uint32Array.from(pending.slice(start, start + BLOCK)), [field, term, next++]));
  }
  await Promise.all(writes);
}

/** The last block number of every (field, term), read once for a bulk write instead of once per term. */
async function lastBlocks(tx: WriteTx): Promise<Map<string, number>> {
  const last = new Map<string, number>();
  for (const [field, term, block] of (await tx.objectStore('postings').getAllKeys()) as Key[]) {
    last.set(`${field} ${term}`, block);
  }
  return last;
}

/** Takes removed postings out of the segments that hold them; a rewritten segment gets a new key (pages cache by key). */
async function removeFromSegments(tx: WriteTx, removes: Map<string, Set<number>>) {
  const store = tx.objectStore('segments');
  let cursor = await store.openCursor();
  while (cursor) {
    const segment = openSegment(cursor.value);
    const hit = [...removes].some(([key, docs]) => docsFor(segment, key).some((doc) => docs.has(doc)));
    if (hit) {
      const kept = new Map<string, number[]>();
      for (const [key, docs] of segmentPostings(segment)) {
        const left = docs.filter((doc) => !removes.get(key)?.has(doc));
        if (left.length) kept.set(key, left);
      }
      await cursor.delete();
      if (kept.size) await store.add(packSegment(kept));
    }
    cursor = await cursor.continue();
  }
}

/**
 * Keeps the on-disk search index in step with `changes`, in the transaction that writes them. A small write's
 * new postings become one segment (merged later by mergeSegments); a bulk one goes straight into the blocks.
 */
export async function updatePostings(tx: WriteTx, changes: PaperChange[]): Promise<void> {
  const { adds, removes, irregular } = diff(changes);
  if (Object.keys(irregular).length) {
    const meta = tx.objectStore('meta');
    const known = ((await meta.get(IRREGULAR_IDS_KEY)) ?? {}) as Record<number, string>;
    await meta.put({ ...known, ...irregular }, IRREGULAR_IDS_KEY);
  }
  if (removes.size) {
    await Promise.all([...removes].map(([key, docs]) => removePostings(tx, key, docs)));
    await removeFromSegments(tx, removes);
  }
  if (adds.size === 0) return;
  if (changes.length <= BULK) {
    await tx.objectStore('segments').add(packSegment(adds));
    return;
  }
  const last = await lastBlocks(tx);
  // A term with blocks in any field is in the term list already: only the others are filed (and their forms made).
  const listed = new Set([...last.keys()].map((key) => key.slice(2)));
  const newTerms = new Set<string>();
  const work: Promise<unknown>[] = [];
  for (const [key, docs] of adds) {
    const block = last.get(key);
    if (block === undefined && !listed.has(key.slice(2))) newTerms.add(key.slice(2));
    work.push(appendPostings(tx, key, docs, block ?? -1));
  }
  for (const term of newTerms) work.push(fileTerm(tx, term));
  await Promise.all(work);
}

/**
 * Moves up to `maxKeys` terms' postings from the segments into the per-term blocks, in one short transaction (the
 * database answers requests in order: a long one would hold up a page's reads);
 * returns how many segments are left. A posting is always in exactly one place, so searches stay exact throughout.
 */
export async function mergeSegments(tx: WriteTx, maxKeys = 120): Promise<number> {
  const store = tx.objectStore('segments');
  const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
  if (keys.length === 0) return 0;
  const segments: OpenSegment[] = values.map(openSegment);
  const chosen = [...new Set(segments.flatMap((segment) => segment.keys))].sort().slice(0, maxKeys);
  await Promise.all(
    chosen.map((key) =>
      appendPostings(
        tx,
        key,
        segments.flatMap((segment) => [...docsFor(segment, key)]),
      ),
    ),
  );
  const merged = new Set(chosen);
  let left = 0;
  await Promise.all(
    segments.map(async (segment, index) => {
      const rest = new Map([...segmentPostings(segment)].filter(([key]) => !merged.has(key)));
      await store.delete(keys[index]);
      if (rest.size) {
        left++;
        await store.add(packSegment(rest));
      }
    }),
  );
  return left;
}
