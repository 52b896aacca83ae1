// The harness itself: the capture test's guarantees (blocked network, recorded requests, in-page navigation) rest on it.
import { type ExtensionSession, launchExtension } from './harness';
import { hfDocument, serveHfSite, withSpaNavigation } from './hf-site';

const card = (id: string, title: string) => `<div><article><h3><a href="/papers/${id}">${title}</a></h3></article></div>`;
const island = (ids: string[]) =>
  `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${JSON.stringify({ ids }).replace(/"/g, '&quot;')}"></div>`;

describe('e2e harness', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    const dailyHtml = hfDocument('Daily', island(['2401.00001']) + `<div class="grid">${card('2401.00001', 'Daily paper')}</div>`);
    await serveHfSite(session.context, {
      '/papers/date/2024-01-02': withSpaNavigation(dailyHtml, {
        Weekly: { url: '/papers/week/2024-W01', cardsHtml: card('2401.00002', 'Weekly paper'), islandProps: JSON.stringify({ ids: ['2401.00002'] }) },
      }),
    });
  });
  afterAll(() => session?.close());

  it('finds the extension and its pages', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.popupUrl).toBe(`chrome-extension://${session.extensionId}/popup.html`);
  });

  it('serves HF pages, 404s the rest of the site, and blocks every other host', async () => {
    const page = await session.context.newPage();
    expect((await page.goto('https://huggingface.co/papers/date/2024-01-02'))?.status()).toBe(200);
    expect(await page.locator('article h3 a').textContent()).toBe('Daily paper');
    expect((await page.goto('https://huggingface.co/papers/2401.99999'))?.status()).toBe(404);
    const fetchFails = (url: string) => page.evaluate((target) => fetch(target).then(() => false, () => true), url);
    expect(await fetchFails('https://example.com/')).toBe(true);
    await page.close();
  });

  it('records requests the extension makes, and only those', async () => {
    const page = await session.context.newPage();
    await page.goto('https://huggingface.co/papers/date/2024-01-02');
    await page.evaluate(() => fetch('https://example.com/from-page').catch(() => undefined));
    expect(await session.extensionRequests()).toEqual([]);
    await session.serviceWorker.evaluate(() => fetch('https://example.com/from-worker').catch(() => undefined));
    expect(await session.extensionRequests()).toEqual(['https://example.com/from-worker']);
    await page.close();
  });

  it('navigates in-page: URL first, then the cards, then the island', async () => {
    const page = await session.context.newPage();
    await page.goto('https://huggingface.co/papers/date/2024-01-02');
    const islandIds = () => page.evaluate(() => JSON.parse((document.querySelector('[data-target]') as HTMLElement).dataset.props ?? '{}').ids);
    const cardTitles = () => page.locator('article h3 a').allTextContents();

    await page.getByRole('button', { name: 'Weekly' }).click();
    expect(new URL(page.url()).pathname).toBe('/papers/week/2024-W01');
    await page.waitForFunction(() => document.querySelector('article h3 a')?.textContent === 'Weekly paper');
    expect(await islandIds()).toEqual(['2401.00001']); // stale while the new cards are on screen
    await page.waitForFunction(() => document.documentElement.dataset.spaSettled);
    expect(await islandIds()).toEqual(['2401.00002']);
    expect(await cardTitles()).toEqual(['Weekly paper']);
    expect(await page.evaluate(() => document.querySelectorAll('.grid').length)).toBe(1);
    await page.close();
  });
});
