import { bibtexChunks } from '@/lib/io/bibtex';
import type { ChunkOptions } from '@/lib/io/chunks';
import { csvChunks } from '@/lib/io/csv';
import { downloadFile } from '@/lib/io/download';
import { exportJsonChunks } from '@/lib/io/export-json';
import { type ExportFormat, exportFileName } from '@/lib/io/file-name';
import type { Paper } from '@/lib/paper';
import { lastExportAt } from '@/lib/settings';

export type { ExportFormat };

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  bibtex: 'application/x-bibtex',
  csv: 'text/csv;charset=utf-8',
};

function chunksOf(format: ExportFormat, papers: Paper[], exportedAt: string, options: ChunkOptions) {
  if (format === 'bibtex') return bibtexChunks(papers, options);
  if (format === 'csv') return csvChunks(papers, options);
  return exportJsonChunks(papers, exportedAt, papers.length, options);
}

/** Writes the file a chunk at a time (the popup stays responsive) and saves it; returns its name. */
export async function exportLibrary(
  papers: Paper[],
  format: ExportFormat,
  onProgress: (fraction: number) => void = () => {},
): Promise<string> {
  const exportedAt = new Date();
  const parts: string[] = [];
  const options = { onProgress: (written: number) => onProgress(papers.length ? written / papers.length : 1) };
  for await (const part of chunksOf(format, papers, exportedAt.toISOString(), options)) parts.push(part);
  const fileName = exportFileName(format, exportedAt);
  downloadFile(parts, fileName, MIME[format]);
  if (papers.length) await lastExportAt.setValue(exportedAt.toISOString());
  return fileName;
}
