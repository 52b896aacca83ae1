// The toolbar icon's count, written once for every browser (../action-badge.e2e.ts in Chromium,
// ../firefox/action-badge.firefox.ts in Firefox ESR): the papers first seen today, not those an import brings from
// earlier days; gone when the setting is off, back when it is on again.
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HF_ORIGIN } from '@/lib/arxiv';
import { toExportDocument } from '@/lib/io/export-json';
import { syntheticLibrary } from '../../../bench/synthetic-library';
import { dailyScreen } from '../hf-site';
import type { ExtensionBrowser, Tab } from './driver';
import { openMenu } from './menus';

const WAIT = { timeout: 15_000, interval: 200 };
const COUNT = 'output[aria-label="Paper count"]';
const SETTING = '.toolbar-badge input[type="checkbox"]';

/** The badge's text as the browser holds it, asked of an extension page: Chrome's `action`, Firefox's `browserAction`. */
export function badgeText(tab: Tab): Promise<string> {
  return tab.evaluate(() => {
    type Action = { getBadgeText(details: object): Promise<string> };
    const api = globalThis as unknown as { chrome?: { action?: Action }; browser?: { browserAction?: Action } };
    const action = api.chrome?.action ?? api.browser?.browserAction;
    if (!action) throw new Error('no toolbar button API on this page');
    return action.getBadgeText({});
  }, null);
}

export function describeActionBadgeScenario(launch: () => Promise<ExtensionBrowser>) {
  let browser: ExtensionBrowser;
  const daily = dailyScreen();
  const dailyCount = new Set(daily.papers.map((paper) => paper.id)).size;
  const older = syntheticLibrary(30, Date.now() - 3 * 86_400_000, 2);
  const file = join(tmpdir(), `papershelf-badge-${process.pid}.json`);

  beforeAll(async () => {
    browser = await launch();
    await browser.serveHfSite({ [daily.path]: daily.html });
    await writeFile(file, JSON.stringify(toExportDocument(older, new Date().toISOString())));
  });
  afterAll(async () => {
    await browser?.close();
    await rm(file, { force: true });
  });

  it('counts the papers first seen today, not older ones imported, and goes away when turned off', async () => {
    // On the full page: in Firefox a popup closes as soon as a file picker opens.
    const page = await browser.openExtensionPage('library');
    await expect.poll(() => page.text(COUNT), WAIT).toBe('0 papers');
    expect(await badgeText(page)).toBe('');
    await page.chooseFile('.import input[type="file"]', file);
    await expect
      .poll(() => page.text('.import-status'), WAIT)
      .toBe(`Imported: ${older.length} added, 0 updated, 0 skipped.`);
    await expect.poll(() => page.text(COUNT), WAIT).toBe(`${older.length} papers`);

    const tab = await browser.newTab();
    expect(await tab.goto(HF_ORIGIN + daily.path)).toBe(200);
    // Today's papers only: the imported ones were first seen days ago.
    await expect.poll(() => badgeText(page), WAIT).toBe(String(dailyCount));
    await tab.close();

    const popup = await browser.openExtensionPage('popup');
    await openMenu(popup);
    const checked = () => popup.evaluate((css) => document.querySelector<HTMLInputElement>(css)?.checked, SETTING);
    // The menu's panel loads when first opened: its setting is there, and on, once it has.
    await expect.poll(checked, WAIT).toBe(true);
    await popup.click(SETTING);
    await expect.poll(() => badgeText(popup), WAIT).toBe('');
    expect(await checked()).toBe(false);
    await popup.click(SETTING);
    await expect.poll(() => badgeText(popup), WAIT).toBe(String(dailyCount));
    await popup.close();
    await page.close();
  });
}
