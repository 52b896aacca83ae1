// The first screen of the list, read the moment a page starts loading: a tiny classic script (entrypoints/
// first-screen.ts) runs before the page's own module has even been fetched, so the database opens and the newest
// rows are read while the rest of the page loads. Plain IndexedDB, no library: that script must stay small.
import { DB_NAME, DB_VERSION, PAPER_COUNT_KEY } from './schema';

/** Where the early read leaves its promises for the page's module. */
export const EARLY_READ_KEY = '__papershelfFirstScreen';

/** One index record as `getAllRecords` returns it. */
export interface IndexRecord {
  key: IDBValidKey;
  primaryKey: IDBValidKey;
  value: unknown;
}

export interface FirstScreen {
  /** The index's highest records first; fewer than asked for when the library ends there. */
  records: IndexRecord[];
  /** The paper count every write keeps (undefined when it was never kept). */
  count: number | undefined;
}

export interface EarlyRead {
  /** When the read began (epoch ms): a write the background reports from then on may be missing from it. */
  startedAt: number;
  /** A read-only connection; rejects with an AbortError when the database needs an upgrade only the background runs. */
  opening: Promise<IDBDatabase>;
  /** The newest rows by last seen, or null where the browser cannot read them in one request. */
  firstScreen: Promise<FirstScreen | null>;
}

/** Rows a first screen reads: a tall popup shows 8, the full page 12 — with room to scroll at once. */
export const FIRST_SCREEN = 30;

type RecordsIndex = IDBIndex & {
  getAllRecords?: (options: { count: number; direction: IDBCursorDirection }) => IDBRequest<IndexRecord[]>;
};

/** A request's answer as a promise. */
export const answer = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * The index's last `count` records, highest first, in one request where the browser has `getAllRecords`
 * (Chromium 141+; a cursor takes a round trip per row, about a millisecond each). Null elsewhere.
 */
export function topRecords(index: IDBIndex, count: number): Promise<IndexRecord[]> | null {
  const records = index as RecordsIndex;
  if (typeof records.getAllRecords !== 'function') return null;
  return answer(records.getAllRecords({ count, direction: 'prev' }));
}

/** Opens the library read-only (refusing an upgrade) and reads its newest rows in the same breath. */
export function startEarlyRead(factory: IDBFactory = indexedDB): EarlyRead {
  const startedAt = Date.now();
  const request = factory.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => request.transaction?.abort(); // only the background migrates
  const opening = answer(request);
  const firstScreen = opening.then((db) => {
    const tx = db.transaction(['papers', 'meta']);
    const top = topRecords(tx.objectStore('papers').index('lastSeenAt'), FIRST_SCREEN);
    if (!top) return null;
    const count = answer(tx.objectStore('meta').get(PAPER_COUNT_KEY));
    return Promise.all([top, count]).then(([records, kept]) => ({
      records,
      count: typeof kept === 'number' ? kept : undefined,
    }));
  });
  // Whoever takes these over reports their failures; none may surface as unhandled before that.
  opening.catch(() => {});
  firstScreen.catch(() => {});
  return { startedAt, opening, firstScreen };
}

/** The early read the page's classic script started, once (undefined without one, or when already taken). */
export function takeEarlyRead(): EarlyRead | undefined {
  const scope = globalThis as { [EARLY_READ_KEY]?: EarlyRead };
  const started = scope[EARLY_READ_KEY];
  delete scope[EARLY_READ_KEY];
  return started;
}
