import { type EncodedItem, encodeEntry, encodeItem } from './codec';
import { annotates, annotationsOf, newestStamp, type ShelfEntry, type Stamp } from './entry';
import type { ShardState } from './merge';
import { itemBytes, jsonBytes, SYNC_QUOTA } from './quota';

/**
 * Packing the synced copy into storage.sync: a fixed number of items (shards, by a hash of the paper's id), each
 * within the per-item limit, so that together they always fit the total: 12 items of at most 8 kB are 96 kB of the
 * 100 kB allowed, whatever the shards hold. A shard that is full keeps its most recently edited entries.
 */

export const SHARD_COUNT = Math.floor(SYNC_QUOTA.bytes / SYNC_QUOTA.bytesPerItem);
/** Each item's budget: the browser's per-item limit, less a margin for a measurement that is off by a little. */
export const ITEM_BUDGET = SYNC_QUOTA.bytesPerItem - 192;
/** An entry this large (a very long title, scores of tags) would crowd out a shard: it is not synced. */
export const MAX_ENTRY_BYTES = Math.floor(ITEM_BUDGET / 4);
/** Notes are synced up to this many characters; longer ones are shortened in the synced copy only. */
export const NOTE_LIMIT = 500;
/** Removals and emptied entries are kept this long, then dropped: a browser away longer may bring one back. */
export const FORGET_REMOVALS_AFTER_MS = 90 * 86_400_000;

const KEY_PREFIX = 'shelf-';

export const shardKey = (shard: number) => `${KEY_PREFIX}${String(shard).padStart(2, '0')}`;

/** The shard an item key names, or null for a key that is not one of ours. */
export function shardOfKey(key: string): number | null {
  const match = /^shelf-(\d{2})$/.exec(key);
  const shard = match ? Number(match[1]) : -1;
  return shard >= 0 && shard < SHARD_COUNT ? shard : null;
}

/** FNV-1a: a fixed hash every browser and version computes alike (the shard of an id must never move). */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SHARD_COUNT;
}

/** The note as the synced copy holds it: whole up to NOTE_LIMIT characters, else its beginning and "…". */
export function syncedNote(note: string | null): string | null {
  if (note === null || note.length <= NOTE_LIMIT) return note;
  // Never half a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(note[NOTE_LIMIT - 1]) ? NOTE_LIMIT - 1 : NOTE_LIMIT;
  return `${note.slice(0, end)}…`;
}

export interface PackedShard {
  item: EncodedItem;
  bytes: number;
  /** Ids written, and those left out: the shard was full, or the entry too large. */
  kept: string[];
  leftOut: string[];
  /** Ids whose note is synced shortened. */
  shortened: string[];
}

/** Newest first, ties by id: every browser orders a shard alike, so all keep the same entries when it is full. */
const byRecency = (a: ShelfEntry, b: ShelfEntry) =>
  newestStamp(b) - newestStamp(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The item for one shard: its entries newest first while they fit the budget; once one does not, it and every older
 * one are left out. (Skipping a large entry to fit a smaller, older one would let two browsers that hold slightly
 * different entries pick different sets and overwrite each other in turn.) Removals and emptied entries older than
 * FORGET_REMOVALS_AFTER_MS are dropped.
 */
export function packShard(shard: number, state: ShardState, now: Stamp, budget = ITEM_BUDGET): PackedShard {
  const key = shardKey(shard);
  const current = [...state.entries.values()].filter(
    (entry) => annotates(annotationsOf(entry, state.clearedAt)) || newestStamp(entry) >= now - FORGET_REMOVALS_AFTER_MS,
  );
  current.sort(byRecency);
  const kept: { entry: ShelfEntry; encoded: unknown[] }[] = [];
  const leftOut: string[] = [];
  let bytes = itemBytes(key, encodeItem(state.clearedAt, []));
  let full = false;
  for (const entry of current) {
    const encoded = encodeEntry(entry, syncedNote(entry.fields.note?.value ?? null));
    const size = jsonBytes(encoded);
    const added = size + (kept.length > 0 ? 1 : 0); // the comma before it
    if (size > MAX_ENTRY_BYTES || full || bytes + added > budget) {
      if (size <= MAX_ENTRY_BYTES) full = true;
      leftOut.push(entry.id);
      continue;
    }
    bytes += added;
    kept.push({ entry, encoded });
  }
  kept.sort((a, b) => (a.entry.id < b.entry.id ? -1 : 1));
  const item = encodeItem(
    state.clearedAt,
    kept.map(({ encoded }) => encoded),
  );
  const shortened = kept
    .filter(({ entry }) => {
      const note = entry.fields.note?.value ?? null;
      return note !== syncedNote(note);
    })
    .map(({ entry }) => entry.id);
  return { item, bytes: itemBytes(key, item), kept: kept.map(({ entry }) => entry.id), leftOut, shortened };
}
