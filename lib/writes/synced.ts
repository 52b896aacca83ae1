import type { PaperRecord, StoredPaper } from '@/lib/paper';
import type { LibraryDB } from './db';
import { inOneTransaction, writePapers } from './ingest';
import { deleteStored } from './removal';

/** Which papers a pass of sync reads: some by id, those written since a time, or every one `wanted` accepts. */
export interface SyncSelection {
  ids: Iterable<string>;
  writtenSince: string | null;
  /** Looks through the whole library (once, when sync is first turned on). */
  everything: boolean;
  wanted: (paper: StoredPaper) => boolean;
}

export interface SyncWrites {
  put: PaperRecord[];
  remove: string[];
}

const SLICE = 500;

/**
 * One pass of sync in one transaction: the papers selected are read, `decide` says what to write and remove
 * (synchronously, so the transaction stays open and nothing else writes in between), and that is written with
 * everything derived from it, or nothing is.
 */
export function applySyncPass<T extends SyncWrites>(
  db: LibraryDB,
  selection: SyncSelection,
  decide: (papers: Map<string, StoredPaper | undefined>) => T,
  now: string,
): Promise<T> {
  return inOneTransaction(db, async (tx) => {
    const store = tx.objectStore('papers');
    const papers = new Map<string, StoredPaper | undefined>();
    const ids = [...new Set(selection.ids)];
    const found = await Promise.all(ids.map((id) => store.get(id)));
    ids.forEach((id, index) => {
      papers.set(id, found[index]);
    });
    const consider = (paper: StoredPaper) => {
      if (!papers.has(paper.id) && selection.wanted(paper)) papers.set(paper.id, paper);
    };
    if (selection.everything) {
      // In slices by key: one request per slice, and never the whole library in memory.
      let after: string | null = null;
      for (;;) {
        const slice: StoredPaper[] = await store.getAll(
          after === null ? null : IDBKeyRange.lowerBound(after, true),
          SLICE,
        );
        slice.forEach(consider);
        if (slice.length < SLICE) break;
        after = slice[slice.length - 1].id;
      }
    } else if (selection.writtenSince !== null) {
      let cursor = await store.index('changedAt').openCursor(IDBKeyRange.lowerBound(selection.writtenSince));
      while (cursor) {
        consider(cursor.value);
        cursor = await cursor.continue();
      }
    }
    const writes = decide(papers);
    const doomed = writes.remove.flatMap((id) => papers.get(id) ?? []);
    // One after the other: both keep the paper count in the same meta record.
    await writePapers(tx, writes.put, papers, now);
    await deleteStored(tx, doomed);
    return writes;
  });
}
