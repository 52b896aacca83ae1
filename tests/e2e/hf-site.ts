import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { BrowserContext } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { collapseWhitespace } from '@/lib/text';
import { readHfFixture } from '../helpers/fixtures';
import { cardsHtml, type Item, islandHtml, papersPageHtml, searchCardsHtml } from '../helpers/island';
import { readSeedPapers, SEED_FILES, seedId } from '../helpers/seed-library';

/** A served document: its HTML, or a function called on every request for it. */
export type HfPage = string | (() => string);

/** The view an in-page navigation leads to (see spa.js). */
export interface SpaView {
  url: string;
  cardsHtml: string;
  /** The island JSON the view ends with, or null when the island is never rewritten. */
  islandProps: string | null;
}

const NOT_FOUND_PAGE =
  '<!doctype html><html><head><title>404 – Hugging Face</title></head><body><h1>404</h1><p>Sorry, we can’t find the page you are looking for.</p></body></html>';

/** What the served site answers to a request for `url`: a page of `pages`, keyed by path and query (`/papers?q=llm`). */
export function hfResponse(
  pages: Record<string, HfPage>,
  url: string,
  isDocument: boolean,
): { status: number; contentType?: string; body: string } {
  const { pathname, search } = new URL(url);
  const page = pages[pathname + search];
  if (page !== undefined) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: typeof page === 'function' ? page() : page };
  }
  if (isDocument) return { status: 404, contentType: 'text/html; charset=utf-8', body: NOT_FOUND_PAGE };
  return { status: 404, body: '' };
}

/**
 * Answers https://huggingface.co/… from `pages`, keyed by path and query (`/papers?q=llm`).
 * Any other document gets a 404 page; assets and API calls an empty 404.
 */
export async function serveHfSite(context: BrowserContext, pages: Record<string, HfPage>): Promise<void> {
  await context.route(`${HF_ORIGIN}/**`, (route) =>
    route.fulfill(hfResponse(pages, route.request().url(), route.request().resourceType() === 'document')),
  );
}

/** Serves each screen at its own path. */
export function serveScreens(context: BrowserContext, screens: Screen[]): Promise<void> {
  return serveHfSite(context, Object.fromEntries(screens.map((screen) => [screen.path, screen.html])));
}

const SPA_SCRIPT = readFileSync(resolve(import.meta.dirname, 'spa.js'), 'utf8');

/**
 * Makes a served page navigate in-page the way HF's tabs do: one `<button>` per view label (added when the
 * page has none with that text), the target views embedded as JSON, and spa.js before `</body>`.
 */
export function withSpaNavigation(html: string, views: Record<string, SpaView>): string {
  const missingTabs = Object.keys(views)
    .filter((label) => !new RegExp(`<button[^>]*>\\s*${label}\\s*</button>`).test(html))
    .map((label) => `<button type="button">${label}</button>`)
    .join('');
  const tabs = missingTabs && `<nav aria-label="Period">${missingTabs}</nav>`;
  const embedded = Object.fromEntries(
    Object.entries(views).map(([label, view]) => [
      label,
      { url: view.url, cards: view.cardsHtml, props: view.islandProps },
    ]),
  );
  const script =
    `<script type="application/json" id="spa-views">${scriptSafeJson(embedded)}</script>` +
    `<script>${SPA_SCRIPT}</script>`;
  return insertAfterOpeningTag(html, /<main\b[^>]*>|<body\b[^>]*>/, tabs).replace(/<\/body>/i, `${script}</body>`);
}

function insertAfterOpeningTag(html: string, tag: RegExp, insertion: string): string {
  const match = tag.exec(html);
  if (!match) throw new Error('served page has neither <main> nor <body>');
  const end = match.index + match[0].length;
  return html.slice(0, end) + insertion + html.slice(end);
}

/** JSON that cannot close the `<script>` element it is embedded in. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

// --- The pages of the browsing scenario, built from the real captures -------------------------------------------

/** A paper as a screen shows it, with its source text whitespace-collapsed: what the library must end up with. */
export interface ShownPaper {
  id: string;
  title: string;
  abstract: string | null;
}

/** One served document and the papers it puts on screen. */
export interface Screen {
  path: string;
  html: string;
  papers: ShownPaper[];
}

export interface ExpectedPaper extends ShownPaper {
  seenCount: number;
}

/** What the library must hold after the given screens were on screen, in order: one entry per paper. */
export function expectedLibrary(screens: Screen[]): Map<string, ExpectedPaper> {
  const library = new Map<string, ExpectedPaper>();
  for (const screen of screens) {
    for (const id of new Set(screen.papers.map((paper) => paper.id))) {
      const known = library.get(id);
      if (known) known.seenCount += 1;
      else library.set(id, { ...(screen.papers.find((paper) => paper.id === id) as ShownPaper), seenCount: 1 });
    }
  }
  return library;
}

/** A paper among `candidates` and a word of its title that no other paper's title or abstract contains. */
export function distinctiveTitleWord(candidates: ShownPaper[], all: ShownPaper[]): { paper: ShownPaper; word: string } {
  for (const paper of candidates) {
    const others = all
      .filter((other) => other.id !== paper.id)
      .map((other) => `${other.title} ${other.abstract ?? ''}`.toLowerCase());
    const word = paper.title
      .split(/[^A-Za-z]+/)
      .find((candidate) => candidate.length >= 5 && others.every((text) => !text.includes(candidate.toLowerCase())));
    if (word) return { paper, word };
  }
  throw new Error('no paper has a title word of its own');
}

/** A paper whose title would run script if any part of the extension rendered it as HTML. */
export const INJECTION_WORD = 'Quokkaformer';
export const INJECTION_PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const INJECTION_ITEM: Item = {
  paper: {
    id: '2606.19999',
    title: `${INJECTION_WORD}: ${INJECTION_PAYLOAD}`,
    summary: `We study ${INJECTION_PAYLOAD} in   titles\nand abstracts.`,
    authors: [{ name: 'Mallory <b>Tables</b>' }],
    upvotes: 1,
  },
  numComments: 0,
};

const shownPaper = (paper: { id: string; title: string; summary?: string | null }): ShownPaper => ({
  id: paper.id,
  title: collapseWhitespace(paper.title),
  abstract: paper.summary ? collapseWhitespace(paper.summary) : null,
});

/** The data island `target` of a served document, parsed as the browser would. */
function islandProps(html: string, target: string): Record<string, unknown> {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const props = doc.querySelector(`[data-target="${target}"]`)?.getAttribute('data-props');
  void window.happyDOM.close();
  if (!props) throw new Error(`no ${target} island in the page`);
  return JSON.parse(props);
}

/** The 2024 daily list capture, as served. */
export function dailyScreen(): Screen {
  const html = readHfFixture('2024-08-01_papers-date_slbqc.html');
  const items = islandProps(html, 'DailyPapers').dailyPapers as Item[];
  return {
    path: '/papers/date/2024-08-01',
    html,
    papers: items.map((item) => shownPaper(item.paper)),
  };
}

/** A 2026 weekly list built from an API capture plus the injection paper: the island and compact cards. */
export function weeklyScreen(): Screen & { view: SpaView } {
  const items = [...(JSON.parse(readHfFixture('2026-06-12_api-daily_papers_sotawhat.json')) as Item[]), INJECTION_ITEM];
  const path = '/papers/week/2026-W24';
  const meta = { dateString: '2026-W24', periodType: 'week', isTrending: false };
  const cards = cardsHtml(items);
  const html = papersPageHtml({ island: islandHtml(items, meta), cards, title: 'Weekly Papers - Hugging Face' });
  return {
    path,
    html,
    papers: items.map((item) => shownPaper(item.paper)),
    view: { url: path, cardsHtml: cards, islandProps: JSON.stringify({ ...meta, dailyPapers: items }) },
  };
}

/** Search results for "parameter" from a seed-page dump: cards with their abstracts, no island. */
export function searchScreen(): Screen {
  const file = SEED_FILES[0];
  const items: Item[] = readSeedPapers(file).map(({ title, abstract }, index) => ({
    paper: { id: seedId(file, index), title, summary: abstract },
  }));
  return {
    path: '/papers?q=parameter',
    html: papersPageHtml({ cards: searchCardsHtml(items), title: 'Daily Papers - Hugging Face' }),
    papers: items.map((item) => shownPaper(item.paper)),
  };
}

/** The 2025 single-paper capture, as served. */
export function paperScreen(): Screen {
  const html = readHfFixture('2025-10-02_paper-page_2509.24002_reonokiy.html');
  const paper = islandProps(html, 'PaperContent').paper as Item['paper'];
  return { path: `/papers/${paper.id}`, html, papers: [shownPaper(paper)] };
}

/** What a planted theme is about: reinforcement learning, as its papers' titles say. */
export const isReinforcementLearning = (paper: { title: string }) => /reinforcement/i.test(paper.title);

/**
 * Two weekly lists of real papers (the seed pages' titles and abstracts) with a planted theme: the first holds six
 * reinforcement-learning papers among fifty others, the second four more among thirty others.
 */
export function themedScreens(): [Screen, Screen] {
  const papers = SEED_FILES.flatMap((file) =>
    readSeedPapers(file).map(({ title, abstract }, index) => ({ id: seedId(file, index), title, summary: abstract })),
  );
  const theme = papers.filter(isReinforcementLearning);
  const others = papers.filter((paper) => !isReinforcementLearning(paper));
  const week = (path: string, chosen: typeof papers): Screen => {
    const items: Item[] = chosen.map((paper) => ({ paper, numComments: 0 }));
    const meta = { dateString: path.split('/').at(-1), periodType: 'week', isTrending: false };
    const html = papersPageHtml({ island: islandHtml(items, meta), cards: cardsHtml(items), title: 'Weekly Papers' });
    return { path, html, papers: chosen.map(shownPaper) };
  };
  return [
    week('/papers/week/2026-W44', [...others.slice(0, 25), ...theme.slice(0, 6), ...others.slice(25, 50)]),
    week('/papers/week/2026-W45', [...others.slice(50, 65), ...theme.slice(6, 10), ...others.slice(65, 80)]),
  ];
}
