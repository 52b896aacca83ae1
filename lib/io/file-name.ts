export type ExportFormat = 'json' | 'bibtex' | 'csv';

const EXTENSION: Record<ExportFormat, string> = { json: 'json', bibtex: 'bib', csv: 'csv' };

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** `papershelf-YYYY-MM-DD.<ext>`, dated by the user's own calendar day of the export. */
export function exportFileName(format: ExportFormat, exportedAt: Date): string {
  const day = `${exportedAt.getFullYear()}-${twoDigits(exportedAt.getMonth() + 1)}-${twoDigits(exportedAt.getDate())}`;
  return `papershelf-${day}.${EXTENSION[format]}`;
}
