// The one way extension pages read the library: a screen of rows for a sort, counts, lookups by id, search.
// Pages never migrate or write; only the background does (see db.ts).
import { type IDBPDatabase, type IDBPTransaction, openDB, unwrap, wrap } from 'idb';
import type { Paper, StoredPaper } from '@/lib/paper';
import { SUGGESTIONS_KEY, type SuggestionsRecord } from '@/lib/recommend/record';
import { docIds, IRREGULAR_IDS_KEY, isIrregular } from '@/lib/search/doc-ids';
import { type PostingsSource, type SearchOptions, type SearchResult, searchPostings } from '@/lib/search/query';
import { docsFor, keysWithPrefix, type OpenSegment, openSegment } from '@/lib/search/segments';
import { FIELDS } from '@/lib/search/tokens';
import { type IndexRecord, topRecords } from './first-screen';
import { DB_NAME, DB_VERSION, type LibrarySchema, PAPER_COUNT_KEY, type StoreName } from './schema';
import { toPaper } from './stored';

export type LibraryReader = IDBPDatabase<LibrarySchema>;
export type SortKey = 'lastSeen' | 'firstSeen' | 'published' | 'upvotes' | 'velocity';

/** The database is older than this code (or absent): the background must open it first, as only it migrates. */
export class LibraryNotReady extends Error {}

/**
 * Opens the library for reading, or takes over an opening already `begun` (by the page's classic script, see
 * first-screen.ts). An upgrade is refused (the background owns migrations): the caller asks the background to open
 * the database, then tries again. `onStale` is called when a newer version needs the database.
 */
export async function openLibraryReader(
  onStale: () => void = () => {},
  begun?: Promise<IDBDatabase>,
): Promise<LibraryReader> {
  const stale = (db: IDBDatabase) => {
    db.close();
    onStale();
  };
  try {
    if (begun) {
      const db = await begun;
      db.addEventListener('versionchange', () => stale(db));
      return wrap(db) as LibraryReader;
    }
    return await openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
      upgrade: (_db, _old, _new, tx) => {
        tx.done.catch(() => {}); // the refusal is reported as LibraryNotReady below
        tx.abort();
      },
      blocking: (_current, _blocked, event) => stale(event.target as IDBDatabase),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw new LibraryNotReady('library not ready');
    throw error;
  }
}

const INDEX_OF = {
  lastSeen: 'lastSeenAt',
  firstSeen: 'firstSeenAt',
  published: 'byPublished',
  upvotes: 'byUpvotes',
  velocity: 'byVelocity',
} as const;

/** A read transaction over the stores it is opened with. */
type ReadTx = IDBPTransaction<LibrarySchema, StoreName[], 'readonly'>;

/** The number of papers, kept by every write (counting the store would walk all of it); read in `tx` if given. */
export async function countPapers(
  db: LibraryReader,
  tx: ReadTx = db.transaction(['meta', 'papers'] as StoreName[]),
): Promise<number> {
  const kept = await tx.objectStore('meta').get(PAPER_COUNT_KEY);
  return typeof kept === 'number' ? kept : tx.objectStore('papers').count();
}

/** Where a page of the list ended: the index key and the id of its last row. */
export interface OrderPosition {
  key: IDBValidKey;
  id: string;
}

/**
 * The next `limit` papers in `sort` order after `after` (from the top without it), reading only those records:
 * the list pages through the index as it scrolls instead of reading the whole order. `next` is null at the end.
 */
export async function papersInOrder(
  db: LibraryReader,
  sort: SortKey,
  limit: number,
  after?: OrderPosition,
): Promise<{ papers: Paper[]; next: OrderPosition | null }> {
  const index = db.transaction('papers').store.index(INDEX_OF[sort]);
  const top = after ? null : topRecords(unwrap(index), limit);
  if (top) return pageOf(await top, limit);
  let cursor = await index.openCursor(after ? IDBKeyRange.upperBound(after.key) : null, 'prev');
  // Rows share a key (a capture stamps its papers with one time): step past the ones already listed, which
  // come first in this direction as ties fall to the higher id.
  if (cursor && after && indexedDB.cmp(cursor.key, after.key) === 0 && cursor.primaryKey >= after.id) {
    if (cursor.primaryKey > after.id)
      cursor = await cursor.continuePrimaryKey(after.key as typeof cursor.key, after.id);
    if (cursor?.primaryKey === after.id) cursor = await cursor.continue();
  }
  const papers: Paper[] = [];
  let last: OrderPosition | null = null;
  while (cursor && papers.length < limit) {
    papers.push(toPaper(cursor.value));
    last = { key: cursor.key, id: cursor.primaryKey };
    cursor = await cursor.continue();
  }
  return { papers, next: cursor ? last : null };
}

/** A first page read in one request (see topRecords): its papers, and where the next page starts. */
export function pageOf(records: IndexRecord[], limit: number): { papers: Paper[]; next: OrderPosition | null } {
  const last = records.at(-1);
  const next = records.length === limit && last ? { key: last.key, id: last.primaryKey as string } : null;
  return { papers: records.map((record) => toPaper(record.value as StoredPaper)), next };
}

/** Every paper's id in `sort` order, from the index alone (no record is read). */
export async function orderedIds(db: LibraryReader, sort: SortKey): Promise<string[]> {
  const ids = (await db.getAllKeysFromIndex('papers', INDEX_OF[sort])) as string[];
  // The indexes ascend; the list shows the newest (or highest) first. Ties fall to the higher id, as in firstPapers.
  return ids.reverse();
}

/** The starred papers, read from their own small index. */
export async function starredPapers(db: LibraryReader): Promise<Paper[]> {
  return (await db.getAllFromIndex('papers', 'starred')).map(toPaper);
}

/** The To read queue, oldest first by when each paper was queued (a small index of its own). */
export async function queuedPapers(db: LibraryReader): Promise<Paper[]> {
  return (await db.getAllFromIndex('papers', 'queue')).map(toPaper);
}

/** The last For you ranking the background stored, if any. */
export async function storedSuggestions(db: LibraryReader): Promise<SuggestionsRecord | undefined> {
  return (await db.get('meta', SUGGESTIONS_KEY)) as SuggestionsRecord | undefined;
}

export const isPaper = (paper: Paper | undefined): paper is Paper => Boolean(paper);

/** Papers by id, in one transaction (undefined where there is none). */
export async function getPapers(db: LibraryReader, ids: readonly string[]): Promise<(Paper | undefined)[]> {
  const store = db.transaction('papers').store;
  const stored = await Promise.all(ids.map((id) => store.get(id)));
  return stored.map((paper) => paper && toPaper(paper));
}

export interface LibraryFilters {
  tag?: string;
  /** Inclusive ISO bounds on when the paper was last seen, and when it was published. */
  seenFrom?: string;
  seenTo?: string;
  publishedFrom?: string;
  publishedTo?: string;
  hasCode?: boolean;
  /** Only papers first seen after this time (ISO, exclusive): what is new since the last visit. */
  firstSeenAfter?: string;
}

const between = (from?: string, to?: string) =>
  from && to
    ? IDBKeyRange.bound(from, to)
    : from
      ? IDBKeyRange.lowerBound(from)
      : to
        ? IDBKeyRange.upperBound(to)
        : null;

/** The ids every chosen filter lets through, each read from its index; undefined when no filter is chosen. */
export async function filteredIds(db: LibraryReader, filters: LibraryFilters): Promise<Set<string> | undefined> {
  const sets: Promise<string[]>[] = [];
  const keys = (
    index: 'tags' | 'lastSeenAt' | 'publishedAt' | 'githubRepo' | 'firstSeenAt',
    range: IDBKeyRange | string | null,
  ) => db.getAllKeysFromIndex('papers', index, range ?? undefined) as Promise<string[]>;
  if (filters.tag) sets.push(keys('tags', filters.tag));
  const seen = between(filters.seenFrom, filters.seenTo);
  if (seen) sets.push(keys('lastSeenAt', seen));
  const published = between(filters.publishedFrom, filters.publishedTo);
  if (published) sets.push(keys('publishedAt', published));
  if (filters.hasCode) sets.push(keys('githubRepo', null));
  if (filters.firstSeenAfter) sets.push(keys('firstSeenAt', IDBKeyRange.lowerBound(filters.firstSeenAfter, true)));
  if (sets.length === 0) return undefined;
  const [first, ...rest] = (await Promise.all(sets)).map((ids) => new Set(ids));
  return new Set([...first].filter((id) => rest.every((set) => set.has(id))));
}

/** How many papers were first seen after `iso` (exclusive), from the index alone. */
export function countFirstSeenAfter(db: LibraryReader, iso: string): Promise<number> {
  return db.countFromIndex('papers', 'firstSeenAt', IDBKeyRange.lowerBound(iso, true));
}

/** Every tag in the library, once each, from the tag index. */
export async function allTags(db: LibraryReader): Promise<string[]> {
  const tags: string[] = [];
  let cursor = await db.transaction('papers').store.index('tags').openKeyCursor(null, 'nextunique');
  while (cursor) {
    tags.push(cursor.key as string);
    cursor = await cursor.continue();
  }
  return tags;
}

/** Papers last seen before `iso`, counted from the index. */
export function countSeenBefore(db: LibraryReader, iso: string): Promise<number> {
  return db.countFromIndex('papers', 'lastSeenAt', IDBKeyRange.upperBound(iso, true));
}

/** The whole library a slice at a time, in id order (for export): never all of it in memory at once. */
export async function* allPapers(db: LibraryReader, slice = 1000): AsyncGenerator<Paper[]> {
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const records = await db.getAll('papers', range, slice);
    if (records.length === 0) return;
    yield records.map(toPaper);
    after = records[records.length - 1].id;
  }
}

const termRange = (field: number, term: string) => IDBKeyRange.bound([field, term, 0], [field, term, Infinity]);

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
