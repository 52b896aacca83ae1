import type { ImportReport } from '@/lib/io/import-file';
import { parseImportFile } from '@/lib/io/import-file';
import type { ImportStatus } from '@/lib/status';
import type { LibraryDB } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';

export type ImportProgress = (status: Omit<ImportStatus, 'id' | 'fileName' | 'at'>) => void;

/**
 * Checks an import file and commits its good records in one transaction, reporting each phase as it goes.
 * It runs in the background: the page that handed the file over may close. Frequent progress reports also keep
 * the service worker from being stopped as idle during a long import.
 */
export async function runImport(db: LibraryDB, text: string, progress: ImportProgress): Promise<ImportReport> {
  progress({ phase: 'checking', fraction: null });
  const plan = parseImportFile(text);
  if (!plan.ok) throw new Error(plan.error);
  const total = plan.papers.length;
  progress({ phase: 'writing', fraction: 0, papers: { done: 0, total } });
  // Lookups are the part that can be counted; the final commit reports no fraction rather than a false 100 %.
  const summary = await applyImport(db, plan.papers, undefined, (merged) =>
    progress({ phase: 'writing', fraction: merged < total ? merged / total : null, papers: { done: merged, total } }),
  );
  return { source: plan.source, ...summary, skipped: plan.skipped, warnings: plan.warnings };
}

/**
 * An import this worker did not start cannot still be running: the worker that ran it was stopped, and with it the
 * staged file and the open transaction (which the browser rolled back). Said as such, so the page lets the user retry.
 */
export function interrupted(status: ImportStatus | null): ImportStatus | null {
  if (!status || !['receiving', 'checking', 'writing'].includes(status.phase)) return null;
  return {
    ...status,
    at: Date.now(),
    phase: 'failed',
    fraction: null,
    error:
      'the import was interrupted (the browser stopped the extension’s background); nothing of it was saved. Choose it again to retry.',
  };
}
