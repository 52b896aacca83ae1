// The search's storage adapter: the on-disk index (postings blocks, recent segments, the term list, its typo forms) read
// for a query in one transaction, and the searcher extension pages hold.
import { countPapers, getPapers, isPaper, type LibraryReader, type ReadTx } from '@/lib/library/read';
import { type StoreName, termRange } from '@/lib/library/schema';
import type { Paper } from '@/lib/paper';
import { docIds, IRREGULAR_IDS_KEY, isIrregular } from './doc-ids';
import { lookupForms, nearTerms, twoTyposPrefix } from './fuzzy';
import { type PostingsSource, type SearchOptions, type SearchResult, searchPostings } from './query';
import { docsFor, keysWithPrefix, type OpenSegment, openSegment } from './segments';
import { FIELDS } from './tokens';

function concat(blocks: Uint32Array[]): Uint32Array {
  if (blocks.length === 1) return blocks[0];
  const all = new Uint32Array(blocks.reduce((sum, block) => sum + block.length, 0));
  let offset = 0;
  for (const block of blocks) {
    all.set(block, offset);
    offset += block.length;
  }
  return all;
}

/** What a search reads, all in one transaction: a merge or a write commits before it or after it, never between. */
const SEARCH_STORES: StoreName[] = ['postings', 'segments', 'terms', 'meta', 'papers'];

/**
 * The segments of recent writes, each opened once: a segment never changes (a rewrite gets a new key, and no key
 * is given twice).
 */
function segmentCache() {
  let cached = new Map<number, OpenSegment>();
  return async (tx: ReadTx): Promise<OpenSegment[]> => {
    const store = tx.objectStore('segments');
    const keys = await store.getAllKeys();
    const next = new Map<number, OpenSegment>();
    const missing = keys.filter((key) => !cached.has(key));
    const read = await Promise.all(missing.map((key) => store.get(key)));
    missing.forEach((key, index) => {
      const segment = read[index];
      if (segment) next.set(key, openSegment(segment));
    });
    for (const key of keys) {
      const known = cached.get(key);
      if (known) next.set(key, known);
    }
    cached = next;
    return [...cached.values()];
  };
}

/**
 * The terms `word` may be a misspelling of, as far as the merged index knows them: those filed under one of its
 * lookup forms, and for a long word those beginning as it does. A superset: fuzzy.ts's nearTerms picks among them.
 */
async function typoCandidatesOnDisk(tx: ReadTx, word: string): Promise<string[]> {
  const terms = tx.objectStore('terms');
  const byForm = terms.index('typoForm');
  const prefix = twoTyposPrefix(word);
  const [filed, begun] = await Promise.all([
    Promise.all(lookupForms(word).map((form) => byForm.getAllKeys(form))),
    prefix === null ? [] : terms.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)),
  ]);
  return [...filed.flat(), ...begun];
}

/**
 * The search index on disk as `tx` sees it, read on demand: nothing to load before the first query. Every read
 * but the ids' names goes through `tx` (the irregular ids' table only grows, and a long ranking is named later).
 */
function postingsSource(db: LibraryReader, tx: ReadTx, recent: Promise<OpenSegment[]>): PostingsSource {
  return {
    async postings(terms) {
      const store = tx.objectStore('postings');
      const [segments, found] = await Promise.all([
        recent,
        Promise.all(terms.map((term) => Promise.all(FIELDS.map((field) => store.getAll(termRange(field, term)))))),
      ]);
      return new Map(
        terms.map((term, index) => [
          term,
          FIELDS.map((field) =>
            concat([...found[index][field], ...segments.map((segment) => docsFor(segment, `${field} ${term}`))]),
          ),
        ]),
      );
    },
    async termsBeginning(word) {
      const [stored, segments] = await Promise.all([
        tx.objectStore('terms').getAllKeys(IDBKeyRange.bound(word, `${word}\uffff`), 2000),
        recent,
      ]);
      const fresh = segments.flatMap((segment) =>
        FIELDS.flatMap((field) => keysWithPrefix(segment, `${field} ${word}`).map((key) => key.slice(2))),
      );
      return [...new Set([...stored, ...fresh])];
    },
    async termsNear(word) {
      // Terms of unmerged segments are not filed under their forms yet: the few of recent writes are compared.
      const [filed, segments] = await Promise.all([typoCandidatesOnDisk(tx, word), recent]);
      const fresh = segments.flatMap((segment) => segment.keys.map((key) => key.slice(2)));
      return nearTerms(word, [...filed, ...fresh]);
    },
    paperCount: () => countPapers(db, tx),
    async idsOf(docs) {
      // Irregular (old-style) ids are rare: their table is read only when a result has one.
      const table = docs.some(isIrregular) ? ((await db.get('meta', IRREGULAR_IDS_KEY)) ?? {}) : {};
      return docIds(docs, table as Record<number, string>);
    },
    async hasPaper(id) {
      return (await tx.objectStore('papers').getKey(id)) !== undefined;
    },
  };
}

/** A search's answer, with the papers of its first screen: the list shows them in the render that lists it. */
export interface SearchAnswer extends SearchResult {
  firstPapers: Paper[];
}

/** Rows of a search's first screen read with it. */
const SEARCH_FIRST_SCREEN = 16;
/** A larger result is ranked and named in two steps: its best papers (a few screens' worth), then the rest. */
const SEARCH_FIRST_RANKED = 200;

/**
 * Search over the on-disk index: each search reads what it needs in one transaction, typos included (nothing is
 * read ahead or kept but the segments). Each answer brings the papers of its first `firstScreen` ids.
 */
export function createSearcher(
  db: LibraryReader,
  firstRanked = SEARCH_FIRST_RANKED,
  firstScreen = SEARCH_FIRST_SCREEN,
) {
  const readSegments = segmentCache();
  return {
    async search(query: string, options?: SearchOptions): Promise<SearchAnswer> {
      const tx = db.transaction(SEARCH_STORES);
      // The segments are looked at once per search, not once per word and step.
      const recent = readSegments(tx);
      recent.catch(() => {}); // an id lookup never reads them; a failure is reported where they are read
      const result = await searchPostings(postingsSource(db, tx, recent), query, firstRanked, options);
      const firstPapers = (await getPapers(db, result.ids.slice(0, firstScreen))).filter(isPaper);
      return { ...result, firstPapers };
    },
  };
}
