import type { CaptureBatch, Paper, PaperRecord, StoredPaper } from '@/lib/paper';
import type { LibraryDB } from './db';
import { mergeImported, mergeSighting } from './merge';
import { readAnnotation } from './validate';

/** One page view's batch, merged into the library in one transaction. */
export async function ingestCapture(
  db: LibraryDB,
  batch: CaptureBatch,
  now: string,
): Promise<{ stored: number; ids: string[] }> {
  const tx = db.transaction('papers', 'readwrite');
  const ids = [...new Set(batch.papers.map((paper) => paper.id))];
  // Looked up together: one round trip for the batch instead of one per paper.
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  const merged = new Map<string, PaperRecord | undefined>(ids.map((id, index) => [id, found[index]]));
  for (const sighting of batch.papers) {
    merged.set(sighting.id, mergeSighting(merged.get(sighting.id), sighting, batch.viewId, now));
  }
  const records = [...merged.values()] as PaperRecord[];
  await Promise.all([...records.map((paper) => tx.store.put({ ...paper, changedAt: now })), tx.done]);
  return { stored: ids.length, ids };
}

const IMPORT_SLICE = 500;

/** All of an import or none of it: one transaction, aborted by any failure. */
export async function applyImport(
  db: LibraryDB,
  papers: Paper[],
  now = new Date().toISOString(),
): Promise<{ added: number; updated: number }> {
  const tx = db.transaction('papers', 'readwrite');
  // Written in this import: a repeated id merges onto its earlier record rather than the stored one.
  const written = new Map<string, StoredPaper>();
  let added = 0;
  let updated = 0;
  try {
    for (let start = 0; start < papers.length; start += IMPORT_SLICE) {
      const slice = papers.slice(start, start + IMPORT_SLICE);
      // Looked up together: one round trip per slice instead of one per paper. (An async callback turns a bad
      // key's synchronous throw into a rejection, so the lookups already sent are still awaited, not orphaned.)
      const stored = await Promise.all(slice.map(async (paper) => tx.store.get(paper.id)));
      slice.forEach((paper, index) => {
        const base = written.get(paper.id) ?? stored[index];
        if (base) updated++;
        else added++;
        const record = { ...mergeImported(base, paper), changedAt: now };
        written.set(paper.id, record);
        // Not awaited one by one: puts queue in order and the transaction stays busy.
        tx.store.put(record).catch(() => {});
      });
    }
    await tx.done;
  } catch (error) {
    tx.done.catch(() => {}); // the abort below is the outcome we report, not a second failure
    if (!tx.error) tx.abort();
    throw error;
  }
  return { added, updated };
}

async function updatePaper(db: LibraryDB, id: string, change: (paper: Paper) => Partial<Paper>): Promise<boolean> {
  const tx = db.transaction('papers', 'readwrite');
  const stored = await tx.store.get(id);
  if (stored) await tx.store.put({ ...stored, ...change(stored), changedAt: new Date().toISOString() });
  await tx.done;
  return Boolean(stored);
}

export function setStarred(db: LibraryDB, id: string, starred: boolean): Promise<boolean> {
  return updatePaper(db, id, () => ({ starred }));
}

export async function annotatePaper(db: LibraryDB, id: string, tags: unknown, note: unknown): Promise<boolean> {
  const annotation = readAnnotation(tags, note);
  if (!annotation.ok) throw new Error(annotation.reason);
  return updatePaper(db, id, () => annotation.value);
}

export async function deletePapers(db: LibraryDB, ids: string[]): Promise<number> {
  const tx = db.transaction('papers', 'readwrite');
  const present = await Promise.all(ids.map((id) => tx.store.getKey(id)));
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  return present.filter((key) => key !== undefined).length;
}

/** Forgets papers last seen before `iso`. */
export async function purgeSeenBefore(db: LibraryDB, iso: string): Promise<number> {
  const tx = db.transaction('papers', 'readwrite');
  let deleted = 0;
  let cursor = await tx.store.index('lastSeenAt').openCursor(IDBKeyRange.upperBound(iso, true));
  while (cursor) {
    await cursor.delete();
    deleted++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return deleted;
}

export async function clearLibrary(db: LibraryDB): Promise<number> {
  const tx = db.transaction(['papers', 'meta'], 'readwrite');
  const deleted = await tx.objectStore('papers').count();
  await Promise.all([tx.objectStore('papers').clear(), tx.objectStore('meta').clear(), tx.done]);
  return deleted;
}

export function getMeta(db: LibraryDB, key: string): Promise<unknown> {
  return db.get('meta', key);
}

export async function setMeta(db: LibraryDB, key: string, value: unknown): Promise<void> {
  await db.put('meta', value, key);
}
