import type { ReadingState } from '@/lib/paper';

/**
 * What the synced copy holds of one paper: the user's own annotations, each field stamped with its last edit, so
 * that browsers editing different fields of one paper keep both edits. A removal is a stamp too (a tombstone).
 */

/** Milliseconds since the epoch: an edit's time. */
export type Stamp = number;

export interface Annotations {
  starred: boolean;
  tags: string[];
  note: string | null;
  readingState: ReadingState | null;
}

export type Field = keyof Annotations;

/** In the order the compact encoding writes them. */
export const FIELDS: readonly Field[] = ['starred', 'tags', 'note', 'readingState'];

export const NO_ANNOTATIONS: Annotations = { starred: false, tags: [], note: null, readingState: null };

/** A field's value and when it was set. */
export interface Register<T> {
  value: T;
  at: Stamp;
}

export type Registers = { [F in Field]?: Register<Annotations[F]> };

export interface ShelfEntry {
  id: string;
  /** For a browser that has never seen the paper; '' in a bare tombstone. */
  title: string;
  fields: Registers;
  /** The paper was removed then: every field set no later is gone. */
  removedAt?: Stamp;
}

export const toStamp = (iso: string): Stamp => Date.parse(iso);
export const toIso = (stamp: Stamp): string => new Date(stamp).toISOString();

/** One canonical text per value: equal values, equal text (tags keep their order: it is the user's). */
export const valueKey = (value: Annotations[Field]): string => JSON.stringify(value);

export const isDefault = (field: Field, value: Annotations[Field]) =>
  valueKey(value) === valueKey(NO_ANNOTATIONS[field]);

/** The latest time anything in the entry was set or removed. */
export function newestStamp(entry: ShelfEntry): Stamp {
  let newest = entry.removedAt ?? 0;
  for (const field of FIELDS) newest = Math.max(newest, entry.fields[field]?.at ?? 0);
  return newest;
}

/** A field counts while it was set after the entry's removal and after the shard was cleared. */
export function liveRegister<F extends Field>(
  entry: ShelfEntry,
  field: F,
  clearedAt: Stamp = 0,
): Register<Annotations[F]> | undefined {
  const register = entry.fields[field] as Register<Annotations[F]> | undefined;
  return register && register.at > Math.max(entry.removedAt ?? 0, clearedAt) ? register : undefined;
}

/** The annotations the entry stands for: removed or never-set fields are empty. */
export function annotationsOf(entry: ShelfEntry, clearedAt: Stamp = 0): Annotations {
  const annotations = { ...NO_ANNOTATIONS };
  for (const field of FIELDS) {
    const register = liveRegister(entry, field, clearedAt);
    if (register) (annotations as Record<Field, unknown>)[field] = register.value;
  }
  return annotations;
}

/** Whether the entry annotates the paper at all (a star, a tag, a note or a reading state). */
export const annotates = (annotations: Annotations) => FIELDS.some((field) => !isDefault(field, annotations[field]));
