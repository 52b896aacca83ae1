// The popup measured where it runs: the built extension in headless Chromium, with a large library imported through
// the popup's own Import. Times on screen are taken inside the page (a MutationObserver installed before the page's
// scripts), from the navigation's start or from the search box's input event, so the driver's round trips are not
// counted.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { toExportDocument } from '@/lib/io/export-json';
import type { Paper } from '@/lib/paper';
import type { ExtensionSession } from '../tests/e2e/harness';
import { serveHfSite } from '../tests/e2e/hf-site';
import { chooseImport, closeMenu, imported, openMenu, tempFile } from '../tests/e2e/popup';
import { papersPageHtml } from '../tests/helpers/island';
import {
  badgeTimes,
  dailyPage,
  INSTRUMENT,
  marksOf,
  openPopup,
  pageHeap,
  pairedOpen,
  restedAfter,
  stopWorker,
  timedOpen,
  typeAndWait,
  wakeWorker,
  workerHeap,
} from './browser';
import { expectedFirst } from './expected';
import { mb, ms, ratio, summarize, table } from './measure';
import { type BenchQuery, KINDS, realisticQueries } from './queries';
import { rawBulkPut } from './raw-put';
import { measureRecommendSpeed, type RecommendSpeedRun, withSignals } from './recommend-speed';
import { libraryAndCaptures } from './synthetic-library';

/** Opens of the popup per state: the median is reported. */
const OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 7);
const DAY = 86_400_000;

/**
 * IndexedDB requests of an extension page, logged only while tracing is on: from the start when the page loads with
 * localStorage.benchTrace set, or from a later moment on request. Each request: what, when sent, when answered.
 */
export const TRACE = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const trace = { on: localStorage.getItem('benchTrace') === '1', log: [] };
  window.__trace = trace;
  const wrap = (proto, name, label) => {
    const original = proto[name];
    proto[name] = function (...args) {
      const request = original.apply(this, args);
      if (trace.on && request && request.addEventListener) {
        const entry = { what: label(this), start: performance.now(), end: null };
        trace.log.push(entry);
        request.addEventListener('success', () => { if (entry.end === null) entry.end = performance.now(); });
      }
      return request;
    };
  };
  wrap(IDBFactory.prototype, 'open', () => 'open the database');
  for (const method of ['get', 'getAll', 'getAllKeys', 'getAllRecords', 'count', 'openCursor', 'openKeyCursor', 'getKey']) {
    wrap(IDBObjectStore.prototype, method, (store) => store.name + '.' + method);
    wrap(IDBIndex.prototype, method, (index) => index.objectStore.name + ' index ' + index.name + '.' + method);
  }
  const step = IDBCursor.prototype.continue;
  IDBCursor.prototype.continue = function (...args) {
    if (trace.on) {
      const entry = { what: 'cursor.continue (' + (this.source && this.source.name) + ')', start: performance.now(), end: null };
      trace.log.push(entry);
      this.request.addEventListener('success', () => { if (entry.end === null) entry.end = performance.now(); }, { once: true });
    }
    return step.apply(this, args);
  };
})();`;

interface TraceEntry {
  what: string;
  start: number;
  end: number | null;
}

declare global {
  interface Window {
    __trace?: { on: boolean; log: TraceEntry[] };
  }
}

/** Requests grouped by what they asked: how many, when the first was sent and the last answered (ms from `zero`). */
export function groupTrace(log: TraceEntry[], zero: number, until: number): string[][] {
  const groups = new Map<string, { count: number; start: number; end: number }>();
  for (const entry of log) {
    if (entry.start < zero || entry.start > until) continue;
    const group = groups.get(entry.what) ?? { count: 0, start: entry.start, end: 0 };
    group.count++;
    group.end = Math.max(group.end, entry.end ?? Number.NaN);
    groups.set(entry.what, group);
  }
  return [...groups].map(([what, group]) => [
    what,
    String(group.count),
    (group.start - zero).toFixed(0),
    Number.isNaN(group.end) ? 'unanswered' : (group.end - zero).toFixed(0),
  ]);
}

/** Records, in the worker, when each read-write transaction starts and completes (a capture is one). */
async function watchWrites(session: ExtensionSession) {
  const worker = session.context.serviceWorkers().find((candidate) => candidate.url().includes(session.extensionId));
  if (!worker) throw new Error('no running worker to watch');
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { benchWrites?: { start: number; end?: number; stores: string }[] };
    if (scope.benchWrites) return;
    const writes: { start: number; end?: number; stores: string }[] = [];
    scope.benchWrites = writes;
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
      const tx = open.apply(this, args);
      if (args[1] === 'readwrite') {
        const write: { start: number; end?: number; stores: string } = {
          start: performance.now(),
          stores: String(args[0]),
        };
        writes.push(write);
        tx.addEventListener('complete', () => {
          write.end = performance.now();
        });
      }
      return tx;
    } as typeof open;
  });
  return {
    async writes() {
      return worker.evaluate(
        () => (globalThis as unknown as { benchWrites: { start: number; end?: number; stores: string }[] }).benchWrites,
      );
    },
  };
}

interface Paired {
  library: number;
  empty: number;
}

export interface PopupRun {
  size: number;
  importTime: number;
  /** The same records put into a plain store in one transaction: the disk's own speed. */
  rawPutTime: number;
  exportTime: number;
  /** Newest title on screen in the library's popup, search box on screen in the empty one (paired opens). */
  afterImport: Paired;
  stopped: Paired;
  running: Paired;
  /** Topics on screen: the ranking kept from the last opening (exact when nothing changed since). */
  topics: number | null;
  /** Topics on screen when no ranking was kept, so this opening ranks them. */
  topicsRanked: number | null;
  /** What the topics section showed when no list came. */
  topicsInstead: string;
  firstQuery: { times: number[]; query: string };
  /** A misspelled query typed first after a cold start. */
  firstTypo: { times: number[]; query: string };
  /** Per query: until the expected first title is on screen, and until the list said it answers the query. */
  search: { kind: BenchQuery['kind']; query: string; time: number; answered: number; matched: boolean }[];
  popupHeap: { opened: number; searched: number };
  /** IndexedDB requests (what, how many, first sent, last answered) of one open and of two searches. */
  traces: {
    open: { firstRow: number; rows: string[][] };
    search: { query: string; time: number; rows: string[][] }[];
  };
  workerHeap: { afterImport: number | null; idle: number | null; afterCapture: number | null };
  /** Cards of 30 seen papers put on a page → their 30 badges on screen (5 sets). */
  badges: number[];
  /** The capture's write transaction in the worker, the merge transactions after it, and the times until counted. */
  capture: { inWorker: number | null; merges: number[]; running: number; stopped: number };
}

const median = (values: number[]) => summarize(values).p50;
const count = (n: number) => n.toLocaleString('en-US');

type Launch = () => Promise<ExtensionSession>;

/** The popup's measurements and the recommender's, on one library per size (its import is the long part). */
export interface SizeRun {
  size: number;
  popup: PopupRun | null;
  recommend: RecommendSpeedRun | null;
}

/** Which parts run: `popup` (opens, topics, search, captures, badges) and `recommend` (For you, Similar, marks). */
const PARTS = (process.env.BENCH_POPUP_PARTS ?? 'popup,recommend').split(',');
/** A Hugging Face list with no cards of its own, for the marks. */
const LIST_PATH = '/papers/trending';

async function measureSize(size: number, empty: ExtensionSession, launchExtension: Launch): Promise<SizeRun> {
  // Dated up to today, so the topic windows (7 and 30 days) hold papers.
  const today = Math.floor(Date.now() / DAY) * DAY;
  const generated = libraryAndCaptures(size, today, 2);
  const { captures } = generated;
  const papers = withSignals(generated.papers, today);
  const newest = papers[papers.length - 1];
  const queries = realisticQueries(papers);
  const expected = await expectedFirst(
    papers,
    queries.map((query) => query.query),
  );
  const file = await tempFile(
    `papershelf-bench-${size}.json`,
    JSON.stringify(toExportDocument(papers, new Date().toISOString())),
  );
  // Daily lists of the last days, each with 30 papers the library does not hold yet.
  const captureDays = captures.map((_, index) => new Date(today - (index + 1) * DAY).toISOString().slice(0, 10));
  const capturePaths = captureDays.map((day) => `/papers/date/${day}`);
  const session = await launchExtension();
  try {
    await session.context.addInitScript({ content: INSTRUMENT });
    await session.context.addInitScript({ content: TRACE });
    await serveHfSite(
      session.context,
      Object.fromEntries([
        ...captures.map((batch, index) => [capturePaths[index], dailyPage(batch, captureDays[index])]),
        [LIST_PATH, papersPageHtml({})],
      ]),
    );

    const rawPutTime = await rawBulkPut(session, papers, LIST_PATH);
    const importer = await openPopup(session, 'searchbox');
    const importStart = performance.now();
    await chooseImport(importer, file);
    await imported(importer).waitFor({ timeout: 900_000 });
    const importTime = performance.now() - importStart;
    const importedAt = Date.now();
    await importer.close();
    const heapAfterImport = await workerHeap(session);
    const setup = { size, session, empty, papers, queries, expected };
    return {
      size,
      popup: PARTS.includes('popup')
        ? await measurePopup({ ...setup, newest, capturePaths, importTime, rawPutTime, importedAt, heapAfterImport })
        : null,
      recommend: PARTS.includes('recommend')
        ? await measureRecommendSpeed({
            ...setup,
            ranked: (await restedAfter(session, importedAt)).ranked, // at once when the popup's part waited already
            listPath: LIST_PATH,
          })
        : null,
    };
  } finally {
    await session.close();
  }
}

interface PopupSetup {
  size: number;
  session: ExtensionSession;
  empty: ExtensionSession;
  papers: Paper[];
  newest: Paper;
  queries: BenchQuery[];
  expected: (string | null)[];
  capturePaths: string[];
  importTime: number;
  rawPutTime: number;
  /** When the import ended (epoch ms). */
  importedAt: number;
  heapAfterImport: number | null;
}

/** The popup's opens, topics, searches, heaps, captures and badges, on the library just imported. */
async function measurePopup(setup: PopupSetup): Promise<PopupRun> {
  const {
    size,
    session,
    empty,
    papers,
    newest,
    queries,
    expected,
    capturePaths,
    importTime,
    rawPutTime,
    importedAt,
    heapAfterImport,
  } = setup;
  // Each open of the library's popup is paired with one of the empty popup in its own browser, in the same worker
  // state, so both see the same load on the machine.
  const openBoth = async (state: 'stopped' | 'running', keepOpen = false) => {
    const opened = await pairedOpen(session, empty, state, 'firstRow', keepOpen);
    if (opened.marks.firstRow?.id !== newest.id) {
      throw new Error(`first row ${opened.marks.firstRow?.id}, expected the newest paper ${newest.id}`);
    }
    return { page: opened.page, empty: opened.empty, library: opened.marks.firstRow.at };
  };

  // (a) Right after the import (once: the state does not come back).
  const after = await timedOpen(session, 'firstRow');
  const afterImport = (after.marks.firstRow as { at: number }).at;
  const afterImportEmpty = (await timedOpen(empty, 'searchbox')).marks.searchbox as number;

  // (c) The worker running and idle: once the import's aftermath (its retrain, the search segments' merging) is over,
  // or these opens would wait on those writes and measure them instead.
  await restedAfter(session, importedAt);
  const running = { empty: [] as number[], library: [] as number[] };
  for (let open = 0; open < OPENS; open++) {
    const pair = await openBoth('running');
    running.empty.push(pair.empty);
    running.library.push(pair.library);
  }

  // (b) The everyday case: a stopped worker (the popup does not need it to read). Topics are timed on these opens.
  const stopped = { empty: [] as number[], library: [] as number[] };
  const topics: number[] = [];
  let topicsInstead = '';
  for (let open = 0; open < OPENS; open++) {
    const { page, ...pair } = await openBoth('stopped', true);
    stopped.empty.push(pair.empty);
    stopped.library.push(pair.library);
    try {
      await page.waitForFunction(() => window.__bench?.topics != null, undefined, { timeout: 30_000 });
      topics.push((await marksOf(page)).topics as number);
    } catch {
      // no topic list on screen within 30 s: say what the section showed instead
      topicsInstead = (
        (await page
          .locator('section.topics')
          .textContent()
          .catch(() => null)) ?? 'no topics section'
      ).trim();
    }
    await page.close();
  }

  // Topics when no ranking was kept from an earlier opening (the first opening of a day): ranked on opening.
  const forget = await openPopup(session, 'searchbox');
  await forget.evaluate(() => localStorage.removeItem('papershelf:lastTopics'));
  await forget.close();
  await stopWorker(session);
  const ranking = await openPopup(session, 'topics', 30_000).catch(() => null);
  const topicsRanked = ranking ? ((await marksOf(ranking)).topics as number) : null;
  await ranking?.close();

  // Where an open's time goes: one more open with the worker stopped, its IndexedDB requests logged.
  const flagger = await openPopup(session, 'firstRow');
  await flagger.evaluate(() => localStorage.setItem('benchTrace', '1'));
  await flagger.close();
  await stopWorker(session);
  const traced = await timedOpen(session, 'firstRow', true);
  const openTrace = {
    firstRow: (traced.marks.firstRow as { at: number }).at,
    rows: groupTrace(
      await traced.page.evaluate(() => window.__trace?.log ?? []),
      0,
      (traced.marks.firstRow as { at: number }).at,
    ),
  };
  await traced.page.evaluate(() => localStorage.removeItem('benchTrace'));
  await traced.page.close();

  // The first query after a cold start: worker stopped, popup opened fresh, typed as soon as the box is there.
  const coldQueries = async (kind: BenchQuery['kind'], n: number) => {
    const picked = queries.filter((query) => query.kind === kind).slice(0, n);
    const times: number[] = [];
    for (const query of picked) {
      await stopWorker(session);
      const page = await openPopup(session, 'searchbox');
      times.push((await typeAndWait(page, query.query, expected[queries.indexOf(query)])).time);
      await page.close();
    }
    return { times, query: picked.map((query) => query.query).join(', ') };
  };
  const firstQuery = await coldQueries('one word', 3);
  // A misspelling typed first: nothing read ahead may help it.
  const firstTypo = await coldQueries('misspelling', 5);

  // Realistic queries typed one after another into one popup.
  await stopWorker(session);
  const popup = await openPopup(session, 'firstRow');
  await popup.waitForTimeout(1_000);
  const openedHeap = await pageHeap(popup);
  const search: PopupRun['search'] = [];
  for (const [index, query] of queries.entries()) {
    const { time, answered, matched } = await typeAndWait(popup, query.query, expected[index]);
    search.push({ kind: query.kind, query: query.query, time, answered, matched });
  }
  const searchedHeap = await pageHeap(popup);
  // Where a search's time goes: a one-word query and a word being typed, their IndexedDB requests logged.
  const searchTraces: PopupRun['traces']['search'] = [];
  for (const kind of ['one word', 'typing'] as const) {
    const index = queries.findLastIndex((query) => query.kind === kind);
    await popup.fill('input[type="search"]', '');
    await popup.waitForTimeout(500);
    await popup.evaluate(() => Object.assign(window.__trace ?? {}, { on: true, log: [] }));
    const { time } = await typeAndWait(popup, queries[index].query, expected[index]);
    const log = await popup.evaluate(() => {
      const trace = window.__trace as { on: boolean; log: TraceEntry[] };
      trace.on = false;
      return trace.log;
    });
    const input = ((await marksOf(popup)).input as { at: number }).at;
    searchTraces.push({ query: queries[index].query, time, rows: groupTrace(log, input, input + time) });
  }
  await popup.getByRole('searchbox', { name: 'Search papers' }).fill('');

  // Said as soon as it is known: a later step failing does not lose it.
  console.error(
    `search at ${count(size)}: ${KINDS.map((kind) => {
      const { p50, p95 } = summarize(search.filter((s) => s.kind === kind).map((s) => s.time));
      return `${kind} ${ms(p50)} / ${ms(p95)}`;
    }).join(
      '; ',
    )}; first query cold ${firstQuery.times.map(ms).join(', ')}; first misspelling cold ${firstTypo.times.map(ms).join(', ')}`,
  );

  // Export is in the popup's menu.
  await openMenu(popup);
  const exportStart = performance.now();
  await Promise.all([
    popup.waitForEvent('download', { timeout: 600_000 }),
    popup.getByRole('button', { name: /^Export/ }).click(),
  ]);
  const exportTime = performance.now() - exportStart;
  await closeMenu(popup);

  // The worker at rest, woken by a message (searching does not wake it).
  await wakeWorker(popup);
  const idleHeap = await workerHeap(session);

  // A capture of 30 new papers with the worker running: timed in the worker, and until the popup counts them.
  const writes = await watchWrites(session);
  const tab = await session.context.newPage();
  const captureRunning = await captureTime(tab, popup, capturePaths[0], size + 30);
  // Then the background merges the capture's search segment into the blocks once writes pause (a few seconds).
  const settled = await writesSettled(writes.writes);
  const captureWrite = settled.find((write) => write.stores.includes('papers'));
  const merges = settled.filter((write) => write !== captureWrite && write.stores.includes('segments'));
  const afterCaptureHeap = await workerHeap(session);
  // And with the worker stopped, as after a while away: the page view wakes it.
  await stopWorker(session);
  const captureStopped = await captureTime(tab, popup, capturePaths[1], size + 60);
  const badges = await badgeTimes(tab, papers);
  await tab.close();
  await popup.close();

  return {
    size,
    importTime,
    rawPutTime,
    exportTime,
    afterImport: { library: afterImport, empty: afterImportEmpty },
    stopped: { library: median(stopped.library), empty: median(stopped.empty) },
    running: { library: median(running.library), empty: median(running.empty) },
    topics: topics.length ? median(topics) : null,
    topicsRanked,
    topicsInstead,
    firstQuery,
    firstTypo,
    search,
    popupHeap: { opened: openedHeap, searched: searchedHeap },
    traces: { open: openTrace, search: searchTraces },
    workerHeap: { afterImport: heapAfterImport, idle: idleHeap, afterCapture: afterCaptureHeap },
    capture: {
      inWorker: captureWrite ? (captureWrite.end as number) - captureWrite.start : null,
      merges: merges.map((write) => (write.end as number) - write.start),
      running: captureRunning,
      stopped: captureStopped,
    },
    badges,
  };
}

type Write = { start: number; end?: number; stores: string };

/** The worker's write transactions once none has started or been open for 4 s (at most 60 s). */
async function writesSettled(read: () => Promise<Write[]>): Promise<Write[]> {
  const deadline = Date.now() + 60_000;
  let seen = -1;
  let quietSince = Date.now();
  for (;;) {
    const writes = await read();
    const open = writes.some((write) => write.end === undefined);
    if (writes.length !== seen || open) {
      seen = writes.length;
      quietSince = Date.now();
    }
    // The merger waits for 3 s of quiet before it starts.
    if (Date.now() - quietSince > 4_000 || Date.now() > deadline) return writes;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Opens a daily-list page of 30 new papers in `tab`; the time from navigating until `popup` counts `total`. */
async function captureTime(tab: Page, popup: Page, path: string, total: number): Promise<number> {
  const want = `${count(total)} papers`;
  const start = performance.timeOrigin + performance.now();
  await tab.goto(HF_ORIGIN + path);
  await popup.waitForFunction((text) => window.__bench?.countText === text, want, { timeout: 120_000 });
  return (await marksOf(popup)).countAt - start;
}

export async function measurePopups(sizes: number[], launchExtension: Launch): Promise<SizeRun[]> {
  // The empty popup, in a browser of its own that stays open for the whole run.
  const empty = await launchExtension();
  try {
    await empty.context.addInitScript({ content: INSTRUMENT });
    // The first open makes the background create the library.
    await (await openPopup(empty, 'searchbox')).close();
    const runs: SizeRun[] = [];
    for (const size of sizes) runs.push(await measureSize(size, empty, launchExtension));
    return runs;
  } finally {
    await empty.close();
  }
}

const paired = ({ library, empty }: Paired) => `${ms(library)} (${ratio(library, empty)})`;
const heap = (bytes: number | null) => (bytes === null ? 'not running' : mb(bytes));

export function printPopup(runs: PopupRun[]) {
  if (runs.length === 0) return;
  const columns = ['', ...runs.map((run) => `${count(run.size)} papers`)];
  const row = (label: string, cell: (run: PopupRun) => string) => [label, ...runs.map(cell)];
  const p = (run: PopupRun, kind?: string) =>
    summarize(run.search.filter((s) => !kind || s.kind === kind).map((s) => s.time));
  console.log(
    'Times on screen are measured inside the page: from the navigation’s start, or from the search box’s input event ' +
      '(the popup searches on that event: there is no typing pause). Medians of ' +
      `${OPENS} opens; ratios against the empty popup (search box on screen), opened in a second browser right ` +
      'before each open of the library’s popup, in the same worker state.\n',
  );
  console.log(
    table(columns, [
      row(
        'empty popup: search box on screen (worker stopped / running)',
        (run) => `${ms(run.stopped.empty)} / ${ms(run.running.empty)}`,
      ),
      row('(a) newest title on screen, right after the import', (run) => paired(run.afterImport)),
      row('(b) newest title on screen, worker stopped', (run) => paired(run.stopped)),
      row('(c) newest title on screen, worker running and idle', (run) => paired(run.running)),
      row('topics ranked on opening, none kept from the last one (worker stopped)', (run) =>
        run.topicsRanked === null ? 'no list in 30 s' : ms(run.topicsRanked),
      ),
      row('topics on screen after opening: the last ranking, exact when unchanged (worker stopped)', (run) =>
        run.topics === null ? `no list in 30 s (“${run.topicsInstead.slice(0, 60)}”)` : ms(run.topics),
      ),
      row(
        'first query after a cold start (3 queries: median / max)',
        (run) => `${ms(median(run.firstQuery.times))} / ${ms(Math.max(...run.firstQuery.times))}`,
      ),
      row(
        'first misspelled query after a cold start (5 queries: median / max)',
        (run) => `${ms(median(run.firstTypo.times))} / ${ms(Math.max(...run.firstTypo.times))}`,
      ),
      row(
        `search, typed to the expected first title (${runs[0].search.length} queries): p50 / p95`,
        (run) => `${ms(p(run).p50)} / ${ms(p(run).p95)}`,
      ),
      row('  … of which until the list says it shows the results (data-results-for): p50 / p95', (run) => {
        const answered = summarize(run.search.map((s) => s.answered));
        return `${ms(answered.p50)} / ${ms(answered.p95)}`;
      }),
      row('  … queries whose first result differed from the expected one', (run) =>
        String(run.search.filter((s) => !s.matched).length),
      ),
      row(
        'popup JS heap after GC: opened / after the searches (≤ 30 MB)',
        (run) => `${mb(run.popupHeap.opened)} / ${mb(run.popupHeap.searched)}`,
      ),
      row('worker JS heap after GC: after the import / idle / after a capture', (run) =>
        [run.workerHeap.afterImport, run.workerHeap.idle, run.workerHeap.afterCapture].map(heap).join(' / '),
      ),
      row('30-paper capture: write transaction in the worker', (run) =>
        run.capture.inWorker === null ? 'not seen' : ms(run.capture.inWorker),
      ),
      row('  … then its merge into the blocks: transactions, total, longest', (run) =>
        run.capture.merges.length
          ? `${run.capture.merges.length}, ${ms(run.capture.merges.reduce((sum, time) => sum + time, 0))}, ${ms(Math.max(...run.capture.merges))}`
          : 'none seen',
      ),
      row(
        '30-paper capture: page opened → popup counts them (worker running / stopped)',
        (run) => `${ms(run.capture.running)} / ${ms(run.capture.stopped)}`,
      ),
      row('“already seen” badges: 30 cards on screen → 30 badges (5 sets: median / max), goal ≤ 50 ms', (run) =>
        run.badges.length ? `${ms(median(run.badges))} / ${ms(Math.max(...run.badges))}` : 'not measured',
      ),
      row(
        'import of the library file (popup → “Imported”), and its ratio to a raw bulk put of the same records',
        (run) => `${ms(run.importTime)} (${ratio(run.importTime, run.rawPutTime)} of ${ms(run.rawPutTime)})`,
      ),
      row('export (JSON, whole library: click → download)', (run) => ms(run.exportTime)),
    ]),
  );
  console.log('\nSearch in the popup by kind of query, p50 / p95:\n');
  console.log(
    table(
      columns,
      KINDS.map((kind) => row(kind, (run) => `${ms(p(run, kind).p50)} / ${ms(p(run, kind).p95)}`)),
    ),
  );
  const header = ['IndexedDB request', 'n', 'first sent', 'last answered'];
  for (const run of runs) {
    console.log(
      `\nWhere the time goes at ${count(run.size)} papers — one more open with the worker stopped, first title at ` +
        `${ms(run.traces.open.firstRow)}; ms from the navigation’s start:\n`,
    );
    console.log(table(header, run.traces.open.rows));
    for (const search of run.traces.search) {
      console.log(`\nSearch “${search.query}”, first title at ${ms(search.time)}; ms from its input event:\n`);
      console.log(table(header, search.rows));
    }
  }
  console.log('');
}
