import { wrap } from 'idb';
import {
  EARLY_READ_KEY,
  FIRST_SCREEN,
  type IndexRecord,
  startEarlyRead,
  takeEarlyRead,
} from '@/lib/library/first-screen';
import { type LibraryReader, openLibraryReader, orderedIds, pageOf, papersInOrder } from '@/lib/library/read';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { makePaper } from '../helpers/papers';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString();
// Three papers share each day, as a capture stamps its papers with one time: the first screen ends inside a tie.
const library = Array.from({ length: 40 }, (_, index) =>
  makePaper(`2601.${String(index).padStart(5, '0')}`, { lastSeenAt: at(Math.floor(index / 3)) }),
);

type Index = typeof IDBIndex.prototype & { getAllRecords?: unknown };

/**
 * Chromium's `getAllRecords`, which the test database lacks, done as the specification says: the records of the
 * index in its order (in reverse for 'prev', ties by the higher primary key), at most `count` of them.
 */
function getAllRecordsByCursor(this: IDBIndex, options: { count: number; direction: IDBCursorDirection }) {
  const records: IndexRecord[] = [];
  const cursorRequest = this.openCursor(null, options.direction);
  const result = { result: records, onsuccess: null as null | (() => void), onerror: null as null | (() => void) };
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (cursor && records.length < options.count) {
      records.push({ key: cursor.key, primaryKey: cursor.primaryKey, value: cursor.value });
      cursor.continue();
    } else result.onsuccess?.();
  };
  cursorRequest.onerror = () => result.onerror?.();
  return result;
}

describe('the first screen read as a page starts loading', () => {
  afterEach(() => {
    delete (IDBIndex.prototype as Index).getAllRecords;
  });

  it('reads the newest rows and the kept count with the opening; the list pages on from where it ends', async () => {
    (IDBIndex.prototype as Index).getAllRecords = getAllRecordsByCursor;
    (await openLibrary().then((db) => applyImport(db, library).then(() => db))).close();

    const early = startEarlyRead();
    const screen = await early.firstScreen;
    expect(screen?.count).toBe(40);
    const { papers, next } = pageOf(screen?.records ?? [], FIRST_SCREEN);
    const order = await orderedIds(await openLibraryReader(), 'lastSeen');
    expect(papers.map((paper) => paper.id)).toEqual(order.slice(0, FIRST_SCREEN));
    expect(papers[0]).toEqual(library[39]); // the paper as the page sees it, without the database's bookkeeping

    const db = await early.opening;
    expect(db.version).toBeGreaterThan(0);
    expect(next).not.toBeNull();
    const rest = await papersInOrder(wrap(db) as LibraryReader, 'lastSeen', 100, next ?? undefined);
    expect(rest.papers.map((paper) => paper.id)).toEqual(order.slice(FIRST_SCREEN));
    expect(rest.next).toBeNull();
    db.close();
  });

  it('says the list ends there when the library is shorter than a screen', async () => {
    (IDBIndex.prototype as Index).getAllRecords = getAllRecordsByCursor;
    (await openLibrary().then((db) => applyImport(db, library.slice(0, 4)).then(() => db))).close();
    const screen = await startEarlyRead().firstScreen;
    expect(screen?.records).toHaveLength(4);
    expect(pageOf(screen?.records ?? [], FIRST_SCREEN).next).toBeNull();
  });

  it('leaves the first screen to the page where the browser cannot read it in one request', async () => {
    (await openLibrary()).close();
    const early = startEarlyRead();
    await expect(early.firstScreen).resolves.toBeNull();
    (await early.opening).close();
  });

  it('refuses to create or migrate the database, which only the background does', async () => {
    const early = startEarlyRead();
    await expect(early.opening).rejects.toMatchObject({ name: 'AbortError' });
    await expect(early.firstScreen).rejects.toMatchObject({ name: 'AbortError' });
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain('papershelf');
  });

  it('is handed to the page once', async () => {
    (await openLibrary()).close();
    const early = startEarlyRead();
    (globalThis as Record<string, unknown>)[EARLY_READ_KEY] = early;
    expect(takeEarlyRead()).toBe(early);
    expect(takeEarlyRead()).toBeUndefined();
    (await early.opening).close();
  });
});
