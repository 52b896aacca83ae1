import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LibrarySchema } from '@/lib/library/schema';
import { toPaper, toStored } from '@/lib/library/stored';
import type { WriteTx } from '@/lib/library/write-tx';
import type { StoredPaper } from '@/lib/paper';
import { deriveTypoForms, updateDerived } from './derived';

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
  if (oldVersion < 4) {
    // The list reads screens from indexes, search reads postings on disk, topics read tallies: all derived here
    // once from the papers, then kept in step by every write.
    const papers = tx.objectStore('papers');
    papers.createIndex('byPublished', ['publishedOrder', 'lastSeenAt']);
    papers.createIndex('byUpvotes', ['upvoteOrder', 'lastSeenAt']);
    papers.createIndex('byVelocity', ['velocityOrder', 'lastSeenAt']);
    papers.createIndex('starred', 'starredOrder');
    // For the full page's filters: papers by tag, and papers with code.
    papers.createIndex('tags', 'tags', { multiEntry: true });
    papers.createIndex('githubRepo', 'githubRepo');
    db.createObjectStore('postings');
    db.createObjectStore('segments', { autoIncrement: true });
    // With version 6's index: the derivation below is today's, which files every term's typo forms as well.
    db.createObjectStore('terms').createIndex('typoForm', 'forms', { multiEntry: true });
    db.createObjectStore('topicDays');
    // The search index of version 3 was one large snapshot; it is replaced by the postings.
    await tx.objectStore('meta').delete('searchIndex');
    const all: StoredPaper[] = [];
    let cursor = await papers.openCursor();
    while (cursor) {
      const stored = toStored(cursor.value, cursor.value.changedAt);
      all.push(stored);
      await cursor.update(stored);
      cursor = await cursor.continue();
    }
    await updateDerived(
      tx as unknown as WriteTx,
      all.map((paper) => ({ before: undefined, after: toPaper(paper) })),
    );
  }
  if (oldVersion < 5) {
    // Reading states: none yet. The queue index holds only papers with a queuedAt (null is no key).
    const papers = tx.objectStore('papers');
    papers.createIndex('queue', 'queuedAt');
    // What suggestions learn from, found without reading the library: papers edited or opened by the user.
    papers.createIndex('annotated', 'annotatedAt');
    papers.createIndex('opened', 'openedAt');
    let cursor = await papers.openCursor();
    while (cursor) {
      const { readingState = null, queuedAt = null, openedAt = null } = cursor.value;
      await cursor.update({ ...cursor.value, readingState, queuedAt, openedAt });
      cursor = await cursor.continue();
    }
  }
  const terms = tx.objectStore('terms');
  if (oldVersion < 6 && !terms.indexNames.contains('typoForm')) {
    // Typo tolerance reads the index instead of the whole term list: every term known so far is filed under its
    // typo forms (terms of unmerged segments are filed when they are merged).
    terms.createIndex('typoForm', 'forms', { multiEntry: true });
    await deriveTypoForms(tx as unknown as WriteTx);
  } else if (oldVersion === 6) {
    // Version 6 filed a term under each form with one letter left out; from 7 under its two halves: two index
    // entries a term instead of one more than its letters.
    await deriveTypoForms(tx as unknown as WriteTx);
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
