// Papers leaving the library: chosen ones, those not seen for a while, or all of them.

import { WRITE_STORES } from '@/lib/library/schema';
import { toPaper } from '@/lib/library/stored';
import type { WriteTx } from '@/lib/library/write-tx';
import type { StoredPaper } from '@/lib/paper';
import type { LibraryDB } from './db';
import { updateDerived } from './derived';
import { inOneTransaction } from './ingest';

export async function deleteStored(tx: WriteTx, doomed: StoredPaper[]): Promise<number> {
  const store = tx.objectStore('papers');
  await Promise.all([
    ...doomed.map((paper) => store.delete(paper.id)),
    updateDerived(
      tx,
      doomed.map((paper) => ({ before: toPaper(paper), after: undefined })),
    ),
  ]);
  return doomed.length;
}

export function deletePapers(db: LibraryDB, ids: string[]): Promise<number> {
  return inOneTransaction(db, async (tx) => {
    const store = tx.objectStore('papers');
    const found = await Promise.all([...new Set(ids)].map((id) => store.get(id)));
    return deleteStored(
      tx,
      found.filter((paper): paper is StoredPaper => Boolean(paper)),
    );
  });
}

/** Forgets papers last seen before `iso`; the count is taken in the transaction that deletes them. */
export function purgeSeenBefore(db: LibraryDB, iso: string): Promise<number> {
  return inOneTransaction(db, async (tx) => {
    const doomed = await tx.objectStore('papers').index('lastSeenAt').getAll(IDBKeyRange.upperBound(iso, true));
    return deleteStored(tx, doomed);
  });
}

export function clearLibrary(db: LibraryDB): Promise<number> {
  return inOneTransaction(db, async (tx) => {
    const deleted = await tx.objectStore('papers').count();
    await Promise.all(WRITE_STORES.map((name) => tx.objectStore(name).clear()));
    return deleted;
  });
}
