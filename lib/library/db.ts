import { type IDBPDatabase, openDB } from 'idb';
import type { Paper, StoredPaper } from '@/lib/paper';
import { migrate } from './migrations';
import { DB_NAME, DB_VERSION, type LibrarySchema } from './schema';

export type LibraryDB = IDBPDatabase<LibrarySchema>;

export function openLibrary(): Promise<LibraryDB> {
  return openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, oldVersion, tx),
    // A newer version of the extension wants to upgrade: step aside rather than block it.
    blocking: (_current, _blocked, event) => (event.target as IDBDatabase).close(),
  });
}

/** The paper as the rest of the extension sees it, without the database's own bookkeeping. */
function toPaper({ recentViewIds: _, changedAt: __, ...paper }: StoredPaper): Paper {
  return paper;
}

export function countPapers(db: LibraryDB): Promise<number> {
  return db.count('papers');
}

/** Several papers in one transaction (one per id, undefined where there is none). */
export async function getPapers(db: LibraryDB, ids: string[]): Promise<(Paper | undefined)[]> {
  const store = db.transaction('papers').store;
  const stored = await Promise.all(ids.map((id) => store.get(id)));
  return stored.map((paper) => paper && toPaper(paper));
}

export async function getAllPapers(db: LibraryDB): Promise<Paper[]> {
  return (await db.getAll('papers')).map(toPaper);
}

/** The most recently seen papers first, reading only as many records as asked for. */
export async function listRecentPapers(db: LibraryDB, { limit }: { limit: number }): Promise<Paper[]> {
  const papers: Paper[] = [];
  let cursor = await db.transaction('papers').store.index('lastSeenAt').openCursor(null, 'prev');
  while (cursor && papers.length < limit) {
    papers.push(toPaper(cursor.value));
    cursor = await cursor.continue();
  }
  return papers;
}

/** Papers written after `iso` (exclusive): captured, imported, starred or annotated since then. */
export async function getPapersChangedSince(db: LibraryDB, iso: string): Promise<Paper[]> {
  const range = iso ? IDBKeyRange.lowerBound(iso, true) : undefined;
  return (await db.getAllFromIndex('papers', 'changedAt', range)).map(toPaper);
}
