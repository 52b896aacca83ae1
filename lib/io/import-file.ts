import * as v from 'valibot';
import { errorMessage } from '@/lib/errors';
import type { Paper } from '@/lib/paper';
import { isObject, record } from '@/lib/values';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-json';
import { upgradeExport } from './export-upgrades';
import { collectPapers, type FileRecords, idLabel, type JsonObject, type SkippedRecord } from './import-record';
import { isPaperMemoryExport, paperMemoryEntries, readPaperMemory } from './papermemory';

export type { SkippedRecord } from './import-record';

export type ImportSource = 'papershelf' | 'papermemory';

/** What an import did, as the background reports it when it ends. */
export interface ImportReport {
  source: ImportSource;
  added: number;
  updated: number;
  /** Papers whose counts in the library were newer than the file's, and kept. */
  keptNewerCounts: number;
  /** Papers whose star, tags or note were edited after the file was written, and kept. */
  keptNewerAnnotations: number;
  skipped: SkippedRecord[];
  warnings: string[];
}

/** What a file would add to the library: the valid papers, and every record left out with its reason. */
export type ImportPlan =
  | { ok: true; source: ImportSource; papers: Paper[]; skipped: SkippedRecord[]; warnings: string[] }
  | { ok: false; error: string };

export interface ImportLimits {
  maxBytes: number;
  maxRecords: number;
}

const IMPORT_LIMITS: ImportLimits = { maxBytes: 512 * 1024 * 1024, maxRecords: 1_000_000 };

/** Why a file of `bytes` cannot be imported, or null. Check `File.size` with it before reading the file. */
export function importSizeError(bytes: number, limits: ImportLimits = IMPORT_LIMITS): string | null {
  const megabytes = Math.round(limits.maxBytes / 1024 / 1024);
  return bytes > limits.maxBytes ? `The file is too large to import (over ${megabytes} MB).` : null;
}

type Outcome<T> = ({ ok: true } & T) | { ok: false; error: string };

interface SourceRecords extends FileRecords {
  source: ImportSource;
  warnings: string[];
}

const fail = (error: string) => ({ ok: false, error }) as const;

function tooManyRecords(count: number, limits: ImportLimits): string | null {
  return count > limits.maxRecords
    ? `The file holds ${count} records; at most ${limits.maxRecords} can be imported at once.`
    : null;
}

function parseJson(text: string): Outcome<{ document: unknown }> {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail('The file is empty.');
  try {
    // Plain JSON.parse: a "__proto__" key becomes an ordinary own property, never the object's prototype.
    return { ok: true, document: JSON.parse(body) };
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return fail(`The file is not valid JSON; it may be cut short or damaged${detail}.`);
  }
}

const NO_VERSION = 'The Papershelf file has no valid version number.';
const versioned = record(
  { version: v.pipe(v.number(NO_VERSION), v.integer(NO_VERSION), v.minValue(1, NO_VERSION)) },
  NO_VERSION,
);
const NO_PAPERS = 'The Papershelf file has no list of papers.';
const papershelfRecords = record({ papers: v.array(v.unknown(), NO_PAPERS), count: v.unknown() }, NO_PAPERS);
/** A record's id, for the report, whatever else it holds. */
const labelled = record({ id: v.unknown() }, 'not an object');

function readPapershelf(document: JsonObject, limits: ImportLimits): Outcome<SourceRecords> {
  const read = v.safeParse(versioned, document);
  if (!read.success) return fail(NO_VERSION);
  const { version } = read.output;
  if (version > EXPORT_VERSION) {
    return fail(`The file was made by a newer Papershelf (version ${version}); update the extension to import it.`);
  }
  const upgraded = v.safeParse(papershelfRecords, upgradeExport(document, version));
  if (!upgraded.success) return fail(NO_PAPERS);
  const { papers: records, count } = upgraded.output;
  const tooMany = tooManyRecords(records.length, limits);
  if (tooMany) return fail(tooMany);

  const warnings =
    typeof count === 'number' && count !== records.length
      ? [`The file says it holds ${count} papers but has ${records.length}.`]
      : [];
  const candidates = records.map((record, index) => ({
    index,
    id: v.is(labelled, record) ? idLabel(record.id) : undefined,
    record,
  }));
  return { ok: true, source: 'papershelf', candidates, skipped: [], warnings };
}

function readPaperMemoryFile(document: JsonObject, limits: ImportLimits): Outcome<SourceRecords> {
  const entries = paperMemoryEntries(document);
  const tooMany = tooManyRecords(entries.length, limits);
  if (tooMany) return fail(tooMany);
  return { ok: true, source: 'papermemory', ...readPaperMemory(entries), warnings: [] };
}

function readRecords(document: unknown, limits: ImportLimits): Outcome<SourceRecords> {
  if (Array.isArray(document)) return fail('The file holds a bare list, not a Papershelf or PaperMemory export.');
  if (!isObject(document)) return fail('The file is not a Papershelf or PaperMemory export.');
  const { format } = v.parse(record({ format: v.unknown() }, ''), document);
  if (format === EXPORT_FORMAT) return readPapershelf(document, limits);
  if (format !== undefined) return fail(`Unknown export format "${String(format).slice(0, 40)}".`);
  if (isPaperMemoryExport(document)) return readPaperMemoryFile(document, limits);
  return fail('The file is not a Papershelf or PaperMemory export (it has no "format" field).');
}

function planImport(text: string, limits: ImportLimits): ImportPlan {
  const sizeError = importSizeError(text.length, limits);
  if (sizeError) return fail(sizeError);
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const file = readRecords(parsed.document, limits);
  if (!file.ok) return file;
  const { papers, skipped } = collectPapers(file);
  return { ok: true, source: file.source, papers, skipped, warnings: file.warnings };
}

/**
 * Reads a Papershelf or PaperMemory export into an import plan. Never throws: a file that cannot be read
 * gives `{ ok: false, error }`, a bad record is skipped with its reason.
 */
export function parseImportFile(text: string, limits: Partial<ImportLimits> = {}): ImportPlan {
  try {
    return planImport(text, { ...IMPORT_LIMITS, ...limits });
  } catch (error) {
    return fail(`The file could not be read: ${errorMessage(error)}`);
  }
}
