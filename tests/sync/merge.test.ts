import { annotationsOf } from '@/lib/sync/entry';
import { compact, mergeEntries, mergeShards } from '@/lib/sync/merge';
import { at, entry, random, randomEntry, set, shard } from './entries';

const ID = '2509.24002';

describe('merging synced entries', () => {
  it('keeps the newer edit of each field, so edits of different fields in two browsers both survive', () => {
    const base = { starred: set(false, 1), note: set(null, 1) };
    const a = entry(ID, { ...base, starred: set(true, 5) }); // starred in browser A
    const b = entry(ID, { ...base, note: set('Read §3 again.', 7) }); // a note in browser B
    const merged = mergeEntries(a, b);
    expect(annotationsOf(merged)).toEqual({ starred: true, tags: [], note: 'Read §3 again.', readingState: null });
    expect(merged.fields.starred?.at).toBe(at(5));
  });

  it('lets a removal win over older edits and lose to newer ones', () => {
    const older = entry(ID, { starred: set(true, 2), tags: set(['rl'], 9) });
    const removed = entry(ID, {}, at(5));
    const merged = mergeEntries(older, removed);
    // The star (set at 2) is gone; the tags, set after the removal, stay.
    expect(annotationsOf(merged)).toEqual({ starred: false, tags: ['rl'], note: null, readingState: null });
    expect(merged.fields.starred).toBeUndefined();
    expect(merged.removedAt).toBe(at(5));
    expect(annotationsOf(mergeEntries(entry(ID, { starred: set(true, 6) }), removed)).starred).toBe(true);
  });

  it('settles a tie (the same stamp, two values) the same way on both sides: the longer value, a whole note', () => {
    const whole = entry(ID, { note: set('A long note that the synced copy holds shortened', 3) });
    const shortened = entry(ID, { note: set('A long note…', 3) });
    expect(mergeEntries(whole, shortened).fields.note?.value).toBe(whole.fields.note?.value);
    expect(mergeEntries(shortened, whole).fields.note?.value).toBe(whole.fields.note?.value);
  });

  it('is commutative, associative and idempotent over random entries', () => {
    const rng = random(7);
    for (let round = 0; round < 500; round += 1) {
      const [a, b, c] = [randomEntry(rng, ID), randomEntry(rng, ID), randomEntry(rng, ID)];
      const ab = mergeEntries(a, b);
      expect(ab, `round ${round}`).toEqual(mergeEntries(b, a));
      expect(mergeEntries(ab, c)).toEqual(mergeEntries(a, mergeEntries(b, c)));
      expect(mergeEntries(ab, b)).toEqual(ab);
      expect(mergeEntries(ab, ab)).toEqual(ab);
      expect(mergeEntries(compact(a), b)).toEqual(ab);
    }
  });

  it('merges shards the same whatever the order, and applying one twice changes nothing', () => {
    const rng = random(11);
    const ids = ['2401.00001', '2401.00002', '2401.00003', '2401.00004'];
    const randomShard = () =>
      shard(
        ids.filter(() => rng.next() < 0.7).map((id) => randomEntry(rng, id)),
        rng.next() < 0.2 ? at(rng.int(20)) : 0,
      );
    for (let round = 0; round < 200; round += 1) {
      const [a, b] = [randomShard(), randomShard()];
      const ab = mergeShards(a, b);
      expect(ab).toEqual(mergeShards(b, a));
      expect(mergeShards(ab, b)).toEqual(ab);
      expect(mergeShards(mergeShards(ab, a), b)).toEqual(ab);
    }
  });

  it('drops what a clearing of the shard removed, and keeps what was set after it', () => {
    const before = entry('2401.00001', { starred: set(true, 1) });
    const after = entry('2401.00002', { tags: set(['kept'], 9) });
    const merged = mergeShards(shard([before, after]), shard([], at(5)));
    expect([...merged.entries.keys()]).toEqual(['2401.00002']);
    expect(merged.clearedAt).toBe(at(5));
  });
});
