// A researcher's everyday library: thousands of papers captured while browsing, then rising topics, search and keys.
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import type { Paper } from '@/lib/paper';
import { syntheticLibrary } from '../../bench/synthetic-library';
import { islandHtml, papersPageHtml, searchCardsHtml } from '../helpers/island';
import { serveHfSite } from './hf-site';
import { expectLibraryCount, exportJson, openMenu, openPopup } from './popup';
import { launchedForSuite } from './suite';

const PER_PAGE = 100;
const DAY = 86_400_000;
const PLANTED = 'Quokka attention';

/** The island item HF would serve for a paper. */
const islandItem = (paper: Paper) => ({
  paper: {
    id: paper.id,
    title: paper.title,
    summary: paper.abstract,
    authors: paper.authors.map((name) => ({ name })),
    upvotes: paper.upvotes,
    publishedAt: paper.publishedAt,
    submittedOnDailyAt: paper.submittedOnDailyAt,
  },
  numComments: paper.comments,
});

/** 2,000 papers spread over four months, plus a phrase that appears only in the last few days. */
function libraryToBrowse(): Paper[] {
  const now = Date.now();
  const background = syntheticLibrary(2000, now, 120);
  const planted = ['for long videos', 'in small models', 'at scale', 'without softmax', 'for robots', 'on phones'].map(
    (tail, index) => {
      const day = new Date(now - (index % 4) * DAY).toISOString();
      const id = `2699.${String(90000 + index)}`;
      return { ...background[index], id, title: `${PLANTED} ${tail}`, submittedOnDailyAt: day, upvotes: 40 };
    },
  );
  return [...background, ...planted];
}

describe('a large library in the popup', () => {
  const papers = libraryToBrowse();
  const pages = Array.from({ length: Math.ceil(papers.length / PER_PAGE) }, (_, page) => {
    const query = `shelf-${page}`;
    const items = papers.slice(page * PER_PAGE, (page + 1) * PER_PAGE).map(islandItem);
    const html = papersPageHtml({
      island: islandHtml(items, { query: { q: query } }, 'searchResults'),
      cards: searchCardsHtml(items),
    });
    return [`/papers?q=${query}`, html] as const;
  });

  const session = launchedForSuite(async (session) => {
    await serveHfSite(session.context, Object.fromEntries(pages));
    // Captured the way a person would get them: by having them on screen, through the extension's own ingest path.
    // The next page is opened once this one's papers are in: leaving it sooner could leave before it is read.
    const tab = await session.context.newPage();
    for (const [index, [path]] of pages.entries()) {
      await tab.goto(HF_ORIGIN + path);
      await expectLibraryCount(session, Math.min(papers.length, (index + 1) * PER_PAGE), 60_000);
    }
  });

  const rows = (popup: Page) => popup.getByRole('list', { name: 'Papers' }).getByRole('listitem');
  const count = (popup: Page) => popup.getByLabel('Paper count');

  it('shows rising topics and filters the list by one', async () => {
    const popup = await openPopup(session());
    const topics = popup.getByRole('list', { name: /^Trending/ });
    const first = topics.getByRole('button').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^${PLANTED}`, 'i'));
    // Why it is there, in words a person can check.
    expect(await first.textContent()).toMatch(/6 papers in the last 7 days(, [\d.]+ a week before)?/);

    await first.click();
    await expect.poll(() => count(popup).textContent()).toBe(`6 of ${papers.length.toLocaleString('en-US')} papers`);
    // Beside its papers, its weekly share: nothing in the eleven weeks before, some this week, said in words.
    const chart = popup.getByRole('img', { name: /^Weekly share over 12 weeks/ });
    await chart.waitFor();
    expect(await chart.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');
    expect(await chart.getAttribute('aria-label')).toMatch(/oldest first: (0 %, ){11}[1-9][\d.]* %$/);
    const titles = await rows(popup).locator('a[href^="https://huggingface.co/papers/"]').allTextContents();
    expect(titles).toHaveLength(6);
    for (const title of titles) expect(title).toMatch(new RegExp(PLANTED, 'i'));

    await first.click();
    await expect.poll(() => count(popup).textContent()).toBe(`${papers.length.toLocaleString('en-US')} papers`);
    expect(await chart.count()).toBe(0);
  });

  it('renders only the rows in view', async () => {
    const popup = await openPopup(session());
    await expect.poll(() => rows(popup).count()).toBeGreaterThan(3);
    expect(await rows(popup).count()).toBeLessThan(40);
  });

  it('keeps its scroll position when a paper is starred, and starts at the top for a new sort', async () => {
    const popup = await openPopup(session());
    // The whole library is loaded once Export (in the menu) is enabled.
    await openMenu(popup);
    await popup
      .getByRole('button', { name: /^Export/ })
      .and(popup.locator(':enabled'))
      .waitFor();
    await popup.locator('details.app-menu > summary').click(); // closed again: the list is the popup's
    const viewport = popup.locator('.list-viewport');
    await viewport.evaluate((element) => {
      element.scrollTop = 2_000;
    });
    // The first row at or below the new scroll position, once the list has rendered there.
    const row = popup
      .locator('li[data-paper-id]')
      .filter({
        has: popup.locator('xpath=self::*[number(substring-before(substring-after(@style, "top: "), "px")) >= 2000]'),
      })
      .first();
    const id = await row.getAttribute('data-paper-id');
    const star = popup.locator(`li[data-paper-id="${id}"] .star`);
    const before = await star.getAttribute('aria-pressed');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).not.toBe(before);
    expect(await viewport.evaluate((element) => element.scrollTop)).toBe(2_000);
    await star.click(); // as it was, for the tests after this one
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe(before);

    await popup.getByLabel('Sort by').selectOption('upvotes');
    await expect.poll(() => viewport.evaluate((element) => element.scrollTop)).toBe(0);
  });

  it('reads the list a page at a time as it scrolls, and after a jump, in the order of the export', async () => {
    const popup = await openPopup(session());
    // Most recently seen first; papers seen at the same moment, the higher id first.
    const expected = (await exportJson(popup)).papers
      .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt) || (a.id < b.id ? 1 : -1))
      .map((paper) => paper.id);
    const viewport = popup.locator('.list-viewport');
    const rowHeight = 66;
    // Scrolling on past the first screen and the next pages, then a jump of the scrollbar to the middle and the end.
    for (const index of [40, 130, 260, 1_200, expected.length - 1]) {
      await viewport.evaluate((element, top) => {
        element.scrollTop = top;
      }, index * rowHeight);
      const row = popup.locator(`li[data-paper-id][style*="top: ${index * rowHeight}px"]`);
      await expect
        .poll(() => row.getAttribute('data-paper-id', { timeout: 1_000 }).catch(() => null))
        .toBe(expected[index]);
    }
  });

  it('lists and exports every match of a common word, though the best come first', async () => {
    const popup = await openPopup(session());
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('model');
    await popup.locator('main[data-results-for="model"]').waitFor();
    // The count appears once the whole ranking is known (taken as polled: a second read could see a later state).
    let counted = '';
    await expect.poll(async () => (counted = (await count(popup).textContent()) ?? '')).toMatch(/^[\d,]+ of /);
    const shown = Number(counted.split(' of ')[0].replace(/,/g, ''));
    // Papers that say "model" only in their abstract rank below the title matches: far past the best 200.
    const inAbstracts = papers.filter((paper) => /\bmodels?\b/i.test(paper.abstract ?? '')).map((paper) => paper.id);
    expect(shown).toBeGreaterThan(200);
    expect(inAbstracts.length).toBeGreaterThan(200);

    await openMenu(popup);
    await popup.getByLabel('Papers to export').selectOption('view');
    const file = await exportJson(popup);
    expect(file.count).toBe(shown);
    const exported = new Set(file.papers.map((paper) => paper.id));
    expect(inAbstracts.filter((id) => !exported.has(id))).toEqual([]);
    // In the list's order: best first.
    const firstRows = await rows(popup).evaluateAll((items) => items.map((item) => item.getAttribute('data-paper-id')));
    expect(file.papers.slice(0, 5).map((paper) => paper.id)).toEqual(firstRows.slice(0, 5));
  });

  it('finds a paper from a misspelled word', async () => {
    const popup = await openPopup(session());
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('difusion modls');
    const firstTitle = rows(popup).first().locator('a').first();
    await expect.poll(() => firstTitle.textContent(), { timeout: 15_000 }).toMatch(/diffusion model/i);
    // The matched words are marked.
    expect(await rows(popup).first().locator('mark').count()).toBeGreaterThan(0);
  });

  it('works from the keyboard: / searches, arrows move, s stars, Enter opens', async () => {
    const popup = await openPopup(session());
    const search = popup.getByRole('searchbox', { name: 'Search papers' });
    await popup.locator('body').click({ position: { x: 5, y: 5 } });
    await popup.keyboard.press('/');
    await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
    await popup.keyboard.type(PLANTED);
    await popup.locator(`main[data-results-for="${PLANTED}"]`).waitFor();
    await expect.poll(() => count(popup).textContent()).toMatch(/^6 of /);

    // Nothing looks chosen until the keyboard chooses: the first step down lands on the first result.
    const active = popup.locator('li[aria-current="true"]');
    expect(await active.count()).toBe(0);
    await popup.keyboard.press('ArrowDown');
    const first = await rows(popup).first().getAttribute('data-paper-id');
    await expect.poll(() => active.getAttribute('data-paper-id')).toBe(first);

    const href = await active.locator('a').first().getAttribute('href');
    const [opened] = await Promise.all([session().context.waitForEvent('page'), popup.keyboard.press('Enter')]);
    await expect.poll(() => opened.url()).toBe(href);
    await opened.close();

    // The arrows took the keyboard to the list: Esc brings it back to the box, the query kept.
    await popup.keyboard.press('Escape');
    await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await search.inputValue()).toBe(PLANTED);
    // In the box, Esc clears the query and with it the results; a second Esc leaves the box, so keys act on the list.
    await popup.keyboard.press('Escape');
    expect(await search.inputValue()).toBe('');
    await expect.poll(() => count(popup).textContent()).toBe(`${papers.length.toLocaleString('en-US')} papers`);
    await popup.keyboard.press('Escape');
    await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(false);
    await popup.keyboard.press('ArrowDown');
    const star = active.locator('.star');
    const before = await star.getAttribute('aria-pressed');
    await popup.keyboard.press('s');
    await expect.poll(() => star.getAttribute('aria-pressed')).not.toBe(before);
    await popup.keyboard.press('s'); // as it was
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe(before);
  });

  it('opens the same library in a full tab', async () => {
    const page = await session().context.newPage();
    await page.goto(session().libraryUrl);
    await expect
      .poll(() => page.getByLabel('Paper count').textContent())
      .toBe(`${papers.length.toLocaleString('en-US')} papers`);
  });
});
