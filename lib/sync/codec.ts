import { parseArxivId } from '@/lib/arxiv';
import { readAnnotation } from '@/lib/library/validate';
import { READING_STATES, type ReadingState } from '@/lib/paper';
import { cleanText } from '@/lib/text';
import { isObject, own } from '@/lib/values';
import { FIELDS, type Field, type Registers, type ShelfEntry, type Stamp } from './entry';
import type { ShardState } from './merge';

/**
 * The compact encoding of one synced item (a shard), and its reading. An item is
 * `{"v":1,"c":<cleared>,"e":[entry…]}`; an entry is `[id, title, stamps, starred, tags, note, state]` with empty
 * values left off the end: starred 0/1, note text or 0, state 0–3 (none, to read, read, not interested). `stamps`
 * is the newest stamp in base 36, then for starred, tags, note, state and removal how much older each is (base 36),
 * empty where the field was never set: "m3x1a2b3.0.0...".
 */

export const FORMAT_VERSION = 1;

export interface EncodedItem {
  v: number;
  c?: string;
  e: unknown[][];
}

const SLOTS = 5; // the four fields, then the removal
const STATE_CODES: readonly (ReadingState | null)[] = [null, ...READING_STATES];
const MAX_ENTRIES = 1_000; // far more than 8 kB can hold: a longer list is not ours
const MAX_TITLE = 1_000;
/** No edit is older than the extension. */
const EARLIEST: Stamp = Date.UTC(2024, 0, 1);
/** A clock a little ahead is tolerated; a stamp far in the future would win every merge until then. */
export const MAX_CLOCK_AHEAD_MS = 24 * 3_600_000;

const b36 = (n: number) => n.toString(36);

function encodeStamps(entry: ShelfEntry): string {
  const stamps = [...FIELDS.map((field) => entry.fields[field]?.at), entry.removedAt];
  const newest = Math.max(...stamps.map((stamp) => stamp ?? 0));
  return [b36(newest), ...stamps.map((stamp) => (stamp === undefined ? '' : b36(newest - stamp)))].join('.');
}

/** The entry as the item writes it; `note` is the note as synced (maybe shortened). */
export function encodeEntry(entry: ShelfEntry, note = entry.fields.note?.value ?? null): unknown[] {
  const hasFields = Object.keys(entry.fields).length > 0;
  const values: unknown[] = [
    entry.fields.starred?.value ? 1 : 0,
    entry.fields.tags?.value ?? [],
    note ?? 0,
    STATE_CODES.indexOf(entry.fields.readingState?.value ?? null),
  ];
  const isEmpty = (value: unknown) => value === 0 || (Array.isArray(value) && value.length === 0);
  while (values.length > 0 && isEmpty(values.at(-1))) values.pop();
  // A bare tombstone needs no title: no browser creates a paper from it.
  return [entry.id, hasFields ? entry.title : '', encodeStamps(entry), ...values];
}

export function encodeItem(clearedAt: Stamp, entries: unknown[][]): EncodedItem {
  return clearedAt > 0 ? { v: FORMAT_VERSION, c: b36(clearedAt), e: entries } : { v: FORMAT_VERSION, e: entries };
}

// --- Reading an item: it comes from outside this browser, so every value is checked ----------------------------

export type ItemReading =
  | { ok: true; shard: ShardState }
  | { ok: false; reason: string /** Written by a newer version of the format: never overwritten. */; newer: boolean };

type Check<T> = { ok: true; value: T } | { ok: false; reason: string };
const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function readStamp(text: string, now: Stamp): Stamp | null {
  if (!/^[0-9a-z]{1,10}$/.test(text)) return null;
  const stamp = Number.parseInt(text, 36);
  return stamp >= EARLIEST && stamp <= now + MAX_CLOCK_AHEAD_MS ? stamp : null;
}

function readStamps(value: unknown, now: Stamp): Check<(Stamp | undefined)[]> {
  if (typeof value !== 'string' || value.length > 80) return refuse('stamps are not text');
  const [newestText, ...deltas] = value.split('.');
  const newest = readStamp(newestText, now);
  if (newest === null || deltas.length !== SLOTS) return refuse('stamps are malformed or out of range');
  const stamps: (Stamp | undefined)[] = [];
  for (const delta of deltas) {
    if (delta === '') {
      stamps.push(undefined);
      continue;
    }
    if (!/^[0-9a-z]{1,10}$/.test(delta)) return refuse('a stamp is malformed');
    const stamp = newest - Number.parseInt(delta, 36);
    if (stamp < EARLIEST) return refuse('a stamp is out of range');
    stamps.push(stamp);
  }
  if (stamps.every((stamp) => stamp !== newest)) return refuse('no stamp is the newest');
  return { ok: true, value: stamps };
}

/** One entry, checked as a broken import would be: the library's own readers, nothing taken on trust. */
function readEntry(raw: unknown, now: Stamp): Check<ShelfEntry> {
  if (!Array.isArray(raw) || raw.length < 3 || raw.length > 7) return refuse('an entry is not a list of 3 to 7');
  const [rawId, rawTitle, rawStamps, starred = 0, tags = [], note = 0, state = 0] = raw;
  const id = parseArxivId(rawId);
  if (!id || id !== rawId) return refuse('an entry has no arXiv id');
  const stamps = readStamps(rawStamps, now);
  if (!stamps.ok) return refuse(`${id}: ${stamps.reason}`);
  if (starred !== 0 && starred !== 1) return refuse(`${id}: starred is not 0 or 1`);
  if (note !== 0 && typeof note !== 'string') return refuse(`${id}: note is not text`);
  const annotation = readAnnotation(tags, note === 0 ? null : note);
  if (!annotation.ok) return refuse(`${id}: ${annotation.reason}`);
  if (!Number.isInteger(state) || state < 0 || state >= STATE_CODES.length)
    return refuse(`${id}: reading state is not 0 to ${STATE_CODES.length - 1}`);
  const values: Record<Field, unknown> = {
    starred: starred === 1,
    tags: annotation.value.tags,
    note: annotation.value.note,
    readingState: STATE_CODES[state],
  };
  const fields: Registers = {};
  FIELDS.forEach((field, index) => {
    const at = stamps.value[index];
    if (at !== undefined) (fields as Record<Field, unknown>)[field] = { value: values[field], at };
  });
  const removedAt = stamps.value[SLOTS - 1];
  const hasFields = Object.keys(fields).length > 0;
  const title = rawTitle === '' && !hasFields ? '' : cleanText(rawTitle, MAX_TITLE);
  if (title === null) return refuse(`${id}: no title`);
  return { ok: true, value: { id, title, fields, ...(removedAt === undefined ? {} : { removedAt }) } };
}

/**
 * A synced item, all of it or none: one bad entry refuses the whole item (another version, another writer, or
 * damage), so nothing is half-applied. `belongs` says whether an id may be in this item (its shard).
 */
export function readItem(value: unknown, belongs: (id: string) => boolean, now: Stamp): ItemReading {
  if (!isObject(value)) return { ok: false, reason: 'not an object', newer: false };
  const version = own(value, 'v');
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION)
    return { ok: false, reason: `written in format ${version}, newer than this version reads`, newer: true };
  if (version !== FORMAT_VERSION) return { ok: false, reason: 'no format version', newer: false };
  const rawCleared = own(value, 'c');
  const clearedAt = rawCleared === undefined ? 0 : typeof rawCleared === 'string' ? readStamp(rawCleared, now) : null;
  if (clearedAt === null) return { ok: false, reason: 'clearing time malformed or out of range', newer: false };
  const list = own(value, 'e');
  if (!Array.isArray(list) || list.length > MAX_ENTRIES)
    return { ok: false, reason: `entries are not a list of up to ${MAX_ENTRIES}`, newer: false };
  const entries = new Map<string, ShelfEntry>();
  for (const raw of list) {
    const entry = readEntry(raw, now);
    if (!entry.ok) return { ok: false, reason: entry.reason, newer: false };
    if (!belongs(entry.value.id)) return { ok: false, reason: `${entry.value.id} is in another item`, newer: false };
    if (entries.has(entry.value.id)) return { ok: false, reason: `${entry.value.id} twice`, newer: false };
    entries.set(entry.value.id, entry.value);
  }
  return { ok: true, shard: { clearedAt, entries } };
}
