import { type ImportSummary, mergeImported, mergeSighting, tallyImport } from '@/lib/library/merge';
import { WRITE_STORES } from '@/lib/library/schema';
import { toPaper, toStored } from '@/lib/library/stored';
import type { PaperChange, WriteTx } from '@/lib/library/write-tx';
import type { CaptureBatch, Paper, PaperRecord, StoredPaper } from '@/lib/paper';
import type { LibraryDB } from './db';
import { updateDerived } from './derived';

const writeTx = (db: LibraryDB): WriteTx => db.transaction(WRITE_STORES, 'readwrite');

/** Runs `work` in one write transaction; any failure aborts all of it, so nothing is half-written. */
export async function inOneTransaction<T>(db: LibraryDB, work: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = writeTx(db);
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    tx.done.catch(() => {}); // the abort below is the outcome we report, not a second failure
    if (!tx.error) {
      try {
        tx.abort();
      } catch {
        // already finished
      }
    }
    throw error;
  }
}

/** Writes papers and everything derived from them; `before` holds what each id was (undefined if new). */
export async function writePapers(
  tx: WriteTx,
  records: PaperRecord[],
  before: Map<string, StoredPaper | undefined>,
  now: string,
) {
  const store = tx.objectStore('papers');
  const stored = records.map((record) => toStored(record, now));
  const changes: PaperChange[] = stored.map((paper) => {
    const old = before.get(paper.id);
    return { before: old && toPaper(old), after: toPaper(paper) };
  });
  // An async callback turns a bad record's synchronous throw into a rejection: the writes already sent are still
  // awaited, not left to fail unheard when the transaction aborts.
  await Promise.all([...stored.map(async (paper) => store.put(paper)), updateDerived(tx, changes)]);
}

/** One page view's batch, merged into the library in one transaction. `openedId`: the paper whose own page it is. */
export function ingestCapture(
  db: LibraryDB,
  batch: CaptureBatch,
  now: string,
  openedId: string | null = null,
): Promise<{ stored: number; ids: string[] }> {
  return inOneTransaction(db, async (tx) => {
    const ids = [...new Set(batch.papers.map((paper) => paper.id))];
    const store = tx.objectStore('papers');
    // Looked up together: one round trip for the batch instead of one per paper.
    const found = await Promise.all(ids.map((id) => store.get(id)));
    const before = new Map(ids.map((id, index) => [id, found[index]]));
    const merged = new Map<string, PaperRecord | undefined>(before);
    for (const sighting of batch.papers) {
      const opened = sighting.id === openedId;
      merged.set(sighting.id, mergeSighting(merged.get(sighting.id), sighting, batch.viewId, now, opened));
    }
    await writePapers(tx, [...merged.values()] as PaperRecord[], before, now);
    return { stored: ids.length, ids };
  });
}

const IMPORT_SLICE = 500;

/** All of an import or none of it: one transaction, aborted by any failure. */
export function applyImport(
  db: LibraryDB,
  papers: Paper[],
  now = new Date().toISOString(),
  onProgress: (papersMerged: number) => void = () => {},
): Promise<ImportSummary> {
  return inOneTransaction(db, async (tx) => {
    const store = tx.objectStore('papers');
    // What each id was before the import, and what it is after: a repeated id merges onto its own earlier record.
    const before = new Map<string, StoredPaper | undefined>();
    const written = new Map<string, PaperRecord>();
    // Only ids the library holds are looked up: a restore into an empty library reads nothing but this list.
    const held = new Set(await store.getAllKeys());
    for (let start = 0; start < papers.length; start += IMPORT_SLICE) {
      const slice: Paper[] = [];
      for (const paper of papers.slice(start, start + IMPORT_SLICE)) {
        if (before.has(paper.id)) continue;
        if (held.has(paper.id)) slice.push(paper);
        else before.set(paper.id, undefined);
      }
      // Looked up together: one round trip per slice. (An async callback turns a bad key's synchronous throw into
      // a rejection, so the lookups already sent are still awaited, not orphaned.)
      const stored = await Promise.all(slice.map(async (paper) => store.get(paper.id)));
      slice.forEach((paper, index) => {
        before.set(paper.id, stored[index]);
      });
      onProgress(Math.min(papers.length, start + IMPORT_SLICE));
    }
    let summary: ImportSummary = { added: 0, updated: 0, keptNewerCounts: 0, keptNewerAnnotations: 0 };
    for (const paper of papers) {
      const merge = mergeImported(written.get(paper.id) ?? before.get(paper.id), paper);
      written.set(paper.id, merge.record);
      summary = tallyImport(summary, merge);
    }
    await writePapers(tx, [...written.values()], before, now);
    return summary;
  });
}
