import { storage } from 'wxt/utils/storage';
import type { ShelfEntry, Stamp } from './entry';

/** Whether stars, tags, notes and reading states go through the browser's own sync. Off until the user turns it on. */
export const syncEnabled = storage.defineItem<boolean>('local:syncEnabled', { fallback: false });

/** Where the synced copy stands, written by the background after each pass, for the settings to tell. */
export interface SyncStatus {
  /** When this was written (ms since the epoch). */
  at: number;
  /** Papers whose annotations the synced copy holds, from every browser that syncs. */
  papers: number;
  /** Of those, notes the synced copy holds shortened (whole here). */
  shortenedNotes: number;
  /** Annotated papers the synced copy has no room for (kept here all the same). */
  leftOut: number;
  /** What the synced copy takes, and the browser's limit. */
  bytes: number;
  quota: number;
  /** Items of the synced copy that could not be read (another version, or damaged): left as they are. */
  unreadable: number;
  /** When this browser last wrote to the synced copy (ms since the epoch). */
  lastWriteAt: number | null;
  /** Why the last write or reading did not happen; cleared once one succeeds. */
  problem: string | null;
}

export const syncStatus = storage.defineItem<SyncStatus | null>('local:syncStatus', { fallback: null });

/**
 * What this browser and the synced copy last agreed on, kept by the background: a change here is told from a
 * change elsewhere by comparing with it.
 */
export interface SyncBase {
  /** Whether the library was looked through for annotated papers since sync was first turned on (or the library cleared). */
  scanned: boolean;
  /** Papers written since (ISO) are looked at again in the next pass; all older ones agree with `shards`. */
  watermark: string | null;
  /** One per shard: when it was last cleared, and its entries. */
  shards: { clearedAt: Stamp; entries: ShelfEntry[] }[];
}

export const NO_SYNC_BASE: SyncBase = { scanned: false, watermark: null, shards: [] };

export const syncBase = storage.defineItem<SyncBase>('local:syncBase', { fallback: NO_SYNC_BASE });
