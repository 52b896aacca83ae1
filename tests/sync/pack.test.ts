import { readItem } from '@/lib/sync/codec';
import { annotationsOf, type ShelfEntry } from '@/lib/sync/entry';
import {
  FORGET_REMOVALS_AFTER_MS,
  ITEM_BUDGET,
  NOTE_LIMIT,
  packShard,
  SHARD_COUNT,
  shardKey,
  shardOf,
  shardOfKey,
  syncedNote,
} from '@/lib/sync/pack';
import { CHROME_SYNC_QUOTA, FIREFOX_SYNC_QUOTA, itemBytes, jsonBytes } from '@/lib/sync/quota';
import { at, entry, set, shard } from './entries';
import { realisticShelf } from './realistic';

const NOW = at(100_000);

describe('packing the synced copy into storage.sync', () => {
  it('uses a fixed number of items whose budgets together fit both browsers’ totals', () => {
    for (const quota of [CHROME_SYNC_QUOTA, FIREFOX_SYNC_QUOTA]) {
      expect(SHARD_COUNT * quota.bytesPerItem).toBeLessThanOrEqual(quota.bytes);
      expect(SHARD_COUNT).toBeLessThanOrEqual(quota.maxItems);
      expect(ITEM_BUDGET).toBeLessThan(quota.bytesPerItem);
    }
    expect(SHARD_COUNT).toBe(12);
  });

  it('puts an id in the same shard in every browser and version (the hash is pinned)', () => {
    expect(['2509.24002', '2401.00001', 'hep-th/9901001'].map(shardOf)).toEqual([1, 1, 6]);
    expect(shardOfKey(shardKey(7))).toBe(7);
    expect([shardOfKey('shelf-12'), shardOfKey('capture'), shardOfKey('shelf-7')]).toEqual([null, null, null]);
  });

  it('measures an item as the browsers do: key and JSON in UTF-8, with Chrome’s escapes', () => {
    expect(itemBytes('k', { a: 'é' })).toBe(1 + '{"a":"é"}'.length + 1);
    expect(jsonBytes('<b>')).toBe(JSON.stringify('<b>').length + 5);
  });

  it('round-trips a shard and keeps every item within its budget', () => {
    const entries = realisticShelf(400, NOW).filter((one) => shardOf(one.id) === 3);
    const packed = packShard(3, shard(entries), NOW);
    expect(packed.bytes).toBeLessThanOrEqual(ITEM_BUDGET);
    expect(packed.bytes).toBe(itemBytes(shardKey(3), packed.item));
    const reading = readItem(packed.item, (id) => shardOf(id) === 3, NOW);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.shard.entries.size).toBe(packed.kept.length);
    for (const id of packed.kept) {
      const sent = annotationsOf(reading.shard.entries.get(id) as ShelfEntry);
      const here = annotationsOf(entries.find((one) => one.id === id) as ShelfEntry);
      expect(sent).toEqual({ ...here, note: syncedNote(here.note) });
    }
  });

  it('shortens notes past NOTE_LIMIT in the synced copy only, and says which', () => {
    const long = 'x'.repeat(NOTE_LIMIT + 300);
    const packed = packShard(0, shard([entry('2401.00001', { note: set(long, 1) })]), NOW);
    expect(packed.shortened).toEqual(['2401.00001']);
    expect(JSON.stringify(packed.item)).toContain(`${'x'.repeat(NOTE_LIMIT)}…`);
    expect(syncedNote(syncedNote(long))).toBe(syncedNote(long)); // shortening twice changes nothing
  });

  it('past the budget, keeps the most recently edited entries and leaves the older out, never a newer one', () => {
    const entries = realisticShelf(2_000, NOW).filter((one) => shardOf(one.id) === 5);
    const packed = packShard(5, shard(entries), NOW);
    expect(packed.leftOut.length).toBeGreaterThan(0);
    expect(packed.bytes).toBeLessThanOrEqual(ITEM_BUDGET);
    const newest = (id: string) =>
      Math.max(...Object.values((entries.find((one) => one.id === id) as ShelfEntry).fields).map((r) => r.at));
    const oldestKept = Math.min(...packed.kept.map(newest));
    expect(Math.max(...packed.leftOut.map(newest))).toBeLessThanOrEqual(oldestKept);
  });

  it('never syncs an entry too large to share a shard, and drops removals once they are old', () => {
    const tags = Array.from({ length: 64 }, (_, n) => `a long tag of many words number ${n}`);
    const huge = entry('2401.00001', { tags: set(tags, 5) });
    const removedLongAgo = entry('2401.00002', {}, NOW - FORGET_REMOVALS_AFTER_MS - 1);
    const removedLately = entry('2401.00003', {}, NOW - 1000);
    const packed = packShard(0, shard([huge, removedLongAgo, removedLately]), NOW);
    expect(packed.kept).toEqual(['2401.00003']);
    expect(packed.leftOut).toEqual(['2401.00001']);
  });

  it('measures how many annotated papers fit, with realistic titles, tags and notes', () => {
    const fits = (count: number, shelf: (n: number) => ShelfEntry[]) => {
      const entries = shelf(count);
      let bytes = 0;
      for (let index = 0; index < SHARD_COUNT; index += 1) {
        const packed = packShard(index, shard(entries.filter((one) => shardOf(one.id) === index)), NOW);
        if (packed.leftOut.length > 0) return null;
        bytes += packed.bytes;
      }
      return bytes;
    };
    // The largest count that fits whole: more papers never fit where fewer did not.
    const capacity = (shelf: (n: number) => ShelfEntry[]) => {
      let [low, high] = [1, 2_000];
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (fits(middle, shelf) === null) high = middle - 1;
        else low = middle;
      }
      return { count: low, bytes: fits(low, shelf) as number };
    };
    const withNotes = capacity((n) => realisticShelf(n, NOW));
    const withoutNotes = capacity((n) => realisticShelf(n, NOW, { notes: false }));
    console.log(
      `sync capacity: ${withNotes.count} papers with realistic tags and notes (${withNotes.bytes} bytes), ` +
        `${withoutNotes.count} with tags and no notes (${withoutNotes.bytes} bytes), before a shard is full`,
    );
    expect(withNotes.count).toBeGreaterThan(200);
    expect(withoutNotes.count).toBeGreaterThan(withNotes.count);
  });
});
