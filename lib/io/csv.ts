import type { Paper } from '@/lib/paper';
import { type ChunkOptions, type PaperSource, renderInChunks } from './chunks';

export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'abstract',
  'url',
  'upvotes',
  'comments',
  'publishedAt',
  'keywords',
  'tags',
  'note',
  'starred',
  'readingState',
  'firstSeenAt',
  'lastSeenAt',
  'seenCount',
] as const satisfies readonly (keyof Paper)[];

/** Separator of list cells (authors, keywords, tags): names and tags may hold commas, rarely semicolons. */
export const CSV_LIST_SEPARATOR = '; ';

// Excel's "UTF-8 CSV" marker: without it, non-Latin names open as mojibake.
const BOM = '\uFEFF';

/** RFC 4180 cell. Spreadsheets run a cell starting with = + - @ tab or CR as a formula, so it gets a leading apostrophe. */
function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function paperRow(paper: Paper): string {
  return csvRow(
    CSV_COLUMNS.map((column) => {
      const value = paper[column];
      return Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : String(value ?? '');
    }),
  );
}

const HEAD = BOM + csvRow(CSV_COLUMNS);

export function toCsv(papers: readonly Paper[]): string {
  return HEAD + papers.map(paperRow).join('');
}

export async function* csvChunks(papers: PaperSource, options?: ChunkOptions): AsyncGenerator<string> {
  yield HEAD;
  yield* renderInChunks(papers, paperRow, options);
}
