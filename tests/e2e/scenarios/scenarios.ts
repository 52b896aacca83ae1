// What a person does with the extension, written once and run in every browser it is built for
// (chromium.e2e.ts, ../firefox/scenarios.firefox.ts): browse Hugging Face pages, find papers again in the popup,
// export the library, and restore it from a file on the full page.
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HF_ORIGIN } from '@/lib/arxiv';
import {
  dailyScreen,
  distinctiveTitleWord,
  expectedLibrary,
  INJECTION_PAYLOAD,
  INJECTION_WORD,
  paperScreen,
  type Screen,
  type ShownPaper,
  searchScreen,
  weeklyScreen,
  withSpaNavigation,
} from '../hf-site';
import { type ExportFile, eventually, expectExportOf } from '../popup';
import type { ExtensionBrowser, Tab } from './driver';
import { openMenu, openRowMenu } from './menus';

const COUNT = 'output[aria-label="Paper count"]';
const SEARCH = 'input[aria-label="Search papers"]';
const EXPORT_BUTTON = { css: '.export button', text: 'Export' };
const IMPORT_INPUT = '.import input[type="file"]';
const IMPORT_STATUS = '.import-status';
const WAIT = { timeout: 15_000, interval: 200 };

const papersText = (count: number) => `${count.toLocaleString('en-US')} paper${count === 1 ? '' : 's'}`;

/** The rows the page's paper list shows now: id and title, top to bottom. */
export function shownRows(tab: Tab): Promise<{ id: string; title: string }[]> {
  return tab.evaluate(
    (list) =>
      [...document.querySelectorAll(`${list} li[data-paper-id]`)]
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((row) => ({
          id: (row as HTMLElement).dataset.paperId ?? '',
          title: row.querySelector('a.title')?.textContent ?? '',
        })),
    'ul[aria-label="Papers"]',
  );
}

const pwned = (tab: Tab) => tab.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null, null);

export async function exportJson(tab: Tab): Promise<ExportFile> {
  await openMenu(tab);
  const file = await tab.download(EXPORT_BUTTON);
  expect(file.fileName).toMatch(/^papershelf-all-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(file.text);
}

/**
 * The shared scenarios, in one session of `launch`'s browser: each step starts from the library the one before
 * left, as a person's does.
 */
export function describeSharedScenarios(launch: () => Promise<ExtensionBrowser>) {
  let browser: ExtensionBrowser;
  const started = performance.now();

  const daily = dailyScreen();
  const weekly = weeklyScreen();
  const search = searchScreen();
  const single = paperScreen();
  const screensSeen: Screen[] = [];

  beforeAll(async () => {
    browser = await launch();
    await browser.serveHfSite({
      [daily.path]: withSpaNavigation(daily.html, { Weekly: weekly.view }),
      [search.path]: search.html,
      [single.path]: single.html,
    });
  });
  afterAll(async () => {
    await browser?.close();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${browser?.name} ${browser?.version} shared scenarios wall time: ${seconds} s`);
  });

  /** Waits until the popup (reloaded as needed) says the library holds `count` papers. */
  async function expectLibraryCount(count: number) {
    const popup = await browser.openExtensionPage('popup');
    let shown: string | null = null;
    await expect
      .poll(
        async () => {
          if (shown !== null) await popup.reload();
          // "Loading…" until the count is known; a long write can hold it back.
          shown = await popup.text(COUNT);
          return shown;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(papersText(count));
    await popup.close();
  }

  async function visit(tab: Tab, screen: Screen) {
    expect(await tab.goto(HF_ORIGIN + screen.path), screen.path).toBe(200);
    screensSeen.push(screen);
    await expectLibraryCount(expectedLibrary(screensSeen).size);
  }

  it('keeps every paper of the pages browsed, shown in the popup with its title', async () => {
    const firstPopup = await browser.openExtensionPage('popup');
    await expect.poll(() => firstPopup.text(COUNT), WAIT).toBe('0 papers');
    await firstPopup.close();

    // One tab per page, as people browse; the daily tab stays open for the in-page navigation.
    const dailyTab = await browser.newTab();
    await visit(dailyTab, daily);
    for (const screen of [search, single]) {
      const tab = await browser.newTab();
      await visit(tab, screen);
      await tab.close();
    }

    // Hugging Face's Weekly tab changes the address and the cards without loading a page.
    await dailyTab.click({ css: 'button', text: 'Weekly' });
    await expect
      .poll(() => dailyTab.evaluate(() => document.documentElement.dataset.spaSettled ?? null, null), WAIT)
      .toBe(weekly.path);
    expect(new URL(await dailyTab.url()).pathname).toBe(weekly.path);
    screensSeen.push(weekly);
    await expectLibraryCount(expectedLibrary(screensSeen).size);
    expect(await pwned(dailyTab)).toBeNull();
    await dailyTab.close();

    // Coming back to the daily list is a new visit, so a new view: its papers are seen again, now. The count cannot
    // show it: the export can, once the library has every daily paper seen again since then.
    const revisitStarted = Math.floor(Date.now() / 1000) * 1000; // whole seconds, whatever precision the library keeps
    const revisitTab = await browser.newTab();
    await visit(revisitTab, daily);
    const expected = expectedLibrary(screensSeen);
    const popup = await browser.openExtensionPage('popup');
    const seenAgain = (file: ExportFile) =>
      daily.papers.every((shown) => {
        const paper = file.papers.find((candidate) => candidate.id === shown.id);
        return paper !== undefined && Date.parse(paper.lastSeenAt) >= revisitStarted;
      });
    const reExported = async () => {
      await popup.reload();
      return exportJson(popup);
    };
    expect(seenAgain(await eventually(reExported, seenAgain))).toBe(true);
    await revisitTab.close();

    await expect.poll(() => popup.text(COUNT), WAIT).toBe(papersText(expected.size));
    // The rows come after the count.
    await expect.poll(async () => (await shownRows(popup)).length, WAIT).toBeGreaterThan(0);
    const rows = await shownRows(popup);
    for (const row of rows) expect(row.title, row.id).toBe(expected.get(row.id)?.title);
    await popup.close();
  });

  it('finds a paper by a word of its title, and shows markup in a title as text', async () => {
    const expected = [...expectedLibrary(screensSeen).values()];
    const popup = await browser.openExtensionPage('popup');
    const target = distinctiveTitleWord(daily.papers, expected);
    await popup.fill(SEARCH, target.word);
    await expect
      .poll(async () => (await shownRows(popup))[0], WAIT)
      .toEqual({
        id: target.paper.id,
        title: target.paper.title,
      });

    const injection = weekly.papers.find((paper) => paper.title.includes(INJECTION_PAYLOAD)) as ShownPaper;
    await popup.fill(SEARCH, INJECTION_WORD);
    await expect
      .poll(async () => (await shownRows(popup))[0], WAIT)
      .toEqual({
        id: injection.id,
        title: injection.title,
      });
    expect(await popup.evaluate(() => document.querySelectorAll('img[src="x"]').length, null)).toBe(0);
    expect(await pwned(popup)).toBeNull();
    await popup.close();
  });

  it('exports every paper once, with its source text and how many views it was in (the daily list’s two)', async () => {
    const expected = expectedLibrary(screensSeen);
    const popup = await browser.openExtensionPage('popup');
    await expect.poll(() => popup.text(COUNT), WAIT).toBe(papersText(expected.size));
    const file = await exportJson(popup);
    await popup.close();

    expectExportOf(file, expected);
  });

  // On the full page: in Firefox the popup closes as soon as a file picker opens.
  it('restores, on the full page, exactly the library it exported, stars, tags and notes included', async () => {
    const size = expectedLibrary(screensSeen).size;
    const page = await browser.openExtensionPage('library');
    await expect.poll(() => page.text(COUNT), WAIT).toBe(papersText(size));

    await expect.poll(async () => (await shownRows(page)).length, WAIT).toBeGreaterThan(0);
    const row = `li[data-paper-id="${(await shownRows(page))[0].id}"]`;
    await page.click(`${row} button.star`);
    await openRowMenu(page, row);
    await page.click(`${row} button.edit`);
    await page.fill('dialog[aria-labelledby="annotate-title"] input[type="text"]', 'to-read, survey');
    await page.fill('dialog[aria-labelledby="annotate-title"] textarea', 'Compare with last week’s paper.');
    await page.click('dialog[aria-labelledby="annotate-title"] button[type="submit"]');
    const annotated = (file: ExportFile) =>
      file.papers.filter((paper) => paper.starred && paper.tags.join() === 'to-read,survey' && paper.note).length;
    let before = await exportJson(page);
    await expect
      .poll(async () => {
        if (!annotated(before)) before = await exportJson(page);
        return annotated(before);
      }, WAIT)
      .toBe(1);
    expect(before.count).toBe(size);

    await page.click({ css: '.tools summary', text: 'Library tools' });
    await page.click({ css: '.tools button', text: 'Clear everything' });
    await page.click({ css: 'dialog button', text: 'Delete everything' });
    await expect.poll(() => page.text(COUNT), WAIT).toBe('0 papers');

    const backup = join(tmpdir(), `papershelf-${browser.name}-backup.json`);
    await writeFile(backup, JSON.stringify(before));
    await page.chooseFile(IMPORT_INPUT, backup);
    await expect.poll(() => page.text(IMPORT_STATUS), WAIT).toBe(`Imported: ${size} added, 0 updated, 0 skipped.`);
    await rm(backup);
    await expect.poll(() => page.text(COUNT), WAIT).toBe(papersText(size));

    const after = await exportJson(page);
    await page.close();
    const comparable = ({ exportedAt, ...file }: ExportFile) => {
      expect(Number.isNaN(Date.parse(exportedAt))).toBe(false);
      return { ...file, papers: [...file.papers].sort((a, b) => a.id.localeCompare(b.id)) };
    };
    expect(comparable(after)).toEqual(comparable(before));
  });

  it('made no network request of its own', async () => {
    expect(await browser.extensionRequests()).toEqual([]);
  });
}
