import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toPaper } from '@/lib/library/stored';
import type { Paper } from '@/lib/paper';
import type { EncodedItem } from '@/lib/sync/codec';
import { ITEM_BUDGET, SHARD_COUNT, shardKey, shardOf } from '@/lib/sync/pack';
import { CHROME_SYNC_QUOTA, itemBytes } from '@/lib/sync/quota';
import { createSyncService, MIN_WRITE_GAP_MS, QUIET_MS } from '@/lib/sync/service';
import { syncBase, syncEnabled, syncStatus } from '@/lib/sync/settings';
import { type LibraryDB, openLibrary } from '@/lib/writes/db';
import { annotatePaper, setReadingState, setStarred } from '@/lib/writes/edits';
import { applyImport } from '@/lib/writes/ingest';
import { clearLibrary, deletePapers } from '@/lib/writes/removal';
import { makePaper } from '../helpers/papers';

const P1 = '2401.00001';
const P2 = '2401.00002';
const P3 = '2401.00003';

/** The background's sync, over a fresh library, with fake timers for its pacing. */
async function background(papers: Paper[] = [P1, P2, P3].map((id) => makePaper(id))) {
  const db = await openLibrary();
  await applyImport(db, papers);
  const changes: string[][] = [];
  const sync = createSyncService({
    db: async () => db,
    area: fakeBrowser.storage.sync,
    changed: (ids) => changes.push(ids),
  });
  fakeBrowser.storage.onChanged.addListener((change, area) => sync.storageChanged(change, area));
  /** Lets the pending passes run. */
  const settle = async (ms = MIN_WRITE_GAP_MS + QUIET_MS) => {
    await vi.advanceTimersByTimeAsync(ms);
    await sync.settled();
  };
  return { db, sync, changes, settle };
}

/** The background with sync turned on after the first paper was starred, and that star written to sync. */
async function syncingStarred() {
  const running = await background();
  await setStarred(running.db, P1, true);
  await syncEnabled.setValue(true);
  await running.settle();
  return running;
}

const library = async (db: LibraryDB) =>
  new Map((await db.getAll('papers')).map((paper) => [paper.id, toPaper(paper)]));
const synced = async () => (await fakeBrowser.storage.sync.get(null)) as Record<string, EncodedItem>;
const syncedIds = async () => Object.values(await synced()).flatMap((item) => item.e.map((entry) => entry[0]));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the sync service', () => {
  it('sends nothing while sync is off (the default)', async () => {
    const { db, sync, settle } = await background();
    await setStarred(db, P1, true);
    sync.handled({ type: 'setStarred' });
    await sync.start();
    await settle();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('once on, writes every annotated paper into bounded items, and tells how much it holds', async () => {
    const { db, settle } = await background();
    await setStarred(db, P1, true);
    await annotatePaper(db, P2, ['rl'], 'A note');
    await setReadingState(db, P3, 'read');
    await syncEnabled.setValue(true);
    await settle();
    const items = await synced();
    expect((await syncedIds()).sort()).toEqual([P1, P2, P3]);
    for (const [key, item] of Object.entries(items)) {
      expect(Object.keys(items).length).toBeLessThanOrEqual(SHARD_COUNT);
      expect(itemBytes(key, item)).toBeLessThanOrEqual(ITEM_BUDGET);
      for (const entry of item.e) expect(shardKey(shardOf(entry[0] as string))).toBe(key);
    }
    expect(await syncStatus.getValue()).toMatchObject({ papers: 3, leftOut: 0, unreadable: 0, problem: null });
  });

  it('writes an edit a moment after it is made, once edits pause, and no faster than Chrome’s write limits', async () => {
    expect(60_000 / MIN_WRITE_GAP_MS).toBeLessThanOrEqual(CHROME_SYNC_QUOTA.writesPerMinute as number);
    expect(3_600_000 / MIN_WRITE_GAP_MS).toBeLessThanOrEqual(CHROME_SYNC_QUOTA.writesPerHour as number);
    const { db, sync, settle } = await background();
    await syncEnabled.setValue(true);
    await settle();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await setStarred(db, P1, true);
    sync.handled({ type: 'setStarred' });
    await vi.advanceTimersByTimeAsync(QUIET_MS - 50);
    expect(set).not.toHaveBeenCalled();
    await settle(100);
    expect(set).toHaveBeenCalledTimes(1);
    await setStarred(db, P2, true);
    sync.handled({ type: 'setStarred' });
    await settle(QUIET_MS + 50);
    expect(set).toHaveBeenCalledTimes(1); // too soon after the last write
    await settle(MIN_WRITE_GAP_MS);
    expect(set).toHaveBeenCalledTimes(2);
    expect(await syncedIds()).toContain(P2);
  });

  it('applies another browser’s items in one pass: new papers, changed ones, pages told', async () => {
    const { db, changes, settle } = await background();
    await syncEnabled.setValue(true);
    await settle();
    const other = await background([]); // another browser, same synced storage in this test
    void other;
    const key = shardKey(shardOf('2509.24002'));
    const stamp = (Date.now() - 1000).toString(36);
    await fakeBrowser.storage.sync.set({
      [key]: { v: 1, e: [['2509.24002', 'A paper from elsewhere', `${stamp}.0.0.0.0.`, 1, ['rl'], 'From B', 2]] },
    });
    await settle();
    const paper = (await library(db)).get('2509.24002');
    expect(paper).toMatchObject({
      title: 'A paper from elsewhere',
      starred: true,
      tags: ['rl'],
      note: 'From B',
      readingState: 'read',
      onlyFromSync: true,
      seenCount: 0,
    });
    expect(changes.flat()).toContain('2509.24002');
  });

  it('refuses hostile items one by one, changes nothing for them, and leaves them as they are', async () => {
    const { db, settle } = await background();
    await syncEnabled.setValue(true);
    await settle();
    const before = await library(db);
    const stamp = (Date.now() - 1000).toString(36);
    const good = ['2509.24002', 'Fine', `${stamp}.0....`, 1];
    const hostile = {
      [shardKey(6)]: { v: 1, e: [['2401.00009', '<img src=x onerror=alert(1)>', `${stamp}.0....`, 1, [{}]]] },
      [shardKey(0)]: { v: 1, e: [['javascript:alert(1)', 'x', `${stamp}.0....`, 1]] },
      [shardKey(2)]: { v: 1, e: [['2401.00010', 'x', `${(Date.now() + 30 * 86_400_000).toString(36)}.0....`, 1]] },
      [shardKey(3)]: { v: 1, e: 'not a list' },
      [shardKey(4)]: { v: 1, c: 'zzzzzzzzzz', e: [] },
      [shardKey(5)]: { v: 9, anything: true },
      [shardKey(shardOf('2509.24002'))]: { v: 1, e: [good] },
    };
    await fakeBrowser.storage.sync.set(hostile);
    await settle();
    const after = await library(db);
    expect(after.get('2509.24002')).toMatchObject({ title: 'Fine', starred: true });
    after.delete('2509.24002');
    expect(after).toEqual(before);
    const items = await synced();
    for (const shard of [6, 0, 2, 3, 4, 5]) expect(items[shardKey(shard)]).toEqual(hostile[shardKey(shard)]);
    expect((await syncStatus.getValue())?.unreadable).toBe(6);
  });

  it('tries a refused write again later without losing the edit, and says so meanwhile', async () => {
    const { db, sync, settle } = await background();
    await syncEnabled.setValue(true);
    await settle();
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    await annotatePaper(db, P1, ['kept'], 'Not lost');
    sync.handled({ type: 'annotate' });
    await settle();
    expect(set).toHaveBeenCalledTimes(1);
    expect((await syncStatus.getValue())?.problem).toMatch(/did not take the last write .*trying again in 60 s/);
    expect(await syncedIds()).not.toContain(P1);
    await settle(60_000);
    expect(set).toHaveBeenCalledTimes(2);
    expect(await syncedIds()).toContain(P1);
    expect((await syncStatus.getValue())?.problem).toBeNull();
  });

  it('hears its own earlier state replayed after another change, and writes the newer state back', async () => {
    const { db, sync, settle } = await syncingStarred();
    const own = await synced();
    await setStarred(db, P1, false);
    sync.handled({ type: 'setStarred' });
    await settle();
    const newer = await synced();
    await fakeBrowser.storage.sync.set(own);
    await settle();
    expect(await synced()).toEqual(newer);
    expect((await library(db)).get(P1)?.starred).toBe(false);
  });

  it('turns a removal here into a tombstone in the synced copy', async () => {
    const { db, sync, settle } = await syncingStarred();
    await deletePapers(db, [P1]);
    sync.handled({ type: 'deletePapers' });
    await settle();
    const entry = Object.values(await synced())
      .flatMap((item) => item.e)
      .find((one) => one[0] === P1) as unknown[];
    expect(entry.slice(0, 2)).toEqual([P1, '']); // no fields left, and no title needed
    expect(String(entry[2]).split('.').at(-1)).toBe('0'); // the removal is the newest stamp
  });

  it('clearing the library keeps the synced copy unless asked: its papers come back, nothing is removed', async () => {
    const { db, sync, settle } = await syncingStarred();
    const before = await synced();
    await sync.aroundClear(() => clearLibrary(db), false);
    await settle();
    expect(await synced()).toEqual(before);
    expect((await library(db)).get(P1)).toMatchObject({ starred: true, onlyFromSync: true });
  });

  it('clearing the synced copy too empties it for every browser, as of now', async () => {
    const { db, sync, settle } = await syncingStarred();
    await sync.aroundClear(() => clearLibrary(db), true);
    await settle();
    const items = await synced();
    expect(Object.keys(items)).toHaveLength(SHARD_COUNT);
    for (const item of Object.values(items)) expect(item).toMatchObject({ v: 1, c: expect.any(String), e: [] });
    expect((await library(db)).size).toBe(0);
    expect((await syncBase.getValue()).shards.every((shard) => shard.entries.length === 0)).toBe(true);
  });

  it('once turned off, neither sends nor receives, and keeps everything here', async () => {
    const { db, sync, settle } = await syncingStarred();
    await syncEnabled.setValue(false);
    const before = await synced();
    await setStarred(db, P2, true);
    sync.handled({ type: 'setStarred' });
    const stamp = (Date.now() - 1000).toString(36);
    await fakeBrowser.storage.sync.set({
      [shardKey(shardOf('2509.24002'))]: { v: 1, e: [['2509.24002', 'x', `${stamp}.0....`, 1]] },
    });
    await settle();
    const papers = await library(db);
    expect(papers.has('2509.24002')).toBe(false);
    expect(papers.get(P1)?.starred).toBe(true);
    expect((await synced())[shardKey(shardOf(P2))]).toEqual(before[shardKey(shardOf(P2))]);
  });
});
