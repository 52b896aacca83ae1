import { errorMessage } from '@/lib/errors';
import type { StoredPaper } from '@/lib/paper';
import type { LibraryDB } from '@/lib/writes/db';
import { applySyncPass } from '@/lib/writes/synced';
import { annotates, type Stamp, toIso } from './entry';
import { shardOfKey } from './pack';
import { itemBytes, refusalOf } from './quota';
import { agreedShards, EMPTY_REPORT, type Pass, readRemote, reconcile } from './reconcile';
import { type SyncStatus, syncBase, syncEnabled, syncStatus } from './settings';

/** The browser's synced storage area, as much of it as sync uses. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SyncServiceDeps {
  db: () => Promise<LibraryDB>;
  area: SyncArea;
  /** Tells open pages which papers a pass wrote, as after a capture. */
  changed: (ids: string[]) => void;
  now?: () => Stamp;
}

/** A pass waits for edits to pause this long, and for no longer than MAX_WAIT_MS after the first one. */
export const QUIET_MS = 400;
export const MAX_WAIT_MS = 3_000;
/** At most one write per 2.5 s: 24 a minute and 1,440 an hour, under Chrome's 120 and 1,800. */
export const MIN_WRITE_GAP_MS = 2_500;
const RETRY_AFTER_RATE_MS = 60_000;
const RETRY_AFTER_SIZE_MS = 5 * 60_000;
const RETRY_MAX_MS = 10 * 60_000;
const RETRY_AFTER_FAILURE_MS = 30_000;
/** Papers written this long before a pass began are looked at again by the next: a write may commit late. */
const WATERMARK_MARGIN_MS = 60_000;

/** Messages whose success may have changed a star, tags, a note or a reading state, or removed papers. */
const EDITS: ReadonlySet<unknown> = new Set([
  'setStarred',
  'starFromPage',
  'annotate',
  'setReadingState',
  'deletePapers',
  'purgeSeenBefore',
  'importCommit',
]);

const isAnnotated = (paper: StoredPaper) =>
  paper.onlyFromSync === true ||
  annotates({
    starred: paper.starred,
    tags: paper.tags,
    note: paper.note ?? null,
    readingState: paper.readingState ?? null,
  });

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** An item as text, its keys in order: the browser may hand back an item with its keys reordered. */
const canonical = (value: unknown) =>
  JSON.stringify(value, typeof value === 'object' && value ? Object.keys(value).sort() : undefined);

const { refusals: _, ...NO_COUNTS } = EMPTY_REPORT;
const NO_STATUS: SyncStatus = { ...NO_COUNTS, at: 0, lastWriteAt: null, problem: null };

/**
 * Sync between the library and the browser's synced storage: passes run after edits here (debounced) and changes
 * that arrive, one at a time, each reading and writing the library in one transaction, then writing the shards
 * that changed in one storage call, paced under the browser's write limits. A refused write is tried again later;
 * the edits stay in the library and in the next pass meanwhile.
 */
export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAskAt: Stamp | undefined;
  let lastWriteAt: Stamp | null = null;
  let retryAt = 0;
  let failures = 0;
  /** What stopped the last pass, and the last write: said in the settings until one succeeds. */
  let passProblem: string | null = null;
  let writeProblem: string | null = null;
  /** What this browser wrote to each item, while it is still there: its own writes come back as changes. */
  const written = new Map<string, string>();
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` after everything queued before it: passes never overlap, nor a pass and a clearing. */
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => {});
    return run;
  }

  function runAt(at: Stamp) {
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        firstAskAt = undefined;
        serially(pass).catch(async (error) => {
          // The library refused or could not be read: nothing was applied, and the next pass starts over.
          console.warn('[papershelf] sync pass failed:', error);
          passProblem = `Sync could not read or write the library (${errorMessage(error)}); trying again in ${seconds(RETRY_AFTER_FAILURE_MS)}.`;
          const last = (await syncStatus.getValue()) ?? NO_STATUS;
          await syncStatus.setValue({ ...last, at: now(), problem: passProblem });
          runAt(now() + RETRY_AFTER_FAILURE_MS);
        });
      },
      Math.max(0, at - now()),
    );
  }

  /** A pass soon: once edits pause, or MAX_WAIT_MS after the first ask at the latest. */
  function ask() {
    const at = now();
    firstAskAt ??= at;
    runAt(Math.min(at + QUIET_MS, firstAskAt + MAX_WAIT_MS));
  }

  async function report(status: Omit<SyncStatus, 'at' | 'lastWriteAt' | 'problem'>) {
    await syncStatus.setValue({ ...status, at: now(), lastWriteAt, problem: writeProblem ?? passProblem });
  }

  async function write(items: Record<string, unknown>) {
    const wait = Math.max((lastWriteAt ?? 0) + MIN_WRITE_GAP_MS, retryAt) - now();
    if (wait > 0) return runAt(now() + wait);
    try {
      await deps.area.set(items);
      for (const [key, value] of Object.entries(items)) written.set(key, canonical(value));
      lastWriteAt = now();
      failures = 0;
      retryAt = 0;
      writeProblem = null;
    } catch (error) {
      const refusal = refusalOf(error);
      failures += 1;
      const delay =
        refusal === 'rate'
          ? RETRY_AFTER_RATE_MS
          : refusal === 'size'
            ? RETRY_AFTER_SIZE_MS
            : Math.min(RETRY_MAX_MS, 15_000 * 2 ** failures);
      retryAt = now() + delay;
      writeProblem = `The browser did not take the last write (${errorMessage(error)}); trying again in ${seconds(delay)}. Your edits are kept here.`;
      runAt(retryAt);
    }
  }

  async function pass() {
    if (!(await syncEnabled.getValue())) return;
    const startedAt = now();
    const [base, items] = await Promise.all([syncBase.getValue(), deps.area.get(null)]);
    const remote = readRemote(items, startedAt, (key) => itemBytes(key, items[key]));
    const agreed = agreedShards(base);
    const ids = new Set<string>();
    for (const shard of [...agreed, ...remote.map((theirs) => theirs.state)])
      for (const id of shard.entries.keys()) ids.add(id);
    let result: Pass | undefined;
    await applySyncPass(
      await deps.db(),
      { ids, writtenSince: base.watermark, everything: !base.scanned, wanted: isAnnotated },
      (papers) => {
        result = reconcile({ now: startedAt, agreed, remote, papers });
        return {
          put: result.changes.flatMap((change) => (change.kind === 'put' ? [change.record] : [])),
          remove: result.changes.flatMap((change) => (change.kind === 'delete' ? [change.id] : [])),
        };
      },
      toIso(startedAt),
    );
    const done = result as Pass;
    passProblem = null;
    await syncBase.setValue({
      scanned: true,
      watermark: toIso(startedAt - WATERMARK_MARGIN_MS),
      shards: done.agreed,
    });
    const touched = done.changes.map((change) => (change.kind === 'put' ? change.record.id : change.id));
    if (touched.length > 0) deps.changed(touched);
    for (const refusal of done.report.refusals) console.warn(`[papershelf] synced item not read: ${refusal}`);
    if (Object.keys(done.writes).length > 0) await write(done.writes);
    const { refusals: _, ...status } = done.report;
    await report(status);
  }

  return {
    /** At start-up: catches up with what changed while the background was not running. */
    async start() {
      if (await syncEnabled.getValue()) ask();
    },
    /** After every message the background answered: an edit or a removal asks for a pass. */
    handled(message: unknown) {
      const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : null;
      if (EDITS.has(type)) void syncEnabled.getValue().then((enabled) => enabled && ask());
    },
    /** browser.storage.onChanged: the synced copy changed (elsewhere), or sync was turned on or off. */
    storageChanged(changes: Record<string, { newValue?: unknown }>, area: string) {
      if (area === 'local' && Object.hasOwn(changes, 'syncEnabled')) {
        if (changes.syncEnabled.newValue === true) ask();
        else clearTimeout(timer);
      }
      if (area !== 'sync') return;
      let news = false;
      for (const [key, change] of Object.entries(changes)) {
        if (shardOfKey(key) === null) continue;
        const value = canonical(change.newValue);
        if (written.get(key) === value) continue;
        // No longer what this browser wrote: the same value coming back later is news again.
        written.delete(key);
        news = true;
      }
      if (news) void syncEnabled.getValue().then((enabled) => enabled && ask());
    },
    /**
     * Clears the library through `clear`, then forgets the agreement, so that nothing cleared here is taken for a
     * removal. `alsoSynced`: the synced copy is cleared too, as of now, in every browser that syncs; otherwise it
     * keeps everything, and its papers come back here from it.
     */
    aroundClear<T>(clear: () => Promise<T>, alsoSynced: boolean): Promise<T> {
      return serially(async () => {
        const result = await clear();
        const enabled = await syncEnabled.getValue();
        const clearedAt = now();
        const agreed = agreedShards(await syncBase.getValue());
        await syncBase.setValue({
          scanned: true,
          watermark: toIso(clearedAt - WATERMARK_MARGIN_MS),
          shards: agreed.map((shard) => ({
            clearedAt: enabled && alsoSynced ? Math.max(shard.clearedAt, clearedAt) : shard.clearedAt,
            entries: [],
          })),
        });
        if (enabled) ask();
        return result;
      });
    },
    /** Resolves once every pass queued so far has run. */
    settled: () => serially(async () => {}),
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
