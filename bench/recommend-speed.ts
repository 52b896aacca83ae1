// The speed half of the recommender benchmark, in the built extension in headless Chromium: For you and Similar
// papers on screen, the "for you" marks on a Hugging Face list, a retrain after a star (and searches typed while it
// runs), and the heaps after them. Run by bench/popup.ts on the library it imported, which carries these signals.
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { RETRAIN_MEASURE } from '@/lib/background/suggestions';
import type { Paper } from '@/lib/paper';
import type { ExtensionSession } from '../tests/e2e/harness';
import { badgeTimes, marksOf, openPopup, pageHeap, pairedOpen, stopWorker, typeAndWait, workerHeap } from './browser';
import { mb, ms, ratio, summarize, table } from './measure';
import { THEMES } from './planted-interests';
import type { BenchQuery } from './queries';

const OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 7);
const DAY = 86_400_000;
/** Papers whose detail is opened, per worker state; and stars given, each followed by a retrain. */
const DETAILS = 6;
const STARS = 4;
const QUIET_MS = 1_000; // the trainer's wait for writes to pause

const wanted = THEMES['diffusion & generative models'];
const unwanted = THEMES['agents & tool use'];

/**
 * The bench user's signals, in place of the synthetic library's random stars: three dozen papers on diffusion seen
 * before the last week starred, queued or read, and six on agents marked not interested, each a few hours after it
 * was seen (as the product records a user's edit).
 */
export function withSignals(papers: readonly Paper[], now: number): Paper[] {
  const before = new Date(now - 7 * DAY).toISOString();
  const pick = (theme: RegExp, other: RegExp, count: number) =>
    papers
      .filter((paper) => paper.lastSeenAt < before && theme.test(paper.title) && !other.test(paper.title))
      .slice(-count)
      .map((paper) => paper.id);
  const liked = pick(wanted, unwanted, 36);
  const disliked = new Set(pick(unwanted, wanted, 6));
  const states = [null, 'to-read', 'read'] as const;
  const state = new Map(liked.map((id, at) => [id, states[at % 3]]));
  return papers.map((paper) => {
    const annotatedAt = new Date(Date.parse(paper.lastSeenAt) + 3 * 3_600_000).toISOString();
    if (disliked.has(paper.id)) return { ...paper, starred: false, readingState: 'not-interested', annotatedAt };
    if (!state.has(paper.id)) return { ...paper, starred: false };
    const readingState = state.get(paper.id) ?? null;
    const queuedAt = readingState === 'to-read' ? annotatedAt : null;
    return { ...paper, starred: readingState !== 'read', readingState, queuedAt, annotatedAt };
  });
}

/** The worker's last retrain, in epoch ms (its measure, see lib/background/suggestions.ts); null if none. */
async function lastRetrain(session: ExtensionSession) {
  const worker = session.context.serviceWorkers().find((candidate) => candidate.url().includes(session.extensionId));
  if (!worker) return null;
  return worker
    .evaluate((name) => {
      const [measure] = performance.getEntriesByName(name) as PerformanceMeasure[];
      if (!measure) return null;
      const start = performance.timeOrigin + measure.startTime;
      const { papers, read, learned } = measure.detail as { papers: number; read: number; learned: number };
      return { start, end: start + measure.duration, papers, read, learned };
    }, RETRAIN_MEASURE)
    .catch(() => null); // the worker stopped meanwhile
}

/** Clicks the title of the list's `index`th row: the time from the click until its first similar paper is on screen. */
async function similarTime(page: Page, index: number): Promise<number> {
  await page.locator('ul[aria-label="Papers"] > li a.title').nth(index).click();
  await page.waitForFunction(() => window.__bench?.similar != null, undefined, { timeout: 30_000 });
  const marks = await marksOf(page);
  await page.getByRole('button', { name: '← Back to list' }).click();
  await page.locator('ul[aria-label="Similar papers"]').waitFor({ state: 'detached' });
  return (marks.similar as number) - (marks.click as number);
}

interface Paired {
  library: number;
  empty: number;
}

export interface RecommendSpeedRun {
  size: number;
  /** Papers the ranking was made from (the newest and every one acted on) and ranked. */
  corpus: number;
  ranked: number;
  /** For you on screen after opening (popup.html#for-you clicks its shelf at once) against the empty popup. */
  forYou: { stopped: Paired; running: Paired };
  /** Click on a row's title → its first similar paper on screen, per detail opened. */
  similar: { stopped: number[]; running: number[] };
  /** 30 cards on screen → the top tenth marked "for you" (5 sets). */
  marks: number[];
  /**
   * Per star: the retrain's own time in the worker, of which reading the papers and learning and ranking; and from
   * the star until the new ranking was stored.
   */
  retrain: { own: number[]; read: number[]; learned: number[]; stored: number[] };
  /** Searches typed after a star: those whose input came while a retrain ran, and the others. */
  search: { during: number[]; outside: number[] };
  heap: { popup: number; worker: number | null };
}

export interface RecommendSetup {
  size: number;
  session: ExtensionSession;
  empty: ExtensionSession;
  /** The library as imported (withSignals), and an HF list page with no cards. */
  papers: readonly Paper[];
  /** Suggestions in the ranking stored once the worker rested after the import (measured on a worker at rest). */
  ranked: number;
  listPath: string;
  queries: BenchQuery[];
  expected: (string | null)[];
}

const median = (values: number[]) => summarize(values).p50;

export async function measureRecommendSpeed(setup: RecommendSetup): Promise<RecommendSpeedRun> {
  const { size, session, empty, papers, queries, expected } = setup;

  // For you on opening, then Similar in the last popup of each worker state.
  const forYou = { stopped: [] as Paired[], running: [] as Paired[] };
  const similar = { stopped: [] as number[], running: [] as number[] };
  let popupHeap = 0;
  for (const state of ['stopped', 'running'] as const) {
    for (let open = 0; open < OPENS; open++) {
      const last = open === OPENS - 1;
      const { page, marks, empty: emptyAt } = await pairedOpen(session, empty, state, 'forYou', last);
      forYou[state].push({ library: marks.forYou as number, empty: emptyAt });
      if (!last) continue;
      await page.getByRole('button', { name: 'All papers' }).click();
      for (let row = 0; row < DETAILS; row++) similar[state].push(await similarTime(page, row));
      if (state === 'stopped') popupHeap = await pageHeap(page);
      await page.close();
    }
  }

  // "For you" marks: the model is published, so an HF list scores its cards; these papers have no signal.
  const tab = await session.context.newPage();
  await tab.goto(HF_ORIGIN + setup.listPath);
  const undecided = papers.filter((paper) => !paper.starred && !paper.readingState).slice(-180);
  const marks = await badgeTimes(tab, undecided, true);
  await tab.close();

  // A star, then searches typed one after another until its retrain has run: the retrain's time, and the searches'.
  const popup = await openPopup(session, 'firstRow');
  const retrain = { own: [] as number[], read: [] as number[], learned: [] as number[], stored: [] as number[] };
  const search = { during: [] as number[], outside: [] as number[] };
  const toStar = papers.filter((paper) => !paper.starred && wanted.test(paper.title)).slice(-STARS);
  let typed = 0;
  let corpus = 0;
  for (const paper of toStar) {
    const before = (await lastRetrain(session))?.start ?? 0;
    const starredAt = Date.now();
    await popup.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'setStarred', data: { id, starred: true } }),
      paper.id,
    );
    const inputs: { at: number; time: number }[] = [];
    let done: Awaited<ReturnType<typeof lastRetrain>> = null;
    for (const deadline = Date.now() + 60_000; !done && Date.now() < deadline; ) {
      const index = typed++ % queries.length;
      const { time } = await typeAndWait(popup, queries[index].query, expected[index]);
      const input = (await marksOf(popup)).input as { at: number };
      inputs.push({ at: (await popup.evaluate(() => performance.timeOrigin)) + input.at, time });
      const last = await lastRetrain(session);
      if (last && last.start > before && last.end < Date.now()) done = last;
    }
    if (!done) throw new Error(`no retrain within a minute of starring ${paper.id}`);
    corpus = done.papers;
    retrain.own.push(done.end - done.start);
    retrain.read.push(done.read);
    retrain.learned.push(done.learned);
    retrain.stored.push(done.end - starredAt);
    for (const { at, time } of inputs) (at >= done.start && at <= done.end ? search.during : search.outside).push(time);
  }
  const workerAfter = await workerHeap(session);
  await popup.close();
  await stopWorker(session);

  const paired = (opens: Paired[]) => ({
    library: median(opens.map((open) => open.library)),
    empty: median(opens.map((open) => open.empty)),
  });
  return {
    size,
    corpus,
    ranked: setup.ranked,
    forYou: { stopped: paired(forYou.stopped), running: paired(forYou.running) },
    similar,
    marks,
    retrain,
    search,
    heap: { popup: popupHeap, worker: workerAfter },
  };
}

const count = (n: number) => n.toLocaleString('en-US');
const medianMax = (times: number[]) => (times.length ? `${ms(median(times))} / ${ms(Math.max(...times))}` : 'none');

export function printRecommendSpeed(runs: RecommendSpeedRun[]) {
  if (runs.length === 0) return;
  console.log(
    `### For you, Similar papers and marks in the built extension\n\nThe library carries a user's signals (three dozen ` +
      `diffusion papers starred, queued or read; six on agents not interested) and the background's ranking of it. ` +
      `Medians of ${OPENS} opens per worker state, each paired with an empty popup (search box on screen); ` +
      `${DETAILS} details opened per state; ${STARS} stars, each followed by its retrain.\n`,
  );
  const paired = ({ library, empty }: Paired) => `${ms(library)} (${ratio(library, empty)})`;
  const row = (label: string, cell: (run: RecommendSpeedRun) => string) => [label, ...runs.map(cell)];
  const searchDuring = (run: RecommendSpeedRun) => summarize(run.search.during);
  console.log(
    table(
      ['', ...runs.map((run) => `${count(run.size)} papers`)],
      [
        row('For you on screen after opening, worker stopped: ≤ 300 ms', (run) => paired(run.forYou.stopped)),
        row('For you on screen after opening, worker running: ≤ 300 ms', (run) => paired(run.forYou.running)),
        row('Similar on screen after a title’s click, worker stopped (median / max): ≤ 100 ms', (run) =>
          medianMax(run.similar.stopped),
        ),
        row('Similar on screen after a title’s click, worker running (median / max): ≤ 100 ms', (run) =>
          medianMax(run.similar.running),
        ),
        row('“for you” marks: 30 cards on screen → top tenth marked (5 sets: median / max): ≤ 50 ms', (run) =>
          medianMax(run.marks),
        ),
        row('retrain after a star, in the worker (median / max): ≤ 1 s', (run) => medianMax(run.retrain.own)),
        row('  … of which reading the papers / learning and ranking (medians)', (run) =>
          [run.retrain.read, run.retrain.learned].map((times) => ms(median(times))).join(' / '),
        ),
        row(`  … star → new ranking stored (the trainer waits ${ms(QUIET_MS)} for writes to pause)`, (run) =>
          medianMax(run.retrain.stored),
        ),
        row('  … papers it learns from / suggestions stored', (run) => `${count(run.corpus)} / ${count(run.ranked)}`),
        row('search typed while a retrain runs: n, p50 / max (p95 ≤ 50 ms)', (run) =>
          run.search.during.length
            ? `${run.search.during.length}, ${ms(searchDuring(run).p50)} / ${ms(Math.max(...run.search.during))}`
            : 'none overlapped',
        ),
        row('  … the same popup’s searches outside a retrain: n, p50 / p95', (run) => {
          const outside = summarize(run.search.outside);
          return `${run.search.outside.length}, ${ms(outside.p50)} / ${ms(outside.p95)}`;
        }),
        row('popup JS heap after GC, after For you and Similar: ≤ 30 MB', (run) => mb(run.heap.popup)),
        row('worker JS heap after GC, after the retrains: ≤ 50 MB', (run) =>
          run.heap.worker === null ? 'not running' : mb(run.heap.worker),
        ),
      ],
    ),
  );
  console.log('');
}
