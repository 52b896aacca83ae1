import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StoredPaper } from '@/lib/paper';
import type { LibrarySchema } from './schema';

type UpgradeTransaction = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

/**
 * Every schema change, in order. Each step takes the database from the version before it;
 * a browser that skipped versions runs all the steps it missed.
 */
export async function migrate(db: IDBPDatabase<LibrarySchema>, oldVersion: number, tx: UpgradeTransaction) {
  if (oldVersion < 1) {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('lastSeenAt', 'lastSeenAt');
  }
  if (oldVersion < 2) {
    const papers = tx.objectStore('papers');
    papers.createIndex('publishedAt', 'publishedAt');
    papers.createIndex('firstSeenAt', 'firstSeenAt');
    db.createObjectStore('meta');
    // Version 1 records lack the annotation, history and link fields.
    let cursor = await papers.openCursor();
    while (cursor) {
      await cursor.update(upgradeV1Record(cursor.value));
      cursor = await cursor.continue();
    }
  }
  if (oldVersion < 3) {
    // Every write now stamps changedAt; until a record is written again, its last sighting is its last change.
    const papers = tx.objectStore('papers');
    papers.createIndex('changedAt', 'changedAt');
    let cursor = await papers.openCursor();
    while (cursor) {
      await cursor.update({ ...cursor.value, changedAt: cursor.value.changedAt ?? cursor.value.lastSeenAt });
      cursor = await cursor.continue();
    }
  }
}

export function upgradeV1Record(record: Partial<StoredPaper> & { id: string }): StoredPaper {
  const upvotes = typeof record.upvotes === 'number' ? record.upvotes : null;
  return {
    submittedOnDailyAt: null,
    aiSummary: null,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    organization: null,
    tags: [],
    note: null,
    upvoteHistory: upvotes === null || !record.lastSeenAt ? [] : [{ at: record.lastSeenAt, upvotes }],
    ...record,
  } as StoredPaper;
}
