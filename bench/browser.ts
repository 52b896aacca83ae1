// Driving the built extension in headless Chromium: the popup's own marks of when things were on screen, its
// service worker through DevTools, heaps after GC, and HF list pages put in front of the content script.
import type { CDPSession, Page } from 'playwright-core';
import { DB_NAME } from '@/lib/library/schema';
import type { Paper } from '@/lib/paper';
import { FOR_YOU_KEY } from '@/lib/recommend/record';
import { badgeLatency } from '../tests/e2e/badge-latency';
import type { ExtensionSession } from '../tests/e2e/harness';
import { cardsHtml, islandHtml, papersPageHtml } from '../tests/helpers/island';

export interface Marks {
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
  /** Opened as popup.html#for-you: when the For you button was clicked, and its first suggestion was on screen. */
  forYouClicked: number | null;
  forYou: number | null;
  /** The last click, and when a similar paper was first on screen after it. */
  click: number | null;
  similar: number | null;
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
export const INSTRUMENT = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const marks = { searchbox: null, firstRow: null, topics: null, input: null, rows: {}, answered: {}, countText: '', countAt: 0, forYouClicked: null, forYou: null, click: null, similar: null };
  window.__bench = marks;
  document.addEventListener('input', (event) => {
    const box = event.target;
    if (!box || box.type !== 'search') return;
    marks.input = { value: box.value.trim(), at: performance.now() };
    marks.rows = {};
    marks.answered = {};
  }, true);
  document.addEventListener('click', () => {
    marks.click = performance.now();
    marks.similar = null;
  }, true);
  const check = () => {
    const now = performance.now();
    if (marks.searchbox === null && document.querySelector('input[type="search"]')) marks.searchbox = now;
    if (marks.topics === null && document.querySelector('ul[aria-label="Trending topics"]')) marks.topics = now;
    if (marks.forYouClicked === null && location.hash === '#for-you') {
      const shelf = [...document.querySelectorAll('nav[aria-label="Shelves"] button')].find((button) => button.textContent === 'For you');
      if (shelf) {
        marks.forYouClicked = now;
        shelf.click();
      }
    }
    if (marks.forYou === null && document.querySelector('ul[aria-label="For you"] li')) marks.forYou = now;
    if (marks.similar === null && document.querySelector('ul[aria-label="Similar papers"] li')) marks.similar = now;
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

export const marksOf = (page: Page) => page.evaluate(() => window.__bench as Marks);

// --- the service worker ------------------------------------------------------------------------------------------

/** A DevTools session on the extension's running service worker (playwright has none for workers), or null. */
export async function workerSession(session: ExtensionSession) {
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

export async function heapOf(
  cdp: { send<T>(method: string, params?: object): Promise<T> } | CDPSession,
): Promise<number> {
  const send = cdp.send.bind(cdp) as <T>(method: string, params?: object) => Promise<T>;
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
}

/** The service worker's JS heap after GC, or null when it is not running. */
export async function workerHeap(session: ExtensionSession): Promise<number | null> {
  const worker = await workerSession(session);
  if (!worker) return null;
  try {
    return await heapOf(worker);
  } finally {
    await worker.close();
  }
}

export async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await heapOf(cdp);
  } finally {
    await cdp.detach();
  }
}

/** Stops the worker if it runs (as Chrome does to an idle extension). */
export async function stopWorker(session: ExtensionSession) {
  try {
    await session.stopServiceWorker();
  } catch (error) {
    if (!/found 0/.test(String(error))) throw error;
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Wakes the worker with a harmless message from an extension page, and lets it settle. */
export async function wakeWorker(page: Page) {
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

// --- the popup -----------------------------------------------------------------------------------------------------

type Until = 'searchbox' | 'firstRow' | 'topics' | 'forYou';

export async function openPopup(session: ExtensionSession, until: Until, timeout = 120_000) {
  const page = await session.context.newPage();
  // With #for-you the instrument clicks the For you shelf as soon as it is there, as a quick hand would.
  await page.goto(until === 'forYou' ? `${session.popupUrl}#for-you` : session.popupUrl, { waitUntil: 'commit' });
  await page.waitForFunction((mark) => window.__bench?.[mark] != null, until, { timeout });
  return page;
}

/** Opens the popup, waits for `until`, and returns the page's marks (times from the navigation's start). */
export async function timedOpen(session: ExtensionSession, until: Until, keepOpen = false) {
  const page = await openPopup(session, until);
  const marks = await marksOf(page);
  if (!keepOpen) await page.close();
  return { page, marks };
}

/**
 * An open of the empty popup (until its search box) and then of the library's (until `until`), both in `state`, so
 * both see the same load on the machine: the empty one, in its own browser, is what ratios are taken against.
 */
export async function pairedOpen(
  session: ExtensionSession,
  empty: ExtensionSession,
  state: 'stopped' | 'running',
  until: Until,
  keepOpen = false,
) {
  const emptyWaker = state === 'running' ? await openPopup(empty, 'searchbox') : undefined;
  if (emptyWaker) await wakeWorker(emptyWaker);
  else await stopWorker(empty);
  const emptyMarks = (await timedOpen(empty, 'searchbox')).marks;
  await emptyWaker?.close();
  const waker = state === 'running' ? await openPopup(session, 'firstRow') : undefined;
  if (waker) await wakeWorker(waker);
  else await stopWorker(session);
  const opened = await timedOpen(session, until, keepOpen);
  await waker?.close();
  return { page: opened.page, marks: opened.marks, empty: emptyMarks.searchbox as number };
}

/** Types `query` and returns the time from its input event until `first` (or "no results") is the first row. */
export async function typeAndWait(page: Page, query: string, first: string | null) {
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
export function dailyPage(papers: Paper[], day: string): string {
  const items = islandItems(papers);
  return papersPageHtml({ island: islandHtml(items, { date: day }), cards: cardsHtml(items) });
}

export function islandItems(papers: Paper[]) {
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
 * (a page asks about each paper once per view). With `forYou`, until the top tenth of the cards carry the "for you"
 * mark (the suggestion model must be published, and the papers undecided).
 */
export async function badgeTimes(tab: Page, papers: Paper[], forYou = false): Promise<number[]> {
  const sets = Array.from({ length: 6 }, (_, index) => papers.slice(index * 30, index * 30 + 30));
  const times: number[] = [];
  for (const set of sets) {
    const html = cardsHtml(islandItems(set));
    times.push(
      await (forYou
        ? badgeLatency(tab, html, Math.ceil(set.length / 10), 20_000, '.for-you')
        : badgeLatency(tab, html, set.length, 20_000)),
    );
  }
  return times.slice(1);
}

/**
 * The For you ranking the background last stored (null before any), and the search segments it has not
 * merged yet, read from an extension page.
 */
function storedRanking(page: Page) {
  return page.evaluate(
    ({ name, key }) =>
      new Promise<{ ranking: { at: string; model: boolean; ranked: number } | null; segments: number }>(
        (resolve, reject) => {
          const open = indexedDB.open(name);
          open.addEventListener('error', () => reject(open.error));
          open.addEventListener('success', () => {
            const tx = open.result.transaction(['meta', 'segments']);
            const request = tx.objectStore('meta').get(key);
            const segments = tx.objectStore('segments').count();
            tx.addEventListener('error', () => reject(tx.error));
            tx.addEventListener('complete', () => {
              open.result.close();
              const record = request.result;
              resolve({
                ranking: record && { at: record.at, model: Boolean(record.learned), ranked: record.ranked.length },
                segments: segments.result,
              });
            });
          });
        },
      ),
    { name: DB_NAME, key: FOR_YOU_KEY },
  );
}

/**
 * Waits for a ranking with a model stored at or after `since` (epoch ms), the retrain after the import's writes,
 * and for the background's merging of search segments to end: what follows is measured on a worker at rest.
 */
export async function restedAfter(session: ExtensionSession, since: number) {
  const page = await openPopup(session, 'searchbox');
  try {
    for (const deadline = Date.now() + 900_000; Date.now() < deadline; await page.waitForTimeout(500)) {
      const { ranking, segments } = await storedRanking(page);
      if (ranking?.model && Date.parse(ranking.at) >= since && segments === 0) return ranking;
    }
    throw new Error('no ranking stored, or segments left unmerged, 15 minutes after the import');
  } finally {
    await page.close();
  }
}
