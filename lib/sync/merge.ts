import { FIELDS, type Field, type Register, type Registers, type ShelfEntry, type Stamp, valueKey } from './entry';

/**
 * The merge rules of the synced copy. Per field, the newer edit wins; a removal wins over every edit no newer than
 * it and loses to a newer one. Merging is commutative, associative and idempotent: two browsers that have seen the
 * same edits hold the same state, whatever the order they saw them in, and seeing one twice changes nothing.
 */

/**
 * Which of two values set at the same time wins: the longer, then the greater text. Any fixed order would do; this
 * one keeps a whole note over the shortened copy of it the synced copy holds (same edit, same stamp).
 */
function tieBreak<T>(a: Register<T>, b: Register<T>): Register<T> {
  const [left, right] = [valueKey(a.value as never), valueKey(b.value as never)];
  if (left.length !== right.length) return left.length > right.length ? a : b;
  return left >= right ? a : b;
}

export function mergeRegister<T>(a: Register<T> | undefined, b: Register<T> | undefined): Register<T> | undefined {
  if (!a || !b) return a ?? b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return tieBreak(a, b);
}

const laterStamp = (a: Stamp | undefined, b: Stamp | undefined) =>
  a === undefined || b === undefined ? (a ?? b) : Math.max(a, b);

/** A title from either side, the same one whichever side merges: the longer, then the greater text. */
function title(a: string, b: string): string {
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a >= b ? a : b;
}

/**
 * Leaves out what no longer counts: fields set no later than the removal or the shard's clearing. The state it
 * stands for is the same, only smaller.
 */
export function compact(entry: ShelfEntry, clearedAt: Stamp = 0): ShelfEntry {
  const floor = Math.max(entry.removedAt ?? 0, clearedAt);
  const fields: Registers = {};
  for (const field of FIELDS) {
    const register = entry.fields[field];
    if (register && register.at > floor) (fields as Record<Field, unknown>)[field] = register;
  }
  const removedAt = entry.removedAt !== undefined && entry.removedAt > clearedAt ? entry.removedAt : undefined;
  return { id: entry.id, title: entry.title, fields, ...(removedAt === undefined ? {} : { removedAt }) };
}

/** Two states of one paper's entry as one. */
export function mergeEntries(a: ShelfEntry, b: ShelfEntry): ShelfEntry {
  if (a.id !== b.id) throw new Error(`merging entries of ${a.id} and ${b.id}`);
  const fields: Registers = {};
  for (const field of FIELDS) {
    const register = mergeRegister<unknown>(a.fields[field], b.fields[field]);
    if (register) (fields as Record<Field, unknown>)[field] = register;
  }
  const removedAt = laterStamp(a.removedAt, b.removedAt);
  return compact({
    id: a.id,
    title: title(a.title, b.title),
    fields,
    ...(removedAt === undefined ? {} : { removedAt }),
  });
}

/** Either entry, or both merged; undefined when neither exists. */
export function mergeMaybe(a: ShelfEntry | undefined, b: ShelfEntry | undefined): ShelfEntry | undefined {
  return a && b ? mergeEntries(a, b) : (a ?? b);
}

/** One shard's state: its entries by id, and when the whole shard was last cleared (0: never). */
export interface ShardState {
  clearedAt: Stamp;
  entries: Map<string, ShelfEntry>;
}

export const emptyShard = (): ShardState => ({ clearedAt: 0, entries: new Map() });

/** Two states of one shard as one: the later clearing, every entry merged, what the clearing removed left out. */
export function mergeShards(a: ShardState, b: ShardState): ShardState {
  const clearedAt = Math.max(a.clearedAt, b.clearedAt);
  const entries = new Map<string, ShelfEntry>();
  for (const id of new Set([...a.entries.keys(), ...b.entries.keys()])) {
    const merged = compact(mergeMaybe(a.entries.get(id), b.entries.get(id)) as ShelfEntry, clearedAt);
    if (Object.keys(merged.fields).length > 0 || merged.removedAt !== undefined) entries.set(id, merged);
  }
  return { clearedAt, entries };
}
