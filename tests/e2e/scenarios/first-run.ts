// The first opening, written once for every browser (../first-run.e2e.ts in Chromium, ../firefox/first-run.firefox.ts
// in Firefox ESR): an empty shelf that says what will happen, fills as the first page is browsed, and brings in a
// library one already has (a Papershelf backup or a PaperMemory export) from where it stands.
import { resolve } from 'node:path';
import { HF_ORIGIN } from '@/lib/arxiv';
import { dailyScreen } from '../hf-site';
import type { ExtensionBrowser, Tab } from './driver';

const PAPERMEMORY = resolve(import.meta.dirname, '../../io/fixtures/papermemory.json');
const WAIT = { timeout: 20_000, interval: 200 };
const COUNT = 'output[aria-label="Paper count"]';
const IMPORT_INPUT = '#import-file';
const IMPORTED = /^Imported from PaperMemory: 4 added, 0 updated, 1 skipped/;

/**
 * Stops the next click on the import's file input from opening the system's file picker (a window no test can
 * drive) and notes that it came, so a test can tell which control opens the picker and then choose the file itself.
 */
function catchPickerOpening(tab: Tab): Promise<void> {
  return tab.evaluate((css) => {
    const input = document.querySelector(css);
    if (!input) throw new Error(`no ${css}`);
    const note = (event: Event) => {
      event.preventDefault();
      document.body.dataset.pickerOpened = 'yes';
    };
    input.addEventListener('click', note, { once: true });
  }, IMPORT_INPUT);
}

const pickerOpened = (tab: Tab) => tab.evaluate(() => document.body.dataset.pickerOpened === 'yes', null);

export function describeFirstRunScenario(launch: () => Promise<ExtensionBrowser>) {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launch();
  });
  afterEach(() => browser?.close());

  it('says what will happen, then fills the open popup as the first page is browsed', async () => {
    const daily = dailyScreen();
    await browser.serveHfSite({ [daily.path]: daily.html });
    const popup = await browser.openExtensionPage('popup');
    await expect.poll(() => popup.text('.empty'), WAIT).toMatch(/Your shelf is empty.*Every paper you see lands here/s);
    const tab = await browser.newTab();
    expect(await tab.goto(HF_ORIGIN + daily.path)).toBe(200);
    // The popup left open shows the papers as they come, without being reopened.
    const count = new Set(daily.papers.map((paper) => paper.id)).size;
    await expect.poll(() => popup.text(COUNT), WAIT).toBe(`${count} papers`);
    expect(await popup.text('.empty')).toBeNull();
    const titles = await popup.evaluate(
      () => [...document.querySelectorAll('li[data-paper-id] a.title')].map((title) => title.textContent ?? ''),
      null,
    );
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(daily.papers.map((paper) => paper.title)).toContain(title);
  });

  it('imports a PaperMemory file from the empty shelf', async () => {
    const popup = await browser.openExtensionPage('popup');
    const offer = { css: '.empty button', text: 'Import a backup or a PaperMemory file' };
    await catchPickerOpening(popup);
    await popup.click(offer);
    await expect.poll(() => pickerOpened(popup), WAIT).toBe(true);
    await popup.chooseFile(IMPORT_INPUT, PAPERMEMORY);
    await expect.poll(() => popup.text('.import-status'), WAIT).toMatch(IMPORTED);
    await expect.poll(() => popup.text(COUNT), WAIT).toBe('4 papers');
    expect(await popup.text('.empty')).toBeNull();
  });

  it('offers the file choice first thing on the full page opened for it (where a popup would close)', async () => {
    const library = await browser.openExtensionPage('library');
    const url = `${(await library.url()).split('#')[0]}#import`;
    await library.close();
    const page = await browser.newTab();
    await page.goto(url);
    const choose = { css: '.import button.primary', text: 'Choose the file to import' };
    await expect.poll(() => page.text(choose.css), WAIT).toBe(choose.text);
    expect(await page.evaluate(() => document.activeElement?.textContent ?? null, null)).toBe(choose.text);
    await catchPickerOpening(page);
    await page.click(choose);
    await expect.poll(() => pickerOpened(page), WAIT).toBe(true);
    await page.chooseFile(IMPORT_INPUT, PAPERMEMORY);
    await expect.poll(() => page.text('.import-status'), WAIT).toMatch(IMPORTED);
    expect(await page.text(choose.css)).toBeNull();
  });
}
