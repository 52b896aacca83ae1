import type { StoredPaper } from '@/lib/paper';
import { type EncodedItem, readItem } from './codec';
import { annotates, annotationsOf, FIELDS, type ShelfEntry, type Stamp } from './entry';
import { emptyShard, mergeShards, type ShardState } from './merge';
import { packShard, SHARD_COUNT, shardKey, shardOf } from './pack';
import { applyEntry, type LibraryChange, localEntry } from './paper-entry';
import { SYNC_QUOTA } from './quota';
import type { SyncBase, SyncStatus } from './settings';

/**
 * One pass between the library and the synced copy, as a pure function: for every shard, this browser's state
 * (the library, read against what was last agreed) and the synced copy's are merged; the library takes the merge,
 * the merge becomes the new agreement, and the shards where the merge holds something newer than the synced copy
 * are written.
 */

export interface RemoteShard {
  state: ShardState;
  /** Why the item could not be read: it is then left as it is, neither applied nor overwritten. */
  refused?: string;
  bytes?: number;
}

/** The synced copy's items, each read on its own: a bad one is refused alone. */
export function readRemote(
  items: Record<string, unknown>,
  now: Stamp,
  bytesOf: (key: string) => number,
): RemoteShard[] {
  return Array.from({ length: SHARD_COUNT }, (_, shard) => {
    const key = shardKey(shard);
    if (items[key] === undefined) return { state: emptyShard() };
    const reading = readItem(items[key], (id) => shardOf(id) === shard, now);
    return reading.ok
      ? { state: reading.shard }
      : { state: emptyShard(), refused: `${key}: ${reading.reason}`, bytes: bytesOf(key) };
  });
}

export function agreedShards(base: SyncBase): ShardState[] {
  return Array.from({ length: SHARD_COUNT }, (_, shard) => {
    const stored = base.shards[shard];
    return stored
      ? { clearedAt: stored.clearedAt, entries: new Map(stored.entries.map((entry) => [entry.id, entry])) }
      : emptyShard();
  });
}

/** Whether writing `merged` would tell the synced copy anything: a clearing, an entry or a field newer than it holds. */
function hasNews(merged: ShardState, written: string[], remote: ShardState): boolean {
  if (merged.clearedAt > remote.clearedAt) return true;
  return written.some((id) => {
    const mine = merged.entries.get(id) as ShelfEntry;
    const theirs = remote.entries.get(id);
    if (!theirs || (mine.removedAt ?? 0) > (theirs.removedAt ?? 0)) return true;
    return FIELDS.some((field) => (mine.fields[field]?.at ?? -1) > (theirs.fields[field]?.at ?? -1));
  });
}

export type SyncReport = Omit<SyncStatus, 'at' | 'lastWriteAt' | 'problem'> & { refusals: string[] };

/** A synced copy with nothing in it, nothing left out and nothing refused. */
export const EMPTY_REPORT: Readonly<SyncReport> = {
  papers: 0,
  shortenedNotes: 0,
  leftOut: 0,
  bytes: 0,
  quota: SYNC_QUOTA.bytes,
  unreadable: 0,
  refusals: [],
};

export interface Pass {
  /** What the library takes: records to write, papers to remove. */
  changes: LibraryChange[];
  agreed: SyncBase['shards'];
  /** The items to write (only shards with something new for the synced copy). */
  writes: Record<string, EncodedItem>;
  report: SyncReport;
}

/**
 * `papers` holds the library's record (or undefined) of every id the agreement or the synced copy names, and of
 * every paper written here since the last pass.
 */
export function reconcile(input: {
  now: Stamp;
  agreed: ShardState[];
  remote: RemoteShard[];
  papers: Map<string, StoredPaper | undefined>;
}): Pass {
  const { now, agreed, remote, papers } = input;
  const candidates = Array.from({ length: SHARD_COUNT }, () => [] as string[]);
  for (const id of papers.keys()) candidates[shardOf(id)].push(id);
  const pass: Pass = {
    changes: [],
    agreed: [],
    writes: {},
    report: { ...EMPTY_REPORT, refusals: [] },
  };
  for (let shard = 0; shard < SHARD_COUNT; shard += 1) {
    const before = agreed[shard];
    const theirs = remote[shard];
    const ids = new Set([...before.entries.keys(), ...theirs.state.entries.keys(), ...candidates[shard]]);
    const mine: ShardState = { clearedAt: before.clearedAt, entries: new Map() };
    for (const id of ids) {
      const entry = localEntry(papers.get(id), before.entries.get(id), before.clearedAt, now);
      if (entry) mine.entries.set(id, entry);
    }
    const merged = mergeShards(mine, theirs.state);
    for (const id of ids) {
      const entry = merged.entries.get(id) ?? { id, title: '', fields: {} };
      const change = applyEntry(papers.get(id), entry, merged.clearedAt, now);
      if (change) pass.changes.push(change);
    }
    pass.agreed.push({ clearedAt: merged.clearedAt, entries: [...merged.entries.values()] });

    const packed = packShard(shard, merged, now);
    const annotating = (id: string) => annotates(annotationsOf(merged.entries.get(id) as ShelfEntry, merged.clearedAt));
    if (theirs.refused) {
      pass.report.unreadable += 1;
      pass.report.refusals.push(theirs.refused);
      pass.report.bytes += theirs.bytes ?? 0;
      continue;
    }
    if (hasNews(merged, packed.kept, theirs.state)) pass.writes[shardKey(shard)] = packed.item;
    pass.report.papers += packed.kept.filter(annotating).length;
    pass.report.leftOut += packed.leftOut.filter(annotating).length;
    pass.report.shortenedNotes += packed.shortened.length;
    pass.report.bytes += packed.bytes;
  }
  return pass;
}
