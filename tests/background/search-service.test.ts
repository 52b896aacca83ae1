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

// setMeta is how the service saves its snapshot; a test makes it fail once.
vi.mock('@/lib/library/ingest', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/library/ingest')>();
  return { ...actual, setMeta: vi.fn(actual.setMeta) };
});

interface Snapshot {
  json: string;
  asOf: string;
  count: number;
}

const SNAPSHOT_KEY = 'searchIndex';
const PERSIST_DELAY_MS = 20_000;
const CLOCK_MARGIN_MS = 5_000;

const iso = (time: number) => new Date(time).toISOString();
const nowIso = () => iso(Date.now());
const hoursAgo = (hours: number) => iso(Date.now() - hours * 3_600_000);

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

/** Only setTimeout and the clock are faked: IndexedDB keeps its real setImmediate. */
const useFakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

// Taken before any test fakes timers: waiting in real time never moves the fake clock.
const realSetTimeout = globalThis.setTimeout;
const pause = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

const storedSnapshot = async (db: LibraryDB) => (await getMeta(db, SNAPSHOT_KEY)) as Snapshot | undefined;

/** Retries `check` in real time (vi.waitFor would move a fake clock) for up to a second, far less than 20 s. */
async function eventually<T>(check: () => Promise<T> | T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await check();
    } catch (error) {
      if (attempt >= 200) throw error;
      await pause(5);
    }
  }
}

/** The saved snapshot, once it satisfies `ok`. */
function savedSnapshot(db: LibraryDB, ok: (snapshot: Snapshot) => boolean = () => true): Promise<Snapshot> {
  return eventually(async () => {
    const snapshot = await storedSnapshot(db);
    if (!snapshot || !ok(snapshot)) throw new Error(`snapshot not saved: ${JSON.stringify(snapshot)?.slice(0, 120)}`);
    return snapshot;
  });
}

/** A library of PROTEIN and ROBOT, seen hours ago, whose index a first service built and saved. */
async function builtLibrary(db: LibraryDB) {
  await capture(db, [PROTEIN, ROBOT], hoursAgo(3));
  const service = startService(db);
  expect(ids(await service.search('protein', 10))).toEqual([PROTEIN.id]);
  const built = await savedSnapshot(db);
  expect(built.count).toBe(2);
  return { service, built };
}

describe('search service', () => {
  let db: LibraryDB;

  beforeEach(async () => {
    db = await openLibrary();
    vi.mocked(getAllPapers).mockClear();
    vi.mocked(setMeta).mockClear();
  });

  afterEach(() => {
    vi.useRealTimers(); // drops timers still pending on the fake clock: their saves never happen
    vi.restoreAllMocks();
  });

  it('finds captured and imported papers by a title word, by arXiv id and by an arXiv link', async () => {
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

  it('saves the first build at once, claiming only what was written a few seconds before the save', async () => {
    await capture(db, [PROTEIN, ROBOT], hoursAgo(2));
    const before = Date.now();
    const service = startService(db);
    await service.search('protein', 10);
    const saved = await savedSnapshot(db);
    const after = Date.now();

    expect(saved).toEqual({ json: expect.any(String), asOf: expect.any(String), count: 2 });
    expect(Date.parse(saved.asOf)).toBeGreaterThanOrEqual(before - CLOCK_MARGIN_MS);
    expect(Date.parse(saved.asOf)).toBeLessThanOrEqual(after - CLOCK_MARGIN_MS);
    expect(snapshotFinds(saved, 'manipulation')).toEqual([ROBOT.id]);
    expect(getAllPapers).toHaveBeenCalledTimes(1);
  });

  it('finds a tag and note on a restarted worker although the worker died before saving them', async () => {
    const { service: first, built } = await builtLibrary(db);
    expect(snapshotFinds(built, 'reproducibility')).toEqual([]);

    useFakeClock(); // the 20 s save below never runs: the worker dies first
    expect(await annotatePaper(db, PROTEIN.id, ['reproducibility'], 'compare with kangaroo baseline')).toBe(true);
    expect(await setStarred(db, ROBOT.id, true)).toBe(true);
    await first.changed([PROTEIN.id], { captured: false });
    await first.changed([ROBOT.id], { captured: false });
    expect(ids(await first.search('reproducibility', 10))).toEqual([PROTEIN.id]);
    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS - 1);
    await pause(20);
    expect(await storedSnapshot(db)).toEqual(built); // the older snapshot, from before the annotation

    vi.mocked(getAllPapers).mockClear();
    const restarted = startService(db);
    expect(ids(await restarted.search('reproducibility', 10))).toEqual([PROTEIN.id]);
    expect(ids(await restarted.search('kangaroo', 10))).toEqual([PROTEIN.id]);
    expect(ids(await restarted.search('robot', 10))).toEqual([ROBOT.id]);
    expect(getAllPapers).not.toHaveBeenCalled(); // caught up through changedAt, not rebuilt
  });

  it('catches up on papers captured after the snapshot was saved, told to the old worker or not', async () => {
    const { service: first, built } = await builtLibrary(db);

    useFakeClock(); // the old worker dies before its 20 s save
    const { ids: told } = await capture(db, [CIRCUITS], nowIso());
    await first.changed(told, { captured: true });
    expect(ids(await first.search('autoencoders', 10))).toEqual([CIRCUITS.id]);
    // Captured by a worker that died before telling its index.
    await capture(db, [{ id: '2503.00004', title: 'Kangaroo Locomotion Benchmarks' }], nowIso());
    await pause(20);
    expect(await storedSnapshot(db)).toEqual(built);

    vi.mocked(getAllPapers).mockClear();
    const restarted = startService(db);
    expect(ids(await restarted.search('autoencoders', 10))).toEqual([CIRCUITS.id]);
    expect(ids(await restarted.search('kangaroo', 10))).toEqual(['2503.00004']);
    expect(ids(await restarted.search(ROBOT.id, 10))).toEqual([ROBOT.id]);
    expect(ids(await restarted.search('protein', 10))).toEqual([PROTEIN.id]);
    expect(getAllPapers).not.toHaveBeenCalled(); // caught up through changedAt, not rebuilt
  });

  it('leaves a capture reported before the index is loaded to the catch-up of the load', async () => {
    const { built } = await builtLibrary(db);
    const { ids: captured } = await capture(db, [CIRCUITS], nowIso());

    const database = vi.fn(async () => db);
    const restarted = createSearchService(database);
    await restarted.changed(captured, { captured: true });
    expect(database).not.toHaveBeenCalled(); // nothing loaded, nothing read
    expect(await storedSnapshot(db)).toEqual(built);

    vi.mocked(getAllPapers).mockClear();
    expect(ids(await restarted.search('autoencoders', 10))).toEqual([CIRCUITS.id]);
    expect(ids(await restarted.search('protein', 10))).toEqual([PROTEIN.id]);
    expect(getAllPapers).not.toHaveBeenCalled();
  });

  it.each([
    [
      'a capture',
      async (db: LibraryDB, service: ReturnType<typeof startService>) => {
        const { ids: captured } = await capture(db, [CIRCUITS], nowIso());
        await service.changed(captured, { captured: true });
        return { query: 'autoencoders', id: CIRCUITS.id };
      },
    ],
    [
      'an import',
      async (db: LibraryDB, service: ReturnType<typeof startService>) => {
        await applyImport(db, [makePaper(CIRCUITS.id, { title: CIRCUITS.title })]);
        await service.changed([CIRCUITS.id], { captured: false });
        return { query: 'autoencoders', id: CIRCUITS.id };
      },
    ],
    [
      'an annotation',
      async (db: LibraryDB, service: ReturnType<typeof startService>) => {
        await annotatePaper(db, PROTEIN.id, ['zebrafish'], null);
        await service.changed([PROTEIN.id], { captured: false });
        return { query: 'zebrafish', id: PROTEIN.id };
      },
    ],
  ])('indexes %s at once and saves it 20 s later', async (_, change) => {
    const { service, built } = await builtLibrary(db);

    useFakeClock();
    const start = Date.now();
    const { query, id } = await change(db, service);
    expect(ids(await service.search(query, 10))).toEqual([id]);

    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS - 1_000);
    await pause(20); // a save started now would have reached the database
    expect(await storedSnapshot(db)).toEqual(built);

    await vi.advanceTimersByTimeAsync(1_000);
    const saved = await savedSnapshot(db, (snapshot) => snapshot.asOf !== built.asOf);
    expect(saved.asOf).toBe(iso(start + PERSIST_DELAY_MS - CLOCK_MARGIN_MS));
    expect(snapshotFinds(saved, query)).toEqual([id]);
    expect(saved.count).toBe(id === CIRCUITS.id ? 3 : 2);
  });

  it('re-indexes on load a paper written after the asOf of the snapshot, a few seconds before its save', async () => {
    const { service, built } = await builtLibrary(db);

    useFakeClock();
    await annotatePaper(db, PROTEIN.id, ['zebrafish'], null);
    await service.changed([PROTEIN.id], { captured: false });
    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS);
    const savedAt = Date.now();
    const saved = await savedSnapshot(db, (snapshot) => snapshot.asOf !== built.asOf);
    expect(saved.asOf).toBe(iso(savedAt - CLOCK_MARGIN_MS));
    expect(snapshotFinds(saved, 'zebrafish')).toEqual([PROTEIN.id]);

    // Stamped within the margin before the save, but committed (and reported) only after it: the snapshot lacks it.
    const late = makePaper(ROBOT.id, { title: ROBOT.title, tags: ['lateral'] });
    await applyImport(db, [late], iso(savedAt - CLOCK_MARGIN_MS + 1_000));
    expect(snapshotFinds(saved, 'lateral')).toEqual([]);

    vi.mocked(getAllPapers).mockClear();
    const restarted = startService(db);
    expect(ids(await restarted.search('lateral', 10))).toEqual([ROBOT.id]);
    expect(ids(await restarted.search('zebrafish', 10))).toEqual([PROTEIN.id]);
    expect(getAllPapers).not.toHaveBeenCalled();
  });

  it('forgets a paper deleted through the service at once and saves that at once', async () => {
    const { service, built } = await builtLibrary(db);

    useFakeClock();
    const start = Date.now();
    expect(await deletePapers(db, [ROBOT.id])).toBe(1);
    await service.changed([ROBOT.id], { captured: false });
    expect(await service.search('robot', 10)).toEqual([]);
    expect(await service.search(ROBOT.id, 10)).toEqual([]);
    expect(await storedSnapshot(db)).toEqual(built); // no timer has run yet

    await vi.advanceTimersByTimeAsync(0);
    const saved = await savedSnapshot(db, (snapshot) => snapshot.count === 1);
    expect(saved.asOf).toBe(iso(start - CLOCK_MARGIN_MS));
    expect(snapshotFinds(saved, 'robot')).toEqual([]);
    expect(snapshotFinds(saved, 'protein')).toEqual([PROTEIN.id]);
  });

  it('rebuilds when the whole library changed and saves that at once', async () => {
    const { service } = await builtLibrary(db);

    // Real timers: a rebuild may yield through setTimeout. Saved within the second savedSnapshot waits, not 20 s.
    await deletePapers(db, [ROBOT.id]);
    await capture(db, [CIRCUITS], nowIso());
    vi.mocked(getAllPapers).mockClear();
    await service.changed(undefined, { captured: false });
    expect(getAllPapers).toHaveBeenCalledTimes(1);
    expect(await service.search('robot', 10)).toEqual([]);
    expect(ids(await service.search('autoencoders', 10))).toEqual([CIRCUITS.id]);

    const saved = await savedSnapshot(db, (snapshot) => snapshotFinds(snapshot, 'autoencoders').length > 0);
    expect(saved.count).toBe(2);
    expect(snapshotFinds(saved, 'robot')).toEqual([]);
  });

  it('builds once when the whole library changed before the index was ever loaded', async () => {
    await capture(db, [PROTEIN, ROBOT], hoursAgo(3));
    const service = startService(db);
    await service.changed(undefined, { captured: false });
    expect(getAllPapers).toHaveBeenCalledTimes(1);
    expect(ids(await service.search('robot', 10))).toEqual([ROBOT.id]);
    expect(getAllPapers).toHaveBeenCalledTimes(1);
  });

  it('does not count an id it never indexed as a deletion that must be saved at once', async () => {
    const { service, built } = await builtLibrary(db);
    useFakeClock();
    await service.changed(['2599.99999'], { captured: false });
    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS - 1);
    await pause(20);
    expect(await storedSnapshot(db)).toEqual(built);
  });

  it('saves after a large catch-up, so the next restart does not repeat it', async () => {
    const { built } = await builtLibrary(db);
    const many = Array.from({ length: 250 }, (_, index) =>
      makePaper(`2503.${String(10000 + index)}`, { title: `Imported paper ${index}`, lastSeenAt: hoursAgo(2) }),
    );
    await applyImport(db, many, nowIso()); // stamped after the snapshot's asOf, never told to a worker

    useFakeClock();
    const restarted = startService(db);
    expect(ids(await restarted.search('2503.10042', 10))).toEqual(['2503.10042']);
    expect(getAllPapers).toHaveBeenCalledTimes(1); // the first build only: this one caught up
    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS);
    const saved = await savedSnapshot(db, (snapshot) => snapshot.count === 252);
    expect(saved.asOf > built.asOf).toBe(true);
    expect(snapshotFinds(saved, '2503.10249')).toEqual(['2503.10249']);
  });

  it.each([
    ['a deletion followed by a capture', ['delete', 'capture']],
    ['a capture followed by a deletion', ['capture', 'delete']],
  ])('saves at once after %s: a later change never postpones a save already due', async (_, order) => {
    const { service, built } = await builtLibrary(db);

    useFakeClock();
    const start = Date.now();
    await deletePapers(db, [ROBOT.id]);
    const { ids: captured } = await capture(db, [CIRCUITS], nowIso());
    for (const kind of order) {
      if (kind === 'capture') await service.changed(captured, { captured: true });
      else await service.changed([ROBOT.id], { captured: false });
    }
    expect(await storedSnapshot(db)).toEqual(built); // no timer has run yet

    await vi.advanceTimersByTimeAsync(5);
    // Not told apart by asOf: the first save may have been in the very millisecond the fake clock started at.
    const saved = await savedSnapshot(db, (snapshot) => snapshotFinds(snapshot, 'autoencoders').length > 0);
    expect(Date.parse(saved.asOf)).toBeGreaterThanOrEqual(start - CLOCK_MARGIN_MS);
    expect(Date.parse(saved.asOf)).toBeLessThanOrEqual(start + 5 - CLOCK_MARGIN_MS);
    expect(saved.count).toBe(2);
    expect(snapshotFinds(saved, 'autoencoders')).toEqual([CIRCUITS.id]);
    expect(snapshotFinds(saved, 'robot')).toEqual([]);
  });

  it.each([
    ['not JSON', { json: 'not json', asOf: '', count: 2 }],
    ['JSON but not an index', { json: '{"hello":"world"}', asOf: '', count: 2 }],
    ['not a snapshot at all', 'garbage'],
    ['an index without asOf', 'index-without-asOf'],
  ])('rebuilds when the snapshot is %s, and replaces it at once', async (_, corrupt) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await capture(db, [PROTEIN, ROBOT], hoursAgo(2));
    if (corrupt === 'index-without-asOf') {
      // A usable index of the same library, but no record of what it is missing.
      await startService(db).search('protein', 10);
      const { json, count } = await savedSnapshot(db);
      await setMeta(db, SNAPSHOT_KEY, { json, count });
      vi.mocked(getAllPapers).mockClear();
    } else {
      await setMeta(db, SNAPSHOT_KEY, corrupt);
    }

    const before = Date.now();
    const service = startService(db);
    expect(ids(await service.search('protein', 10))).toEqual([PROTEIN.id]);
    expect(ids(await service.search(ROBOT.id, 10))).toEqual([ROBOT.id]);
    expect(getAllPapers).toHaveBeenCalledTimes(1);

    const saved = await savedSnapshot(db, (snapshot) => isUsable(snapshot) && typeof snapshot.asOf === 'string');
    expect(saved.count).toBe(2);
    expect(Date.parse(saved.asOf)).toBeGreaterThanOrEqual(before - CLOCK_MARGIN_MS);
    expect(snapshotFinds(saved, 'manipulation')).toEqual([ROBOT.id]);
    warn.mockRestore();
  });

  it('rebuilds when the snapshot disagrees with the library, so a deleted paper is not found', async () => {
    await builtLibrary(db);

    // Deleted by a worker that died before telling the index.
    expect(await deletePapers(db, [ROBOT.id])).toBe(1);

    vi.mocked(getAllPapers).mockClear();
    const restarted = startService(db);
    expect(await restarted.search('robot', 10)).toEqual([]);
    expect(await restarted.search('diffusion manipulation', 10)).toEqual([]);
    expect(await restarted.search(ROBOT.id, 10)).toEqual([]);
    expect(ids(await restarted.search('protein', 10))).toEqual([PROTEIN.id]);
    expect(getAllPapers).toHaveBeenCalledTimes(1);

    const saved = await savedSnapshot(db, (snapshot) => snapshot.count === 1);
    expect(snapshotFinds(saved, 'robot')).toEqual([]);
    expect(snapshotFinds(saved, 'protein')).toEqual([PROTEIN.id]);
  });

  it.each([
    ['saving is refused', () => vi.mocked(setMeta).mockRejectedValueOnce(new Error('quota exceeded'))],
    [
      'the database connection was closed',
      async (database: ReturnType<typeof vi.fn<() => Promise<LibraryDB>>>) => {
        const closed = await openLibrary();
        closed.close();
        database.mockResolvedValueOnce(closed);
      },
    ],
  ])('logs a failed save when %s, and saves a later change', async (_, breakNextSave) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await capture(db, [PROTEIN, ROBOT], hoursAgo(3));
      const database = vi.fn(async () => db);
      const service = createSearchService(database);
      await service.search('protein', 10);
      const built = await savedSnapshot(db);

      useFakeClock();
      await annotatePaper(db, PROTEIN.id, ['zebrafish'], null);
      await service.changed([PROTEIN.id], { captured: false });
      await breakNextSave(database);
      await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS);
      await eventually(() =>
        expect(warn).toHaveBeenCalledWith('[papershelf] saving the search index failed:', expect.anything()),
      );
      expect(await storedSnapshot(db)).toEqual(built);

      const { ids: captured } = await capture(db, [CIRCUITS], nowIso());
      await service.changed(captured, { captured: true });
      expect(ids(await service.search('zebrafish', 10))).toEqual([PROTEIN.id]);
      await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS);
      const saved = await savedSnapshot(db, (snapshot) => snapshot.count === 3);
      expect(snapshotFinds(saved, 'zebrafish')).toEqual([PROTEIN.id]);
      expect(snapshotFinds(saved, 'autoencoders')).toEqual([CIRCUITS.id]);

      await pause(20); // an unhandled rejection is reported after the microtasks that could have handled it
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
