// The library's memory on the Hugging Face pages themselves: "already seen" badges, dim mode, and the line on a
// paper's own page, driven in the real browser on the fixture pages at their real URLs.
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { cardsHtml, type Item, papersPageHtml } from '../helpers/island';
import { AXE_SOURCE, axeInPage } from './axe';
import { badgeLatency } from './badge-latency';
import { dailyScreen, INJECTION_WORD, paperScreen, serveHfSite, weeklyScreen, withSpaNavigation } from './hf-site';
import { serveHfStyles } from './hf-style';
import { expectLibraryCount, openMenu, openPopup } from './popup';
import { launchedForSuite } from './suite';

const SETTLE_MS = 1_500; // comfortably more than the content script's debounce and a library write

/** A paper that joins the daily list between two visits. */
const NEW_ITEM: Item = {
  paper: { id: '2408.00999', title: 'Wombat: A Paper Added Between Two Visits', upvotes: 3 },
  numComments: 0,
};

/** The HTML inside the element that holds every card, as spa.js swaps it. */
function cardsContainerHtml(html: string): string {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const cards = [...doc.querySelectorAll('article')];
  let container = cards[0]?.parentElement;
  while (container && cards.some((card) => !container?.contains(card))) container = container.parentElement;
  const inner = container?.innerHTML ?? '';
  void window.happyDOM.close();
  if (!inner) throw new Error('no cards in the page');
  return inner;
}

interface CardMarks {
  id: string;
  /** The visible text of each badge in the card. */
  badges: string[];
  /** Elements inside the badges' shadow roots other than the text's own spans. */
  foreign: number;
  opacity: string;
  style: string | null;
}

/** Every paper card on the page and the marks it carries, read from the DOM as a test (or a screen reader) can. */
function cardMarks(page: Page): Promise<CardMarks[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('article')].flatMap((card) => {
      const link = card.querySelector('h3 a[href^="/papers/"]');
      if (!link) return [];
      const hosts = [...card.querySelectorAll('papershelf-seen')];
      return [
        {
          id: (link.getAttribute('href') ?? '').split('/').pop() ?? '',
          badges: hosts.map((host) => host.shadowRoot?.textContent ?? '(no shadow root)'),
          foreign: hosts.reduce((sum, host) => sum + (host.shadowRoot?.querySelectorAll(':not(span)').length ?? 0), 0),
          opacity: getComputedStyle(card).opacity,
          style: card.getAttribute('style'),
        },
      ];
    }),
  );
}

const badgedIds = (marks: CardMarks[]) =>
  marks
    .filter((card) => card.badges.length > 0)
    .map((card) => card.id)
    .sort();

/** Waits until exactly `ids` carry badges (each card at most one), then returns the marks. */
async function expectBadgedExactly(page: Page, ids: string[]): Promise<CardMarks[]> {
  let marks: CardMarks[] = [];
  await expect
    .poll(
      async () => {
        marks = await cardMarks(page);
        return badgedIds(marks);
      },
      { timeout: 10_000, interval: 100 },
    )
    .toEqual([...new Set(ids)].sort());
  for (const card of marks) expect(card.badges.length, card.id).toBeLessThanOrEqual(1);
  return marks;
}

/** Clicks a tab of the in-page navigation and waits until spa.js has swapped the cards and the island. */
async function navigateInPage(page: Page, label: string, path: string) {
  await page.evaluate(() => delete document.documentElement.dataset.spaSettled);
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.waitForFunction((url) => document.documentElement.dataset.spaSettled === url, path);
  expect(new URL(page.url()).pathname).toBe(path);
}

const today = (time = new Date()) => time.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
const seenWords = (text: string) => text.match(/\bseen\b/gi)?.length ?? 0;

describe('what the library remembers, on the Hugging Face pages', () => {
  let dailyTab: Page;
  const started = performance.now();

  const daily = dailyScreen();
  const weekly = weeklyScreen();
  const single = paperScreen();
  const dailyIds = [...new Set(daily.papers.map((paper) => paper.id))];
  const weeklyIds = [...new Set(weekly.papers.map((paper) => paper.id))];
  // The daily list as served at the second visit: one more paper, first on the list.
  const withNewCard = daily.html.replace('<article', `${cardsHtml([NEW_ITEM])}<article`);
  const spaViews = {
    Weekly: weekly.view,
    Daily: { url: daily.path, cardsHtml: cardsContainerHtml(withNewCard), islandProps: null },
  };
  let serveNewCard = false;
  let firstVisitDay = '';

  const session = launchedForSuite(async (session) => {
    await serveHfSite(session.context, {
      [daily.path]: () => withSpaNavigation(serveNewCard ? withNewCard : daily.html, spaViews),
      [weekly.path]: weekly.html,
      [single.path]: single.html,
      '/papers/trending': papersPageHtml({ title: 'Trending Papers - Hugging Face' }),
    });
    await serveHfStyles(session.context); // cards shaped as on the site, for the layout checks
    const popup = await openPopup(session); // the library exists before the first page asks about it
    await popup.getByText('huggingface.co/papers').first().waitFor();
    await popup.close();
  });
  afterAll(async () => {
    console.log(`badges e2e wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  /** Sets one of the popup's page settings (or the capture switch) and closes the popup. */
  async function setInPopup(name: string, checked: boolean) {
    const popup = await openPopup(session());
    const control =
      name === 'Capture while browsing'
        ? popup.getByRole('switch', { name })
        : popup.getByRole('checkbox', { name, exact: true });
    if (name !== 'Capture while browsing') {
      await openMenu(popup);
      await popup.getByText('On Hugging Face pages').click();
    }
    await control.setChecked(checked);
    await expect.poll(() => control.isChecked()).toBe(checked);
    await popup.close();
  }

  it('badges nothing in a first visit, then exactly the cards seen before, one line each', async () => {
    dailyTab = await session().context.newPage();
    firstVisitDay = today();
    await dailyTab.goto(HF_ORIGIN + daily.path);
    await expectLibraryCount(session(), dailyIds.length);
    const firstView = await cardMarks(dailyTab);
    expect(firstView.map((card) => card.id).sort()).toEqual([...dailyIds].sort());
    expect(badgedIds(firstView)).toEqual([]);

    serveNewCard = true;
    await dailyTab.reload();
    const marks = await expectBadgedExactly(dailyTab, dailyIds);
    expect(marks.map((card) => card.id)).toContain(NEW_ITEM.paper.id);
    for (const card of marks.filter((shown) => shown.badges.length > 0)) {
      expect(card.badges[0]).toBe(`seen 2× · first ${firstVisitDay}`);
      expect(seenWords(card.badges[0])).toBe(1);
      expect(card.foreign).toBe(0);
    }
    // The new paper is captured in this view, and still gets no badge in it.
    await expectLibraryCount(session(), dailyIds.length + 1);
    expect(badgedIds(await cardMarks(dailyTab))).toEqual([...dailyIds].sort());

    // Each badge is one line after the title inside its card, adds only its own height, and covers no link.
    const layout = await dailyTab.evaluate(() =>
      [...document.querySelectorAll('papershelf-seen')].map((host) => {
        const card = host.closest('article') as HTMLElement;
        const link = card.querySelector('h3 a') as HTMLElement;
        link.scrollIntoView({ block: 'center' });
        const box = link.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const style = getComputedStyle(host);
        // What follows the badge in the card, with and without it, in the same moment (put back before the page
        // can react): the card's content moves down by the badge's own height, and no more.
        const below = host.nextElementSibling as Element;
        const withBadge = below.getBoundingClientRect().top;
        const [parent, next] = [host.parentNode as Node, host.nextSibling];
        host.remove();
        const withoutBadge = below.getBoundingClientRect().top;
        parent.insertBefore(host, next);
        return {
          href: link.getAttribute('href'),
          afterTitle: host.previousElementSibling?.tagName,
          shift: withBadge - withoutBadge,
          badgeHeight:
            host.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom),
          titleClickable: hit?.closest('a') === link,
        };
      }),
    );
    expect(layout).toHaveLength(dailyIds.length);
    for (const card of layout) {
      expect(card.afterTitle).toBe('H3');
      expect(card.titleClickable, card.href ?? '').toBe(true);
      expect(card.badgeHeight).toBeGreaterThan(0);
      expect(card.badgeHeight).toBeLessThanOrEqual(30);
      expect(card.shift).toBeCloseTo(card.badgeHeight, 0);
    }
  });

  it('draws its badges at 4.5:1 or more on the site in light and in dark mode, switched without a reload', async () => {
    await dailyTab.evaluate(AXE_SOURCE);
    const badgeColours = () =>
      dailyTab.evaluate(() =>
        [...document.querySelectorAll('papershelf-seen')].map((host) => {
          const badge = host.shadowRoot?.querySelector('.badge') as Element;
          return `${getComputedStyle(badge).color} on ${getComputedStyle(badge).backgroundColor}`;
        }),
      );
    const colours: Record<string, string[]> = {};
    for (const dark of [false, true]) {
      // The site's dark mode is a class on <html>, as its theme switch sets it.
      await dailyTab.evaluate((on) => document.documentElement.classList.toggle('dark', on), dark);
      const scheme = dark ? 'dark' : 'light';
      await expect
        .poll(() => dailyTab.evaluate(() => document.querySelector('papershelf-seen')?.getAttribute('data-theme')))
        .toBe(scheme);
      const { problems, passed } = await dailyTab.evaluate(axeInPage, {
        selector: 'papershelf-seen',
        rules: ['color-contrast'],
      });
      expect(problems, scheme).toEqual([]);
      expect(passed, `${scheme}: badges whose contrast was checked`).toBeGreaterThanOrEqual(dailyIds.length);
      colours[scheme] = await badgeColours();
    }
    // Light and dark badges are drawn differently, each badge of a mode alike.
    expect(new Set(colours.light).size).toBe(1);
    expect(new Set(colours.dark).size).toBe(1);
    expect(colours.dark[0]).not.toBe(colours.light[0]);
    await dailyTab.evaluate(() => document.documentElement.classList.remove('dark'));
  });

  it('dims exactly the seen cards, at once in the open tab, and leaves no trace when turned off', async () => {
    const undimmed = await cardMarks(dailyTab);
    await setInPopup('Dim papers I have already seen', true);
    await expect
      .poll(async () =>
        (await cardMarks(dailyTab))
          .filter((card) => Number(card.opacity) < 1)
          .map((card) => card.id)
          .sort(),
      )
      .toEqual([...dailyIds].sort());
    const newCard = (await cardMarks(dailyTab)).find((card) => card.id === NEW_ITEM.paper.id);
    expect(newCard?.opacity).toBe('1');

    await setInPopup('Dim papers I have already seen', false);
    await expect.poll(async () => (await cardMarks(dailyTab)).every((card) => card.opacity === '1')).toBe(true);
    expect((await cardMarks(dailyTab)).map((card) => card.style)).toEqual(undimmed.map((card) => card.style));
  });

  it('keeps one badge per card through in-page navigation and the page’s own re-renders', async () => {
    await navigateInPage(dailyTab, 'Weekly', weekly.path);
    await dailyTab.waitForTimeout(SETTLE_MS);
    expect(badgedIds(await cardMarks(dailyTab))).toEqual([]); // a first view of the week
    await expectLibraryCount(session(), dailyIds.length + 1 + weeklyIds.length);

    await navigateInPage(dailyTab, 'Daily', daily.path);
    await expectBadgedExactly(dailyTab, [...dailyIds, NEW_ITEM.paper.id]);

    // The page re-renders: a card's markup rewritten (copying the badge's tag without its shadow root), a card
    // replaced by a clone of itself, a title re-rendered.
    await dailyTab.evaluate(() => {
      const cards = document.querySelectorAll('article');
      const markup = cards[0].innerHTML;
      cards[0].innerHTML = markup;
      cards[1].replaceWith(cards[1].cloneNode(true));
      const title = cards[2].querySelector('h3') as Element;
      title.replaceWith(title.cloneNode(true));
    });
    await dailyTab.waitForTimeout(300);
    const marks = await expectBadgedExactly(dailyTab, [...dailyIds, NEW_ITEM.paper.id]);
    for (const card of marks) expect(card.badges).toEqual([expect.stringMatching(/^seen [23]× · first /)]);
    expect(await dailyTab.evaluate(() => document.querySelectorAll('papershelf-seen').length)).toBe(marks.length);

    // Back to the week, seen once before now: the injection paper's badge is plain text like any other.
    await navigateInPage(dailyTab, 'Weekly', weekly.path);
    const weekMarks = await expectBadgedExactly(dailyTab, weeklyIds);
    const injection = weekly.papers.find((paper) => paper.title.includes(INJECTION_WORD));
    const injectionCard = weekMarks.find((card) => card.id === injection?.id);
    expect(injectionCard?.badges).toEqual([`seen 2× · first ${firstVisitDay}`]);
    expect(injectionCard?.foreign).toBe(0);
    expect(await dailyTab.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it('says the same count on the page and in the popup, for the same paper at the same moment', async () => {
    const [card] = (await expectBadgedExactly(dailyTab, weeklyIds)).filter((shown) => shown.badges.length > 0);
    const onPage = /seen (\d+)×/.exec(card.badges[0])?.[1];
    const title = weekly.papers.find((paper) => paper.id === card.id)?.title as string;
    const popup = await openPopup(session());
    await popup.getByRole('searchbox').fill(title);
    const row = popup.locator(`li[data-paper-id="${card.id}"]`);
    await expect.poll(() => row.locator('.seen').textContent()).toBe(`seen ${onPage}×`);
    await popup.close();
  });

  it('removes every badge while capture is paused or badges are off, and brings them back', async () => {
    const noMarks = () =>
      dailyTab.evaluate(() => document.querySelectorAll('papershelf-seen, papershelf-shelf').length === 0);
    await setInPopup('Capture while browsing', false);
    await expect.poll(noMarks).toBe(true);
    await setInPopup('Capture while browsing', true);
    await expectBadgedExactly(dailyTab, weeklyIds);

    await setInPopup('Show “already seen” badges', false);
    await expect.poll(noMarks).toBe(true);
    await dailyTab.reload(); // a page opened while badges are off shows none
    expect(new URL(dailyTab.url()).pathname).toBe(weekly.path);
    await dailyTab.waitForTimeout(SETTLE_MS);
    expect(await noMarks()).toBe(true);
    await setInPopup('Show “already seen” badges', true);
    await expectBadgedExactly(dailyTab, weeklyIds);
  });

  it('says on a paper’s own page since when it is in the shelf, with a star toggle', async () => {
    const tab = await session().context.newPage();
    const line = tab.locator('papershelf-shelf');
    await tab.goto(HF_ORIGIN + single.path);
    await tab.waitForTimeout(SETTLE_MS);
    expect(await line.count()).toBe(0); // first seen in this view
    await expectLibraryCount(session(), dailyIds.length + 1 + weeklyIds.length + 1);

    await tab.reload();
    await expect
      .poll(() => line.evaluate((host) => host.shadowRoot?.textContent))
      .toBe(`In your shelf since ${firstVisitDay} · seen 2×☆ Star`);
    expect(await line.evaluate((host) => host.previousElementSibling?.tagName)).toBe('H1');
    // A click the page's own scripts make does nothing; the user's click stars the paper.
    const star = line.getByRole('button', { name: 'Star' });
    await line.evaluate((host) => (host.shadowRoot as ShadowRoot).querySelector('button')?.click());
    await tab.waitForTimeout(300);
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');

    const popup = await openPopup(session());
    await popup.getByRole('button', { name: 'Starred only' }).click();
    const starredLinks = popup.getByRole('list', { name: 'Papers' }).getByRole('link');
    await expect.poll(() => starredLinks.count()).toBe(1);
    expect(await starredLinks.first().getAttribute('href')).toBe(HF_ORIGIN + single.path);
    await popup.close();

    await tab.reload();
    await expect.poll(() => line.evaluate((host) => host.shadowRoot?.textContent)).toMatch(/seen 3×★ Starred$/);
  });

  it('puts badges on screen soon after the cards, and asks for nothing on the network', async () => {
    const tab = await session().context.newPage();
    await tab.goto(`${HF_ORIGIN}/papers/trending`);
    await tab.waitForTimeout(500);
    const weekCards = cardsHtml(weekly.papers.map((paper) => ({ paper: { id: paper.id, title: paper.title } })));
    const dayCards = cardsHtml(daily.papers.map((paper) => ({ paper: { id: paper.id, title: paper.title } })));
    await badgeLatency(tab, weekCards, weeklyIds.length); // warms up; a second set of ids is asked about afresh
    const latency = await badgeLatency(tab, dayCards, dailyIds.length);
    console.log(`badges on screen ${latency.toFixed(1)} ms after ${dailyIds.length} cards`);
    expect(latency).toBeLessThan(1_000);
    expect(await session().extensionRequests()).toEqual([]);
  });
});
