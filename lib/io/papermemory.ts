import { paperUrl, parseArxivId } from '@/lib/arxiv';
import { type Paper, UNKNOWN_FACTS } from '@/lib/paper';
import { collapseWhitespace } from '@/lib/text';
import { type FileRecords, idLabel, isJsonObject, type JsonObject, ownField } from './import-record';

// PaperMemory's "download memory" file: its `papers` store, keyed by paper id, plus `__`-prefixed metadata.
const DATA_VERSION_KEY = '__dataVersion';
const ARXIV_PREFIX = 'Arxiv-';

export function isPaperMemoryExport(document: JsonObject): boolean {
  return Object.hasOwn(document, DATA_VERSION_KEY) || Object.keys(document).some((key) => key.startsWith(ARXIV_PREFIX));
}

/** The paper entries of the file (metadata keys left out), in file order. */
export function paperMemoryEntries(document: JsonObject): [string, unknown][] {
  return Object.entries(document).filter(([key]) => !key.startsWith('__'));
}

/** "Last, First" → "First Last"; "Last, Jr, First" → "First Last Jr". */
function naturalName(name: string): string {
  const [last, ...rest] = name.split(',').map(collapseWhitespace);
  if (rest.length === 1) return `${rest[0]} ${last}`;
  if (rest.length === 2) return `${rest[1]} ${last} ${rest[0]}`;
  return collapseWhitespace(name);
}

function authorList(author: unknown): string[] {
  if (typeof author !== 'string') return [];
  return author
    .split(/\s+and\s+/)
    .map(naturalName)
    .filter(Boolean);
}

/**
 * A Paper record from an arXiv entry, for validatePaperRecord to judge. Only what PaperMemory knows is
 * filled in: it keeps a year but no date, and no abstract or Hugging Face counts, so those stay null.
 */
function paperRecord(keyId: string, entry: JsonObject): Record<keyof Paper, unknown> {
  const rawId = keyId.replaceAll('_', '/'); // old-style ids are stored as hep-th_9901001
  const id = parseArxivId(rawId) ?? rawId;
  const addDate = ownField(entry, 'addDate');
  const lastOpenDate = ownField(entry, 'lastOpenDate');
  const tags = ownField(entry, 'tags');
  const note = ownField(entry, 'note');
  return {
    ...UNKNOWN_FACTS,
    id,
    title: ownField(entry, 'title'),
    authors: authorList(ownField(entry, 'author')),
    url: paperUrl(id),
    firstSeenAt: addDate ?? lastOpenDate,
    lastSeenAt: lastOpenDate ?? addDate,
    seenCount: ownField(entry, 'count') ?? 1, // an entry exists because the paper was opened
    // Older files lack `favorite`; stars, tags and notes are extras, so an odd value there does not cost the paper.
    starred: ownField(entry, 'favorite') === true,
    tags: Array.isArray(tags) ? tags.filter((tag) => typeof tag === 'string') : [],
    note: typeof note === 'string' ? note : null,
    upvoteHistory: [],
  };
}

/** Where a non-arXiv entry comes from, for the report: its `source` field, else its key's prefix ("OR-…"). */
function entrySource(key: string, entry: unknown): string {
  return (isJsonObject(entry) && idLabel(ownField(entry, 'source'))) || idLabel(key.split('-')[0]) || 'unknown';
}

/** Splits PaperMemory entries into arXiv paper records to validate and other sources, which are skipped. */
export function readPaperMemory(entries: [string, unknown][]): FileRecords {
  const records: FileRecords = { candidates: [], skipped: [] };
  entries.forEach(([key, entry], index) => {
    const id = idLabel(key);
    if (!key.startsWith(ARXIV_PREFIX)) {
      records.skipped.push({ index, id, reason: `not an arXiv paper (source ${entrySource(key, entry)})` });
    } else {
      const record = isJsonObject(entry) ? paperRecord(key.slice(ARXIV_PREFIX.length), entry) : entry;
      records.candidates.push({ index, id, record });
    }
  });
  return records;
}
