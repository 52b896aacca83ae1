// For you, Similar papers, reading states and the page marks, written once for every browser (see driver.ts).
import { HF_ORIGIN } from '@/lib/arxiv';
import type { Paper } from '@/lib/paper';
import { isReinforcementLearning, themedScreens } from '../hf-site';
import type { ExtensionBrowser, Tab } from './driver';
import { openMenu, openRowMenu } from './menus';

const WAIT = { timeout: 20_000, interval: 300 };
const SEARCH = 'input[aria-label="Search papers"]';

export function describeRecommendScenario(launch: () => Promise<ExtensionBrowser>) {
  let browser: ExtensionBrowser;
  const [firstWeek, secondWeek] = themedScreens();
  const byTitle = new Map([...firstWeek.papers, ...secondWeek.papers].map((paper) => [paper.title, paper]));
  const aboutRl = (title: string) => /reinforcement|reward|policy/i.test(`${title} ${byTitle.get(title)?.abstract}`);
  const starred = firstWeek.papers.filter(isReinforcementLearning).slice(0, 3);

  beforeAll(async () => {
    browser = await launch();
    await browser.serveHfSite({ [firstWeek.path]: firstWeek.html, [secondWeek.path]: secondWeek.html });
  });
  afterAll(() => browser?.close());

  /** Shows the paper titled `title` first in the list, by searching for it. */
  async function find(popup: Tab, title: string) {
    await popup.fill(SEARCH, title);
    await expect.poll(() => popup.text('li[data-paper-id] a.title'), WAIT).toBe(title);
  }

  const texts = (tab: Tab, selector: string) =>
    tab.evaluate((css) => [...document.querySelectorAll(css)].map((element) => element.textContent ?? ''), selector);

  it('learns For you from three stars, explains it, and finds Similar papers', async () => {
    const tab = await browser.newTab();
    expect(await tab.goto(HF_ORIGIN + firstWeek.path)).toBe(200);
    const popup = await browser.openExtensionPage('popup');
    await expect
      .poll(async () => {
        await popup.reload();
        return popup.text('output[aria-label="Paper count"]');
      }, WAIT)
      .toBe(`${firstWeek.papers.length} papers`);
    for (const paper of starred) {
      await find(popup, paper.title);
      await popup.click('li[data-paper-id] button.star');
      await expect.poll(() => popup.text('li[data-paper-id] button.star'), WAIT).toBe('★');
    }
    await popup.fill(SEARCH, '');
    let titles: string[] = [];
    await expect
      .poll(async () => {
        await popup.reload();
        await popup.click({ css: '.shelves button', text: 'For you' });
        titles = await texts(popup, 'ul[aria-label="For you"] .suggestion-title');
        return titles.length;
      }, WAIT)
      .toBeGreaterThanOrEqual(10);
    expect(titles.slice(0, 3).filter(aboutRl).length, titles.slice(0, 3).join(' | ')).toBeGreaterThanOrEqual(2);
    expect(titles.filter((title) => starred.some((paper) => paper.title === title))).toEqual([]);
    expect(await popup.text('.suggestion .reasons')).toMatch(/^because: \S/);

    await popup.click({ css: '.shelves button', text: 'All papers' });
    await find(popup, starred[0].title);
    await popup.click('li[data-paper-id] a.title');
    await expect
      .poll(async () => (await texts(popup, 'ul[aria-label="Similar papers"] button')).length, WAIT)
      .toBeGreaterThanOrEqual(5);
    const [nearest] = await texts(popup, 'ul[aria-label="Similar papers"] button');
    await popup.click({ css: 'ul[aria-label="Similar papers"] button', text: nearest });
    await expect.poll(() => popup.text('#detail-title'), WAIT).toBe(nearest);
    await popup.close();
    await tab.close();
  });

  it('marks the top tenth of a new page for you, and exports reading states', async () => {
    const tab = await browser.newTab();
    expect(await tab.goto(HF_ORIGIN + secondWeek.path)).toBe(200);
    const marked = () =>
      tab.evaluate(
        () =>
          [...document.querySelectorAll('article')]
            .filter((card) => card.querySelector('papershelf-seen')?.shadowRoot?.querySelector('.for-you'))
            .map((card) => card.querySelector('h3 a')?.textContent ?? ''),
        null,
      );
    await expect.poll(async () => (await marked()).length, WAIT).toBe(Math.ceil(secondWeek.papers.length / 10));
    const titles = await marked();
    expect(titles.filter(aboutRl).length, titles.join(' | ')).toBeGreaterThanOrEqual(titles.length - 1);
    await tab.close();

    const popup = await browser.openExtensionPage('popup');
    const queued = firstWeek.papers.find((paper) => !isReinforcementLearning(paper)) as (typeof firstWeek.papers)[0];
    await find(popup, queued.title);
    await openRowMenu(popup, 'li[data-paper-id]');
    await popup.evaluate((select) => {
      const element = document.querySelector<HTMLSelectElement>(select);
      if (!element) throw new Error('no reading-state control');
      element.value = 'to-read';
      element.dispatchEvent(new Event('change', { bubbles: true }));
    }, 'li[data-paper-id] select.reading-state');
    await popup.fill(SEARCH, '');
    let papers: Paper[] = [];
    await expect
      .poll(async () => {
        await openMenu(popup);
        papers = JSON.parse((await popup.download({ css: '.export button', text: 'Export' })).text).papers;
        return papers.find((paper) => paper.title === queued.title)?.readingState;
      }, WAIT)
      .toBe('to-read');
    for (const paper of papers) expect(paper).toHaveProperty('readingState');
    await popup.close();
  });
}
