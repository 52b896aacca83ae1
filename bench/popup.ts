// The popup measured where it runs: the built extension in headless Chromium, with a large library imported through
// the popup's own Import. Times on screen are taken inside the page (a MutationObserver installed before the page's
// scripts), from the navigation's start or from the search box's input event, so the driver's round trips are not
// counted.
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { toExportDocument } from '@/lib/io/export-json';
import type { Paper } from '@/lib/paper';
import { badgeLatency } from '../tests/e2e/badge-latency';
import type { ExtensionSession } from '../tests/e2e/harness';
import { serveHfSite } from '../tests/e2e/hf-site';
import { chooseImport, imported, tempFile } from '../tests/e2e/popup';
import { cardsHtml, islandHtml, papersPageHtml } from '../tests/helpers/island';
import { expectedFirst } from './expected';
import { mb, ms, ratio, summarize, table } from './measure';
import { type BenchQuery, KINDS, realisticQueries } from './queries';
import { libraryAndCaptures } from './synthetic-library';

/** Opens of the popup per state: the median is reported. */
const OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 7);
const DAY = 86_400_000;

interface Marks {
  /** When the search box, the first row with its title, and the topic list were first in the document. */
  searchbox: number | null;
  firstRow: { at: number; id: string } | null;
  topics: number | null;
  /** The last input in the search box. */
  input: { value: string; at: number } | null;
  /** `${results-for}\n${first row's id}` → when first seen since the last input ('' for "no results"). */
  rows: Record<string, number>;
  /** Query → when the list first said it shows that query's results (data-results-for), since the last input. */
  answered: Record<string, number>;
  /** The paper count's text, and when (epoch ms) it last changed. */
  countText: string;
  countAt: number;
}

declare global {
  interface Window {
    __bench?: Marks;
  }
}

/**
 * Installed in every extension page before its own scripts. Plain JavaScript in a string: tsx would wrap a
 * function's inner functions in a helper that does not exist in the page.
 */
const INSTRUMENT = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const marks = { searchbox: null, firstRow: null, topics: null, input: null, rows: {}, answered: {}, countText: '', countAt: 0 };
  window.__bench = marks;
  document.addEventListener('input', (event) => {
    const box = event.target;
    if (!box || box.type !== 'search') return;
    marks.input = { value: box.value.trim(), at: performance.now() };
    marks.rows = {};
    marks.answered = {};
  }, true);
  const check = () => {
    const now = performance.now();
    if (marks.searchbox === null && document.querySelector('input[type="search"]')) marks.searchbox = now;
    if (marks.topics === null && document.querySelector('ul[aria-label="Trending topics"]')) marks.topics = now;
    const main = document.querySelector('main');
    const query = (main && main.getAttribute('data-results-for')) || '';
    if (query && !(query in marks.answered)) marks.answered[query] = now;
    const first = document.querySelector('ul[aria-label="Papers"] > li');
    const id = first && first.getAttribute('data-paper-id');
    const title = first && first.querySelector('.title');
    if (id && title && title.textContent) {
      if (marks.firstRow === null) marks.firstRow = { at: now, id };
      const key = query + '\\n' + id;
      if (!(key in marks.rows)) marks.rows[key] = now;
    } else if (document.querySelector('.no-results')) {
      const key = query + '\\n';
      if (!(key in marks.rows)) marks.rows[key] = now;
    }
    const counter = document.querySelector('output[aria-label="Paper count"]');
    const count = (counter && counter.textContent) || '';
    if (count !== marks.countText) {
      marks.countText = count;
      marks.countAt = performance.timeOrigin + now;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

/**
 * IndexedDB requests of an extension page, logged only while tracing is on: from the start when the page loads with
 * localStorage.benchTrace set, or from a later moment on request. Each request: what, when sent, when answered.
 */
const TRACE = `(() => {
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
function groupTrace(log: TraceEntry[], zero: number, until: number): string[][] {
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

const marksOf = (page: Page) => page.evaluate(() => window.__bench as Marks);

// --- the service worker ------------------------------------------------------------------------------------------

/** A DevTools session on the extension's running service worker (playwright has none for workers), or null. */
async function workerSession(session: ExtensionSession) {
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser');
  const cdp = await browser.newBrowserCDPSession();
  const origin = `chrome-extension://${session.extensionId}`;
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(origin));
  if (!target) {
    await cdp.detach();
    return null;
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 0;
  const pending = new Map<number, (reply: { result?: unknown; error?: unknown }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message);
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  return {
    send<T>(method: string, params: object = {}): Promise<T> {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, (reply) =>
          reply.error ? reject(new Error(JSON.stringify(reply.error))) : resolve(reply.result as T),
        );
        cdp
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch(reject);
      });
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await cdp.detach();
    },
  };
}

async function heapOf(cdp: { send<T>(method: string, params?: object): Promise<T> } | CDPSession): Promise<number> {
  const send = cdp.send.bind(cdp) as <T>(method: string, params?: object) => Promise<T>;
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
}

/** The service worker's JS heap after GC, or null when it is not running. */
async function workerHeap(session: ExtensionSession): Promise<number | null> {
  const worker = await workerSession(session);
  if (!worker) return null;
  try {
    return await heapOf(worker);
  } finally {
    await worker.close();
  }
}

async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await heapOf(cdp);
  } finally {
    await cdp.detach();
  }
}

/** Stops the worker if it runs (as Chrome does to an idle extension). */
async function stopWorker(session: ExtensionSession) {
  try {
    await session.stopServiceWorker();
  } catch (error) {
    if (!/found 0/.test(String(error))) throw error;
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Wakes the worker with a harmless message from an extension page, and lets it settle. */
async function wakeWorker(page: Page) {
  await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({
      type: 'prepareLibrary',
      data: {},
    }),
  );
  await page.waitForTimeout(500);
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

// --- the popup -----------------------------------------------------------------------------------------------------

async function openPopup(session: ExtensionSession, until: 'searchbox' | 'firstRow' | 'topics', timeout = 120_000) {
  const page = await session.context.newPage();
  await page.goto(session.popupUrl, { waitUntil: 'commit' });
  await page.waitForFunction((mark) => window.__bench?.[mark] != null, until, { timeout });
  return page;
}

/** Opens the popup, waits for `until`, and returns the page's marks (times from the navigation's start). */
async function timedOpen(session: ExtensionSession, until: 'searchbox' | 'firstRow', keepOpen = false) {
  const page = await openPopup(session, until);
  const marks = await marksOf(page);
  if (!keepOpen) await page.close();
  return { page, marks };
}

/** Types `query` and returns the time from its input event until `first` (or "no results") is the first row. */
async function typeAndWait(page: Page, query: string, first: string | null) {
  const key = `${query}\n${first ?? ''}`;
  await page.getByRole('searchbox', { name: 'Search papers' }).fill(query);
  let matched = true;
  try {
    await page.waitForFunction((wanted) => wanted in (window.__bench?.rows ?? {}), key, { timeout: 30_000 });
  } catch {
    matched = false; // the popup ranked differently from the in-memory copy: time the first row it did show
    await page.waitForFunction(
      (prefix) => Object.keys(window.__bench?.rows ?? {}).some((seen) => seen.startsWith(prefix)),
      `${query}\n`,
      { timeout: 60_000 },
    );
  }
  const marks = await marksOf(page);
  if (marks.input?.value !== query) throw new Error(`input was “${marks.input?.value}”, not “${query}”`);
  const shown = Object.entries(marks.rows).find(([seen]) => (matched ? seen === key : seen.startsWith(`${query}\n`)));
  return {
    time: (shown?.[1] ?? Number.NaN) - marks.input.at,
    answered: (marks.answered[query] ?? Number.NaN) - marks.input.at,
    matched,
  };
}

/** A daily-list page putting `papers` on screen, as Hugging Face serves it (island and cards). */
function dailyPage(papers: Paper[], day: string): string {
  const items = islandItems(papers);
  return papersPageHtml({ island: islandHtml(items, { date: day }), cards: cardsHtml(items) });
}

function islandItems(papers: Paper[]) {
  return papers.map((paper) => ({
    paper: {
      id: paper.id,
      title: paper.title,
      summary: paper.abstract ?? undefined,
      authors: paper.authors.map((name) => ({ name })),
      upvotes: paper.upvotes ?? 0,
      publishedAt: paper.publishedAt,
      submittedOnDailyAt: paper.submittedOnDailyAt,
      ai_keywords: paper.keywords,
    },
    numComments: paper.comments ?? 0,
  }));
}

/**
 * "Already seen" badges: cards of 30 papers the library holds are put on a list page at once (as HF swaps cards
 * in); the time until all 30 badges are on screen, measured in the page. One warm-up, then 5 sets of other papers
 * (a page asks about each paper once per view).
 */
async function badgeTimes(tab: Page, papers: Paper[]): Promise<number[]> {
  const sets = Array.from({ length: 6 }, (_, index) => papers.slice(index * 30, index * 30 + 30));
  const times: number[] = [];
  for (const set of sets) times.push(await badgeLatency(tab, cardsHtml(islandItems(set)), set.length, 20_000));
  return times.slice(1);
}

interface Paired {
  library: number;
  empty: number;
}

export interface PopupRun {
  size: number;
  importTime: number;
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

async function measureSize(size: number, empty: ExtensionSession, launchExtension: Launch): Promise<PopupRun> {
  // Dated up to today, so the topic windows (7 and 30 days) hold papers.
  const today = Math.floor(Date.now() / DAY) * DAY;
  const { papers, captures } = libraryAndCaptures(size, today, 2);
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
      Object.fromEntries(captures.map((batch, index) => [capturePaths[index], dailyPage(batch, captureDays[index])])),
    );

    const importer = await openPopup(session, 'searchbox');
    const importStart = performance.now();
    await chooseImport(importer, file);
    await imported(importer).waitFor({ timeout: 900_000 });
    const importTime = performance.now() - importStart;
    await importer.close();
    const heapAfterImport = await workerHeap(session);

    // Each open of the library's popup is paired with one of the empty popup in its own browser, in the same worker
    // state, so both see the same load on the machine.
    const openBoth = async (state: 'stopped' | 'running', keepOpen = false) => {
      const emptyWaker = state === 'running' ? await openPopup(empty, 'searchbox') : undefined;
      if (emptyWaker) await wakeWorker(emptyWaker);
      else await stopWorker(empty);
      const emptyMarks = (await timedOpen(empty, 'searchbox')).marks;
      await emptyWaker?.close();
      const waker = state === 'running' ? await openPopup(session, 'firstRow') : undefined;
      if (waker) await wakeWorker(waker);
      else await stopWorker(session);
      const opened = await timedOpen(session, 'firstRow', keepOpen);
      await waker?.close();
      if (opened.marks.firstRow?.id !== newest.id) {
        throw new Error(`first row ${opened.marks.firstRow?.id}, expected the newest paper ${newest.id}`);
      }
      return { page: opened.page, empty: emptyMarks.searchbox as number, library: opened.marks.firstRow.at };
    };

    // (a) Right after the import (once: the state does not come back).
    const after = await timedOpen(session, 'firstRow');
    const afterImport = (after.marks.firstRow as { at: number }).at;
    const afterImportEmpty = (await timedOpen(empty, 'searchbox')).marks.searchbox as number;

    // (c) The worker running and idle.
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
    const firsts = queries.filter((query) => query.kind === 'one word').slice(0, 3);
    const firstTimes: number[] = [];
    for (const query of firsts) {
      await stopWorker(session);
      const page = await openPopup(session, 'searchbox');
      firstTimes.push((await typeAndWait(page, query.query, expected[queries.indexOf(query)])).time);
      await page.close();
    }

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

    const exportStart = performance.now();
    await Promise.all([
      popup.waitForEvent('download', { timeout: 600_000 }),
      popup.getByRole('button', { name: /^Export/ }).click(),
    ]);
    const exportTime = performance.now() - exportStart;

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
      exportTime,
      afterImport: { library: afterImport, empty: afterImportEmpty },
      stopped: { library: median(stopped.library), empty: median(stopped.empty) },
      running: { library: median(running.library), empty: median(running.empty) },
      topics: topics.length ? median(topics) : null,
      topicsRanked,
      topicsInstead,
      firstQuery: { times: firstTimes, query: firsts.map((query) => query.query).join(', ') },
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
  } finally {
    await session.close();
  }
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

export async function measurePopups(sizes: number[], launchExtension: Launch): Promise<PopupRun[]> {
  // The empty popup, in a browser of its own that stays open for the whole run.
  const empty = await launchExtension();
  try {
    await empty.context.addInitScript({ content: INSTRUMENT });
    // The first open makes the background create the library.
    await (await openPopup(empty, 'searchbox')).close();
    const runs: PopupRun[] = [];
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
        'popup JS heap after GC: opened / after the searches',
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
      row('import of the library file (popup → “Imported”)', (run) => ms(run.importTime)),
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
