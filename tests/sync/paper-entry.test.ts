import { toStored } from '@/lib/library/stored';
import type { Paper, StoredPaper } from '@/lib/paper';
import { toIso } from '@/lib/sync/entry';
import { applyEntry, localEntry } from '@/lib/sync/paper-entry';
import { makePaper } from '../helpers/papers';
import { at, entry, set } from './entries';

const ID = '2401.00001';
const stored = (fields: Partial<Paper>): StoredPaper =>
  toStored({ ...makePaper(ID, fields), recentViewIds: [] }, toIso(at(0)));

describe('a paper as a synced entry', () => {
  it('keeps the agreed stamp of a field left as it was, and stamps a changed one with the paper’s last edit', () => {
    const agreed = entry(ID, { starred: set(true, 1), note: set('old', 1) });
    const local = localEntry(stored({ starred: true, note: 'new', annotatedAt: toIso(at(9)) }), agreed, 0, at(10));
    expect(local?.fields).toEqual({ starred: set(true, 1), note: set('new', 9) });
  });

  it('leaves a paper never annotated out, and makes a removal of an annotated paper that is gone', () => {
    expect(localEntry(stored({}), undefined, 0, at(1))).toBeUndefined();
    const agreed = entry(ID, { starred: set(true, 1) });
    expect(localEntry(undefined, agreed, 0, at(10))?.removedAt).toBe(at(10));
    // Gone, but it held nothing: no removal to tell.
    const emptied = entry(ID, { starred: set(false, 1) });
    expect(localEntry(undefined, emptied, 0, at(10))).toBe(emptied);
  });

  it('creates a paper known only through sync, queued when it was queued elsewhere', () => {
    const arriving = entry(ID, { readingState: set('to-read', 4), tags: set(['rl'], 5) });
    const change = applyEntry(undefined, arriving, 0, at(10));
    expect(change).toMatchObject({
      kind: 'put',
      record: {
        id: ID,
        title: `Paper ${ID}`,
        tags: ['rl'],
        readingState: 'to-read',
        queuedAt: toIso(at(4)),
        annotatedAt: toIso(at(5)),
        onlyFromSync: true,
        seenCount: 0,
        titleSource: 'link',
      },
    });
  });

  it('keeps a queued paper’s place, removes one known only through sync once nothing annotates it, and changes nothing else', () => {
    const queued = stored({ readingState: 'to-read', queuedAt: toIso(at(2)), abstract: 'Its own.' });
    const change = applyEntry(queued, entry(ID, { readingState: set('to-read', 8), starred: set(true, 8) }), 0, at(10));
    expect(change).toMatchObject({
      kind: 'put',
      record: { queuedAt: toIso(at(2)), starred: true, abstract: 'Its own.' },
    });
    const synced = stored({ starred: true, onlyFromSync: true });
    expect(applyEntry(synced, entry(ID, {}, at(9)), 0, at(10))).toEqual({ kind: 'delete', id: ID });
    expect(applyEntry(stored({ starred: true }), entry(ID, { starred: set(true, 1) }), 0, at(10))).toBeNull();
  });
});
