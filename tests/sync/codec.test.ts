import { encodeEntry, encodeItem, readItem } from '@/lib/sync/codec';
import { compact } from '@/lib/sync/merge';
import { at, entry, random, randomEntry, set, T0 } from './entries';

const NOW = T0 + 3_600_000;
const anywhere = () => true;
const item = (entries: unknown[][], extra: Record<string, unknown> = {}) => ({ v: 1, e: entries, ...extra });

describe('the synced item encoding', () => {
  it('reads back exactly what it wrote (compacted: removed fields are not written)', () => {
    const rng = random(3);
    const ids = ['2401.00001', '2401.00002', 'hep-th/9901001', '2509.24002'];
    for (let round = 0; round < 200; round += 1) {
      // A shard never holds an entry with nothing in it (mergeShards drops those).
      const entries = ids
        .map((id) => compact(randomEntry(rng, id)))
        .filter((one) => Object.keys(one.fields).length > 0 || one.removedAt !== undefined);
      const clearedAt = rng.next() < 0.3 ? at(1) : 0;
      const reading = readItem(
        encodeItem(
          clearedAt,
          entries.map((one) => encodeEntry(one)),
        ),
        anywhere,
        NOW,
      );
      if (!reading.ok) throw new Error(reading.reason);
      expect(reading.shard.clearedAt).toBe(clearedAt);
      for (const one of entries) {
        const read = reading.shard.entries.get(one.id);
        // A bare tombstone is written without its title.
        expect(read).toEqual(Object.keys(one.fields).length ? one : { ...one, title: '' });
      }
    }
  });

  it('is compact: an entry with a star and two tags takes its title and about 40 bytes more', () => {
    const one = entry('2509.24002', { starred: set(true, 1), tags: set(['rl', 'agents'], 1) }, undefined, 'T');
    expect(JSON.stringify(encodeEntry(one))).toBe(
      `["2509.24002","T","${at(1).toString(36)}.0.0...",1,["rl","agents"]]`,
    );
  });

  it('refuses a whole item for any bad entry, and says why', () => {
    const good = encodeEntry(entry('2401.00001', { starred: set(true, 1) }));
    const stamps = `${at(1).toString(36)}.0....`;
    const refused: [string, unknown][] = [
      ['not an object', 'a string'],
      ['an array', [good]],
      ['no version', { e: [good] }],
      ['entries not a list', { v: 1, e: {} }],
      ['a forged id', item([good, ['../../etc', 'x', stamps, 1]])],
      ['an id with a version', item([['2401.00002v2', 'x', stamps, 1]])],
      ['a stamp far in the future', item([['2401.00002', 'x', `${(NOW + 3 * 86_400_000).toString(36)}.0....`, 1]])],
      ['a stamp before the extension', item([['2401.00002', 'x', `${Date.UTC(2001, 0).toString(36)}.0....`, 1]])],
      ['stamps not base 36', item([['2401.00002', 'x', 'zz!.0....', 1]])],
      ['too few stamps', item([['2401.00002', 'x', `${at(1).toString(36)}.0`, 1]])],
      ['starred not 0 or 1', item([['2401.00002', 'x', stamps, 'yes']])],
      ['tags not text', item([['2401.00002', 'x', stamps, 1, [{ evil: true }]]])],
      ['too many tags', item([['2401.00002', 'x', stamps, 1, Array.from({ length: 65 }, (_, n) => `t${n}`)]])],
      ['a note too long', item([['2401.00002', 'x', stamps, 1, [], 'n'.repeat(10_001)]])],
      ['a reading state out of range', item([['2401.00002', 'x', stamps, 1, [], 0, 7]])],
      ['no title for a set field', item([['2401.00002', '', stamps, 1]])],
      ['the same paper twice', item([good, good])],
      ['too many entries', item(Array.from({ length: 1001 }, () => good))],
      ['a clearing in the future', item([good], { c: (NOW + 3 * 86_400_000).toString(36) })],
    ];
    for (const [what, value] of refused) {
      const reading = readItem(value, anywhere, NOW);
      expect(reading.ok, what).toBe(false);
      if (!reading.ok) expect(reading.reason, what).toBeTruthy();
    }
    expect(readItem(item([good]), (id) => id !== '2401.00001', NOW)).toMatchObject({ ok: false, newer: false });
  });

  it('tells an item of a newer format from a damaged one: it is never overwritten', () => {
    expect(readItem({ v: 2, whatever: [] }, anywhere, NOW)).toMatchObject({ ok: false, newer: true });
  });

  it('keeps a hostile title as text, normalized (it is shown as text, never as markup)', () => {
    const stamps = `${at(1).toString(36)}.0....`;
    const reading = readItem(item([['2401.00002', ' <img src=x onerror=alert(1)>\n', stamps, 1]]), anywhere, NOW);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.shard.entries.get('2401.00002')?.title).toBe('<img src=x onerror=alert(1)>');
  });
});
