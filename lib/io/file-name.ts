export type ExportFormat = 'json' | 'bibtex' | 'csv';

const EXTENSION: Record<ExportFormat, string> = { json: 'json', bibtex: 'bib', csv: 'csv' };

/** What a file holds, for its name: the whole library, a search, a topic, another view, or a selection. */
export type ExportSubject =
  | { kind: 'all' }
  | { kind: 'search'; query: string }
  | { kind: 'topic'; topic: string }
  | { kind: 'view' }
  | { kind: 'selection'; count: number };

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** Words as a file name's part: "Retrieval-Augmented  Generation!" → "retrieval-augmented-generation". */
function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 40).replace(/-+$/, '') || 'view';
}

function subjectPart(subject: ExportSubject): string {
  if (subject.kind === 'search') return `search-${slug(subject.query)}`;
  if (subject.kind === 'topic') return `topic-${slug(subject.topic)}`;
  if (subject.kind === 'selection') return `selection-${subject.count}`;
  return subject.kind;
}

/** `papershelf-<what>-YYYY-MM-DD.<ext>`, dated by the user's own calendar day of the export. */
export function exportFileName(
  format: ExportFormat,
  exportedAt: Date,
  subject: ExportSubject = { kind: 'all' },
): string {
  const day = `${exportedAt.getFullYear()}-${twoDigits(exportedAt.getMonth() + 1)}-${twoDigits(exportedAt.getDate())}`;
  return `papershelf-${subjectPart(subject)}-${day}.${EXTENSION[format]}`;
}
