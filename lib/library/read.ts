// The library's list read API: opening it read-only, a screen of rows for a sort, counts, filters, lookups by id.
// Pages never migrate or write; only the background does (see db.ts). The search reads its own stores through
// lib/search/store.ts, the topics theirs through lib/topics/read.ts.
import { type IDBPDatabase, type IDBPTransaction, openDB, unwrap, wrap } from 'idb';
import type { Paper, StoredPaper } from '@/lib/paper';
import { type IndexRecord, topRecords } from './first-screen';
import { DB_NAME, DB_VERSION, type LibrarySchema, PAPER_COUNT_KEY, type StoreName } from './schema';
import { toPaper } from './stored';

export type LibraryReader = IDBPDatabase<LibrarySchema>;
/** The orders the list can be shown in, each kept by an index of the papers store. */
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
export type ReadTx = IDBPTransaction<LibrarySchema, StoreName[], 'readonly'>;

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
