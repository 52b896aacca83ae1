import { type ImportSource, importSizeError, parseImportFile } from '@/lib/io/import-file';
import type { SkippedRecord } from '@/lib/io/import-record';
import { sendMessage } from '@/lib/messages';

const CHUNK = 1000;

export interface ImportReport {
  added: number;
  updated: number;
  skipped: SkippedRecord[];
  warnings: string[];
  source: ImportSource;
}

/**
 * Reads and validates the file here, then hands it to the background in chunks that it commits
 * in one transaction: the library gets all of the file's good records or none of them.
 */
export async function importLibraryFile(file: File, onProgress: (fraction: number) => void): Promise<ImportReport> {
  const tooLarge = importSizeError(file.size);
  if (tooLarge) throw new Error(tooLarge);
  const plan = parseImportFile(await file.text());
  if (!plan.ok) throw new Error(plan.error);
  const { importId } = await sendMessage('importBegin', {});
  for (let start = 0; start < plan.papers.length; start += CHUNK) {
    await sendMessage('importChunk', { importId, papers: plan.papers.slice(start, start + CHUNK) });
    onProgress(Math.min(1, (start + CHUNK) / plan.papers.length));
  }
  const { added, updated } = await sendMessage('importCommit', { importId });
  return { added, updated, skipped: plan.skipped, warnings: plan.warnings, source: plan.source };
}
