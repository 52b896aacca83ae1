import type { ChunkOptions } from '@/lib/io/chunks';
import { downloadFile } from '@/lib/io/download';
import { exportJsonChunks } from '@/lib/io/export-json';
import { type ExportFormat, type ExportSubject, exportFileName } from '@/lib/io/file-name';
import { allPapers, getPapers, type LibraryReader } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { lastExportAt } from '@/lib/preferences';

export type { ExportFormat, ExportSubject };

const SLICE = 1000;

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  bibtex: 'application/x-bibtex',
  csv: 'text/csv;charset=utf-8',
};

/** BibTeX and CSV writers load when asked for: most exports and every backup are JSON. */
async function chunksOf(format: ExportFormat, papers: Paper[], exportedAt: string, options: ChunkOptions) {
  if (format === 'bibtex') return (await import('@/lib/io/bibtex')).bibtexChunks(papers, options);
  if (format === 'csv') return (await import('@/lib/io/csv')).csvChunks(papers, options);
  return exportJsonChunks(papers, exportedAt, papers.length, options);
}

/** The papers to export, read from the library a slice at a time. */
export async function readForExport(
  db: LibraryReader,
  ids?: readonly string[],
  /** Papers read so far, after each slice. */
  onRead: (read: number) => void = () => {},
): Promise<Paper[]> {
  const papers: Paper[] = [];
  if (!ids) {
    for await (const slice of allPapers(db)) {
      papers.push(...slice);
      onRead(papers.length);
    }
    return papers;
  }
  for (let start = 0; start < ids.length; start += SLICE) {
    for (const paper of await getPapers(db, ids.slice(start, start + SLICE))) if (paper) papers.push(paper);
    onRead(papers.length);
  }
  return papers;
}

/**
 * Writes the file a chunk at a time (the page stays responsive) and saves it; returns its name. Only a whole
 * library in JSON (a file Import can restore) counts as a backup.
 */
export async function exportLibrary(
  papers: Paper[],
  format: ExportFormat,
  /** Papers written into the file so far, of all it will hold. */
  onProgress: (written: number, total: number) => void = () => {},
  subject: ExportSubject = { kind: 'all' },
): Promise<string> {
  const wholeLibrary = subject.kind === 'all';
  const exportedAt = new Date();
  const parts: string[] = [];
  const options = { onProgress: (written: number) => onProgress(written, papers.length) };
  for await (const part of await chunksOf(format, papers, exportedAt.toISOString(), options)) parts.push(part);
  const fileName = exportFileName(format, exportedAt, subject);
  downloadFile(parts, fileName, MIME[format]);
  if (wholeLibrary && format === 'json' && papers.length) await lastExportAt.setValue(exportedAt.toISOString());
  return fileName;
}
