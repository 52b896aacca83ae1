// The harness itself: the capture test's guarantees (blocked network, recorded requests, in-page navigation) rest on it.
import { cardsHtml, islandHtml, papersPageHtml } from '../helpers/island';
import { serveHfSite, withSpaNavigation } from './hf-site';
import { launchedForSuite } from './suite';

const dailyPaper = { paper: { id: '2401.00001', title: 'Daily paper' } };
const weeklyPaper = { paper: { id: '2401.00002', title: 'Weekly paper' } };

describe('e2e harness', () => {
  const session = launchedForSuite(async (session) => {
    const dailyHtml = papersPageHtml({ island: islandHtml([dailyPaper]), cards: cardsHtml([dailyPaper]) });
    await serveHfSite(session.context, {
      '/papers/date/2024-01-02': withSpaNavigation(dailyHtml, {
        Weekly: {
          url: '/papers/week/2024-W01',
          cardsHtml: cardsHtml([weeklyPaper]),
          islandProps: JSON.stringify({ dailyPapers: [weeklyPaper] }),
        },
      }),
    });
  });

  it('finds the extension and its pages', () => {
    expect(session().extensionId).toMatch(/^[a-p]{32}$/);
    expect(session().popupUrl).toBe(`chrome-extension://${session().extensionId}/popup.html`);
  });

  it('serves HF pages, 404s the rest of the site, and blocks every other host', async () => {
    const page = await session().context.newPage();
    expect((await page.goto('https://huggingface.co/papers/date/2024-01-02'))?.status()).toBe(200);
    expect(await page.locator('article h3 a').textContent()).toBe('Daily paper');
    expect((await page.goto('https://huggingface.co/papers/2401.99999'))?.status()).toBe(404);
    const fetchFails = (url: string) =>
      page.evaluate(
        (target) =>
          fetch(target).then(
            () => false,
            () => true,
          ),
        url,
      );
    expect(await fetchFails('https://example.com/')).toBe(true);
    await page.close();
  });

  it('records requests the extension makes, and only those', async () => {
    const page = await session().context.newPage();
    await page.goto('https://huggingface.co/papers/date/2024-01-02');
    await page.evaluate(() => fetch('https://example.com/from-page').catch(() => undefined));
    expect(await session().extensionRequests()).toEqual([]);
    await session().serviceWorker.evaluate(() => fetch('https://example.com/from-worker').catch(() => undefined));
    expect(await session().extensionRequests()).toEqual(['https://example.com/from-worker']);
    await page.close();
  });

  it('navigates in-page: URL first, then the cards, then the island', async () => {
    const page = await session().context.newPage();
    await page.goto('https://huggingface.co/papers/date/2024-01-02');
    const islandIds = () =>
      page.evaluate(() =>
        JSON.parse(
          (document.querySelector('[data-target="DailyPapers"]') as HTMLElement).dataset.props ?? '{}',
        ).dailyPapers.map((item: { paper: { id: string } }) => item.paper.id),
      );
    const cardTitles = () => page.locator('article h3 a').allTextContents();

    await page.evaluate(() => {
      document.documentElement.dataset.spaHold = '1'; // the island waits until the stale state is looked at
    });
    await page.getByRole('button', { name: 'Weekly' }).click();
    expect(new URL(page.url()).pathname).toBe('/papers/week/2024-W01');
    await page.waitForFunction(() => document.querySelector('article h3 a')?.textContent === 'Weekly paper');
    expect(await islandIds()).toEqual(['2401.00001']); // stale while the new cards are on screen
    await page.evaluate(() => {
      delete document.documentElement.dataset.spaHold;
    });
    await page.waitForFunction(() => document.documentElement.dataset.spaSettled);
    expect(await islandIds()).toEqual(['2401.00002']);
    expect(await cardTitles()).toEqual(['Weekly paper']);
    expect(await page.locator('#cards > article').count()).toBe(1); // swapped inside the cards container
    await page.close();
  });
});
