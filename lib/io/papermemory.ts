import * as v from 'valibot';
import { paperUrl, parseArxivId } from '@/lib/arxiv';
import { type Paper, UNKNOWN_FACTS } from '@/lib/paper';
import { collapseWhitespace } from '@/lib/text';
import { lenient, record } from '@/lib/values';
import { type FileRecords, idLabel, type JsonObject } from './import-record';

// PaperMemory's "download memory" file: its `papers` store, keyed by paper id, plus `__`-prefixed metadata.
const DATA_VERSION_KEY = '__dataVersion';
const ARXIV_PREFIX = 'Arxiv-';

/**
 * The arXiv id an entry's key names, or null for other sources. Since PaperMemory 0.2.8 (data version 208)
 * arXiv keys are "Arxiv-<id>"; files written before keep the bare id. Old-style ids store "/" as "_".
 */
function keyArxivId(key: string): string | null {
  const id = key.startsWith(ARXIV_PREFIX) ? key.slice(ARXIV_PREFIX.length) : key;
  return parseArxivId(id.replaceAll('_', '/'));
}

/** An entry of a file from before the "Arxiv-" keys: under its bare arXiv id, which it repeats as `id`. */
function isBareArxivEntry(key: string, entry: unknown): boolean {
  // Before data version 5 there was no `source`.
  const bare = record({ id: v.literal(key), source: v.optional(v.literal('arxiv')) }, 'not a bare arXiv entry');
  return keyArxivId(key) !== null && v.is(bare, entry);
}

export function isPaperMemoryExport(document: JsonObject): boolean {
  return (
    Object.hasOwn(document, DATA_VERSION_KEY) ||
    Object.entries(document).some(([key, entry]) => key.startsWith(ARXIV_PREFIX) || isBareArxivEntry(key, entry))
  );
}

/** The paper entries of the file (metadata keys left out), in file order. */
export function paperMemoryEntries(document: JsonObject): [string, unknown][] {
  return Object.entries(document).filter(([key]) => !key.startsWith('__'));
}

// Generational suffixes: "King, Jr." is not "Jr. King".
const NAME_SUFFIX = /^(?:jr|sr)\.?$|^(?:ii|iii|iv)$/i;

/**
 * A name as the library shows names, "First Last": from "Last, First", "Last, Jr., First" (BibTeX's order) or
 * "Last, First, Jr."; a name with only a suffix after its comma ("Martin Luther King, Jr.") is already in order.
 */
function naturalName(name: string): string {
  const [last, ...rest] = name.split(',').map(collapseWhitespace);
  const parts = rest.filter(Boolean);
  const suffixAt = parts.findIndex((part) => NAME_SUFFIX.test(part));
  const given = parts.filter((_, index) => index !== suffixAt);
  const suffix = suffixAt === -1 ? [] : [parts[suffixAt]];
  if (parts.length > 2 || given.length > 1) return collapseWhitespace(name);
  return [...given, last, ...suffix].filter(Boolean).join(' ');
}

function authorList(author: unknown): string[] {
  if (typeof author !== 'string') return [];
  return author
    .split(/\s+and\s+/)
    .map(naturalName)
    .filter(Boolean);
}

/** A link as PaperMemory writes one, trimmed; '' for anything else. */
const link = v.fallback(
  v.pipe(
    v.string(),
    v.transform((text) => text.trim()),
  ),
  '',
);

/** Where the code of a paper lives: a GitHub repository, or any other code page as the paper's project page. */
function codeLinks(codeLink: string, codeUrl: string): Pick<Paper, 'githubRepo' | 'projectPage'> {
  const link = codeLink || codeUrl;
  if (!link) return { githubRepo: null, projectPage: null };
  let host: string;
  try {
    host = new URL(link).hostname;
  } catch {
    return { githubRepo: null, projectPage: null };
  }
  return host === 'github.com' || host === 'www.github.com'
    ? { githubRepo: link, projectPage: null }
    : { githubRepo: null, projectPage: link };
}

/**
 * A Paper record from an arXiv entry, for validatePaperRecord to judge. Only what PaperMemory knows is filled
 * in; it has no abstract or Hugging Face counts, so those stay null.
 *
 * Its `year` is not made a date: `publishedAt` is a day, and the first day of a year or month would be shown
 * and sorted as a real date, and — dates being kept once known — would stand in the way of the true one when
 * the paper is seen on Hugging Face. The year (and month) of an arXiv paper is in its id already ("2401." is
 * January 2024), and PaperMemory takes its year from the same arXiv record, so nothing is lost.
 *
 * `venue` ("NeurIPS") is kept as the paper's venue.
 */
const entry = record(
  {
    title: v.unknown(),
    author: lenient(authorList),
    addDate: v.unknown(),
    lastOpenDate: v.unknown(),
    count: v.unknown(),
    // Older files lack `favorite`; stars, tags and notes are extras, so an odd value there does not cost the paper.
    favorite: v.fallback(v.boolean(), false),
    tags: v.fallback(
      v.pipe(
        v.array(v.unknown()),
        v.transform((tags) => tags.filter((tag) => typeof tag === 'string')),
      ),
      [],
    ),
    note: v.fallback(v.nullable(v.string()), null),
    venue: v.fallback(
      v.nullable(
        v.pipe(
          v.string(),
          v.transform((venue) => collapseWhitespace(venue) || null),
        ),
      ),
      null,
    ),
    codeLink: link,
    // Older files may hold `false`; `code.url` is where PaperMemory found an official repository.
    code: v.fallback(record({ url: link }, 'no code'), { url: '' }),
  },
  'not an object',
);

function paperRecord(id: string, fields: v.InferOutput<typeof entry>): Record<keyof Paper, unknown> {
  const { addDate, lastOpenDate } = fields;
  return {
    ...UNKNOWN_FACTS,
    ...codeLinks(fields.codeLink, fields.code.url),
    id,
    annotatedAt: null,
    readingState: null,
    queuedAt: null,
    // PaperMemory keeps a paper because it was opened: that is a sign of interest, as opening one from here is.
    openedAt: lastOpenDate ?? null,
    onlyFromSync: false,
    title: fields.title,
    authors: fields.author,
    url: paperUrl(id),
    firstSeenAt: addDate ?? lastOpenDate,
    lastSeenAt: lastOpenDate ?? addDate,
    seenCount: fields.count ?? 1, // an entry exists because the paper was opened
    starred: fields.favorite,
    tags: fields.tags,
    note: fields.note,
    upvoteHistory: [],
    venue: fields.venue,
  };
}

/** Where a non-arXiv entry comes from, for the report: its `source` field, else its key's prefix ("OR-…"). */
function entrySource(key: string, entry: unknown): string {
  const source = v.safeParse(record({ source: lenient(idLabel) }, 'no source'), entry);
  return (source.success && source.output.source) || idLabel(key.split('-')[0]) || 'unknown';
}

/** Splits PaperMemory entries into arXiv paper records to validate and other sources, which are skipped. */
export function readPaperMemory(entries: [string, unknown][]): FileRecords {
  const records: FileRecords = { candidates: [], skipped: [] };
  entries.forEach(([key, value], index) => {
    const id = idLabel(key);
    if (key.startsWith(ARXIV_PREFIX) || isBareArxivEntry(key, value)) {
      // An "Arxiv-" key that is no arXiv id is left for validation to report.
      const arxivId = keyArxivId(key) ?? key.slice(ARXIV_PREFIX.length);
      const fields = v.safeParse(entry, value);
      records.candidates.push({ index, id, record: fields.success ? paperRecord(arxivId, fields.output) : value });
    } else {
      records.skipped.push({ index, id, reason: `not an arXiv paper (source ${entrySource(key, value)})` });
    }
  });
  return records;
}
