import { createSearchService } from '@/lib/background/search-service';
import { getAllPapers, type LibraryDB, openLibrary } from '@/lib/library/db';
import {
  annotatePaper,
  applyImport,
  deletePapers,
  getMeta,
  ingestCapture,
  setMeta,
  setStarred,
} from '@/lib/library/ingest';
import type { SearchHit } from '@/lib/messages';
import type { PaperSighting } from '@/lib/paper';
import { loadIndex, searchPapers } from '@/lib/search/search-index';
import { makePaper } from '../helpers/papers';

// getAllPapers is what a full rebuild reads; counting its calls tells a rebuild from a snapshot load.
vi.mock('@/lib/library/db', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/library/db')>();
  return { ...actual, getAllPapers: vi.fn(actual.getAllPapers) };
});

interface Snapshot {
  json: string;
  asOf: string;
  count: number;
}

const SNAPSHOT_KEY = 'searchIndex';
// Times in the past of the real clock: the service ignores lastSeenAt values from the future.
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const PROTEIN = { id: '2501.00001', title: 'Quantized Transformers for Protein Folding' };
const ROBOT = { id: '2501.00002', title: 'Diffusion Policies for Robot Manipulation' };
const CIRCUITS = { id: '2502.00003', title: 'Sparse Autoencoders Reveal Interpretable Circuits' };

function capture(db: LibraryDB, papers: PaperSighting[], now: string, viewId = `view-${now}`) {
  return ingestCapture(db, { viewId, pageUrl: 'https://huggingface.co/papers', papers }, now);
}

/** A service as the background worker creates it; a second one stands for a restarted worker. */
const startService = (db: LibraryDB) => createSearchService(async () => db);

const ids = (hits: SearchHit[]) => hits.map((hit) => hit.id);

/** What the saved snapshot itself finds, independently of any service instance. */
const snapshotFinds = (snapshot: Snapshot, query: string) => ids(searchPapers(loadIndex(snapshot.json), query));

const isUsable = (snapshot: Snapshot) => {
  try {
    return typeof snapshot === 'object' && loadIndex(snapshot.json).documentCount === snapshot.count;
  } catch {
    return false;
  }
};

/** Polls (with real timers) until the saved snapshot satisfies `ok`; fails after a second, far less than 20 s. */
function savedSnapshot(db: LibraryDB, ok: (snapshot: Snapshot) => boolean = () => true): Promise<Snapshot> {
  return vi.waitFor(
    async () => {
      const snapshot = (await getMeta(db, SNAPSHOT_KEY)) as Snapshot | undefined;
      if (!snapshot || !ok(snapshot))
        throw new Error(`snapshot not saved yet: ${JSON.stringify(snapshot)?.slice(0, 80)}`);
      return snapshot;
    },
    { timeout: 1_000, interval: 5 },
  );
}

describe('search service', () => {
  let db: LibraryDB;

  beforeEach(async () => {
    db = await openLibrary();
    vi.mocked(getAllPapers).mockClear();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('finds captured and imported papers by a title word and by arXiv id', async () => {
    await capture(db, [PROTEIN, ROBOT], hoursAgo(2));
    await applyImport(db, [makePaper(CIRCUITS.id, { title: CIRCUITS.title })]);
    const service = startService(db);

    expect(ids(await service.search('protein', 10))).toEqual([PROTEIN.id]);
    expect(ids(await service.search('manipulation', 10))).toEqual([ROBOT.id]);
    expect(ids(await service.search('autoencoders', 10))).toEqual([CIRCUITS.id]);
    expect(ids(await service.search(ROBOT.id, 10))).toEqual([ROBOT.id]);
    expect(ids(await service.search(`https://arxiv.org/abs/${CIRCUITS.id}v2`, 10))).toEqual([CIRCUITS.id]);
    expect(await service.search('2509.99999', 10)).toEqual([]);
  });

  it('saves the snapshot right after a non-capture change, and a restarted worker searches from it', async () => {
    const seen = hoursAgo(2);
    await capture(db, [PROTEIN, ROBOT], seen);
    const first = startService(db);
    expect(ids(await first.search('protein', 10))).toEqual([PROTEIN.id]);
    // The first build is saved too, before any change.
    const built = await savedSnapshot(db);
    expect(snapshotFinds(built, 'reproducibility')).toEqual([]);

    await annotatePaper(db, PROTEIN.id, ['reproducibility'], 'compare with kangaroo baseline');
    await setStarred(db, ROBOT.id, true);
    await first.changed([PROTEIN.id], { captured: false });
    await first.changed([ROBOT.id], { captured: false });
    expect(ids(await first.search('reproducibility', 10))).toEqual([PROTEIN.id]);

    const saved = await savedSnapshot(db, (snapshot) => snapshotFinds(snapshot, 'reproducibility').length > 0);
    expect(saved).toEqual({ json: expect.any(String), asOf: seen, count: 2 });
    expect(snapshotFinds(saved, 'reproducibility')).toEqual([PROTEIN.id]);

    vi.mocked(getAllPapers).mockClear();
    const restarted = startService(db);
    expect(ids(await restarted.search('reproducibility', 10))).toEqual([PROTEIN.id]);
    expect(ids(await restarted.search('kangaroo', 10))).toEqual([PROTEIN.id]);
    expect(ids(await restarted.search('robot', 10))).toEqual([ROBOT.id]);
    expect(getAllPapers).not.toHaveBeenCalled(); // loaded from the snapshot, not rebuilt
  });

  it('catches up on papers captured after the snapshot was saved', async () => {
    const before = hoursAgo(3);
    await capture(db, [PROTEIN], before);
    const first = startService(db);
    await first.search('protein', 10);
    expect(await savedSnapshot(db)).toEqual({ json: expect.any(String), asOf: before, count: 1 });

    // Captured later by a worker that died before saving (nothing tells any service about it).
    await capture(db, [CIRCUITS, ROBOT], hoursAgo(1));

    vi.mocked(getAllPapers).mockClear();
    const restarted = startService(db);
    expect(ids(await restarted.search('autoencoders', 10))).toEqual([CIRCUITS.id]);
    expect(ids(await restarted.search(ROBOT.id, 10))).toEqual([ROBOT.id]);
    expect(ids(await restarted.search('protein', 10))).toEqual([PROTEIN.id]);
    expect(getAllPapers).not.toHaveBeenCalled(); // caught up through lastSeenAt, not rebuilt
  });

  it('indexes a capture at once and saves it only after the capture delay, advancing asOf', async () => {
    const before = hoursAgo(3);
    const later = hoursAgo(1);
    await capture(db, [PROTEIN], before);
    const service = startService(db);
    await service.search('protein', 10);
    await savedSnapshot(db);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // IndexedDB keeps its real setImmediate
    const { ids: captured } = await capture(db, [CIRCUITS], later);
    await service.changed(captured, { captured: true });
    expect(ids(await service.search('autoencoders', 10))).toEqual([CIRCUITS.id]);

    await vi.advanceTimersByTimeAsync(19_000);
    expect(await getMeta(db, SNAPSHOT_KEY)).toMatchObject({ asOf: before, count: 1 });

    await vi.advanceTimersByTimeAsync(1_000);
    vi.useRealTimers();
    const saved = await savedSnapshot(db, (snapshot) => snapshot.count === 2);
    expect(saved).toEqual({ json: expect.any(String), asOf: later, count: 2 });
    expect(snapshotFinds(saved, 'autoencoders')).toEqual([CIRCUITS.id]);
  });

  it.each([
    ['not JSON', { json: 'not json', asOf: '', count: 2 }],
    ['JSON but not an index', { json: '{"hello":"world"}', asOf: '', count: 2 }],
    ['not a snapshot at all', 'garbage'],
  ])('rebuilds when the snapshot is %s', async (_, corrupt) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await capture(db, [PROTEIN, ROBOT], hoursAgo(2));
    await setMeta(db, SNAPSHOT_KEY, corrupt);

    const service = startService(db);
    expect(ids(await service.search('protein', 10))).toEqual([PROTEIN.id]);
    expect(ids(await service.search(ROBOT.id, 10))).toEqual([ROBOT.id]);
    expect(getAllPapers).toHaveBeenCalled();

    // The rebuilt index replaces the unusable snapshot.
    const saved = await savedSnapshot(db, isUsable);
    expect(saved.count).toBe(2);
    expect(snapshotFinds(saved, 'manipulation')).toEqual([ROBOT.id]);
    warn.mockRestore();
  });

  it('rebuilds when the snapshot disagrees with the library, so a deleted paper is not found', async () => {
    await capture(db, [PROTEIN, ROBOT], hoursAgo(2));
    const first = startService(db);
    await first.search('robot', 10);
    expect(await savedSnapshot(db)).toMatchObject({ count: 2 });

    // Deleted by a worker that died before telling the index.
    expect(await deletePapers(db, [ROBOT.id])).toBe(1);

    vi.mocked(getAllPapers).mockClear();
    const restarted = startService(db);
    expect(await restarted.search('robot', 10)).toEqual([]);
    expect(await restarted.search('diffusion manipulation', 10)).toEqual([]);
    expect(await restarted.search(ROBOT.id, 10)).toEqual([]);
    expect(ids(await restarted.search('protein', 10))).toEqual([PROTEIN.id]);
    expect(getAllPapers).toHaveBeenCalled();

    const saved = await savedSnapshot(db, (snapshot) => snapshot.count === 1);
    expect(snapshotFinds(saved, 'robot')).toEqual([]);
  });

  it('forgets a paper deleted through the service at once and saves that promptly', async () => {
    await capture(db, [PROTEIN, ROBOT], hoursAgo(2));
    const service = startService(db);
    await service.search('robot', 10);
    await savedSnapshot(db);

    await deletePapers(db, [ROBOT.id]);
    await service.changed([ROBOT.id], { captured: false });
    expect(await service.search('robot', 10)).toEqual([]);
    expect(await service.search(ROBOT.id, 10)).toEqual([]);

    const saved = await savedSnapshot(db, (snapshot) => snapshot.count === 1);
    expect(snapshotFinds(saved, 'robot')).toEqual([]);
  });

  it.each([
    ['a non-capture change followed by a capture', [false, true]],
    ['a capture followed by a non-capture change', [true, false]],
  ])('saves within a few ms after %s', async (_, order) => {
    const before = hoursAgo(3);
    await capture(db, [PROTEIN], before);
    const service = startService(db);
    await service.search('protein', 10);
    await savedSnapshot(db);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // IndexedDB keeps its real setImmediate
    await annotatePaper(db, PROTEIN.id, ['zebrafish'], null);
    const { ids: captured } = await capture(db, [CIRCUITS], hoursAgo(1));
    const changes = order.map((isCapture) =>
      isCapture ? service.changed(captured, { captured: true }) : service.changed([PROTEIN.id], { captured: false }),
    );
    await Promise.all(changes);
    // No timer has run yet: the snapshot is still the first build.
    expect(await getMeta(db, SNAPSHOT_KEY)).toMatchObject({ asOf: before, count: 1 });

    await vi.advanceTimersByTimeAsync(5);
    vi.useRealTimers(); // timers still pending on the fake clock (e.g. one 20 s away) never run now
    const saved = await savedSnapshot(db, (snapshot) => snapshot.count === 2);
    expect(snapshotFinds(saved, 'zebrafish')).toEqual([PROTEIN.id]);
    expect(snapshotFinds(saved, 'autoencoders')).toEqual([CIRCUITS.id]);
  });
});
