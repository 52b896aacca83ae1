// The search's storage adapter: the on-disk index (postings blocks, recent segments, the term list) read for a
// query in one transaction, and the searcher extension pages hold.
import { countPapers, getPapers, isPaper, type LibraryReader, type ReadTx } from '@/lib/library/read';
import { type StoreName, termRange } from '@/lib/library/schema';
import type { Paper } from '@/lib/paper';
import { docIds, IRREGULAR_IDS_KEY, isIrregular } from './doc-ids';
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
 * `onMerged` hears when segments went away: their terms moved to the blocks and the term list.
 */
function segmentCache(onMerged: () => void) {
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
    if ([...cached.keys()].some((key) => !next.has(key))) onMerged();
    cached = next;
    return [...cached.values()];
  };
}

/**
 * The search index on disk as `tx` sees it, read on demand: nothing to load before the first query. Every read
 * but the ids' names goes through `tx` (the irregular ids' table only grows, and a long ranking is named later).
 */
function postingsSource(
  db: LibraryReader,
  tx: ReadTx,
  recent: Promise<OpenSegment[]>,
  vocabulary: () => Promise<readonly string[]>,
): PostingsSource {
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
    async termsWithPrefix(prefix) {
      const [stored, segments] = await Promise.all([
        tx.objectStore('terms').getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`, true, false), 2000),
        recent,
      ]);
      const fresh = segments.flatMap((segment) =>
        FIELDS.flatMap((field) => keysWithPrefix(segment, `${field} ${prefix}`).map((key) => key.slice(2))),
      );
      return [...new Set([...stored, ...fresh])].filter((term) => term !== prefix);
    },
    async vocabulary() {
      const segments = await recent; // first: a merge it reveals makes the kept vocabulary be read again
      const stored = await vocabulary();
      const fresh = segments.flatMap((segment) => segment.keys.map((key) => key.slice(2)));
      return fresh.length ? [...new Set([...stored, ...fresh])] : stored;
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

/** Terms per request when the vocabulary is read in idle time. */
const VOCABULARY_SLICE = 4000;
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));

/** Every indexed term, a slice at a time, waiting for `pause` before each slice. */
export async function termsInSlices(
  db: LibraryReader,
  pause: () => Promise<void>,
  size = VOCABULARY_SLICE,
): Promise<string[]> {
  const terms: string[] = [];
  for (;;) {
    await pause();
    const after = terms.at(-1);
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const slice = (await db.getAllKeys('terms', range, size)) as string[];
    for (const term of slice) terms.push(term);
    if (slice.length < size) return terms;
  }
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
 * Search over the on-disk index. The vocabulary (for typo tolerance only) is read once per searcher, when a
 * word has no match or in idle time after a first search; `refresh` forgets what may have changed after the
 * library did (the vocabulary). Each answer brings the papers of its first `firstScreen` ids.
 */
export function createSearcher(
  db: LibraryReader,
  firstRanked = SEARCH_FIRST_RANKED,
  firstScreen = SEARCH_FIRST_SCREEN,
) {
  // The vocabulary once read, and the read in idle time under way (if any).
  let vocabulary: readonly string[] | undefined;
  let reading: Promise<readonly string[]> | undefined;
  const forget = () => {
    vocabulary = undefined;
    reading = undefined;
  };
  // Someone searching will mistype a word sooner or later: the vocabulary is read in idle time, a slice at a time,
  // so the next query's requests are answered between slices rather than after the whole of it.
  const readVocabularySoon = () => {
    if (vocabulary || reading || typeof requestIdleCallback !== 'function') return;
    const slices = termsInSlices(db, idle);
    reading = slices;
    slices.then(
      (terms) => {
        if (reading === slices) vocabulary = terms; // unless forgotten meanwhile
      },
      () => {
        if (reading === slices) reading = undefined; // read again next time, not failed for good
      },
    );
  };
  const readSegments = segmentCache(forget);
  return {
    async search(query: string, options?: SearchOptions): Promise<SearchAnswer> {
      const tx = db.transaction(SEARCH_STORES);
      // The segments are looked at once per search, not once per word and step.
      const recent = readSegments(tx);
      recent.catch(() => {}); // an id lookup never reads them; a failure is reported where they are read
      // Within the search's transaction: waiting on a read outside it would let the transaction end.
      const readVocabulary = async () => {
        vocabulary ??= await tx.objectStore('terms').getAllKeys();
        return vocabulary;
      };
      const result = await searchPostings(postingsSource(db, tx, recent, readVocabulary), query, firstRanked, options);
      if (!options?.exact) readVocabularySoon(); // words taken as they are never need the vocabulary
      const firstPapers = (await getPapers(db, result.ids.slice(0, firstScreen))).filter(isPaper);
      return { ...result, firstPapers };
    },
    refresh: forget,
  };
}
