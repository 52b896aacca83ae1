// What the import panel says of an import: its outcome, or the phase it is in, with counts as everywhere else.
import type { ImportReport } from '@/lib/io/import-file';
import { formatCount } from '@/lib/plural';
import type { ImportStatus } from '@/lib/status';
import { progressOf } from '@/lib/view/format';

export function describeImport(report: ImportReport): string {
  const from = report.source === 'papermemory' ? ' from PaperMemory' : '';
  const kept = [
    report.keptNewerCounts ? `newer counts kept for ${formatCount(report.keptNewerCounts)}` : '',
    report.keptNewerAnnotations
      ? `newer stars, tags or notes kept for ${formatCount(report.keptNewerAnnotations)}`
      : '',
  ].filter(Boolean);
  const updated = `${formatCount(report.updated)} updated${kept.length ? ` (${kept.join(', ')})` : ''}`;
  const summary = `Imported${from}: ${formatCount(report.added)} added, ${updated}, ${formatCount(report.skipped.length)} skipped`;
  const reasons = report.skipped
    .slice(0, 3)
    .map((skip) => `#${skip.index + 1}${skip.id ? ` (${skip.id})` : ''}: ${skip.reason}`);
  const more = report.skipped.length > 3 ? ` and ${formatCount(report.skipped.length - 3)} more` : '';
  const details = reasons.length ? ` (${reasons.join('; ')}${more})` : '';
  const warnings = report.warnings.length ? ` ${report.warnings.join(' ')}` : '';
  return `${summary}${details}.${warnings}`;
}

const RUNNING: Partial<Record<ImportStatus['phase'], string>> = {
  receiving: 'Handing over',
  checking: 'Checking',
  writing: 'Saving',
};

/** What the background says of an import: it goes on, and is reported here, even if this window closes. */
export function describeImportStatus(status: ImportStatus): string {
  if (status.phase === 'done' && status.report) return describeImport(status.report);
  if (status.phase === 'failed') return `Nothing imported from ${status.fileName}: ${status.error ?? 'unknown error'}`;
  // The final commit has no count to tell: its papers are all merged, and it is written at once.
  const counted =
    status.phase === 'writing' && status.papers && status.fraction !== null
      ? `: ${progressOf(status.papers.done, status.papers.total, 'paper')}`
      : '';
  return `${RUNNING[status.phase]} ${status.fileName}${counted}… (this window may close; the import goes on)`;
}

export const isImportRunning = (status: ImportStatus | null) => Boolean(status && RUNNING[status.phase]);
