// The popup's layout and accessibility, written once for every browser (../layout.e2e.ts runs the same checks in
// Chromium with its own emulation; ../firefox/layout.firefox.ts runs this scenario in Firefox ESR): at every width
// a browser gives the popup, light and dark, 100 % and 125 % zoom, no control of its bars is cut; axe-core finds no
// serious or critical problem in the popup or the full page, their menus open.
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toExportDocument } from '@/lib/io/export-json';
import { syntheticLibrary } from '../../../bench/synthetic-library';
import { AXE_SOURCE, axeInPage } from '../axe';
import { eventually } from '../popup';
import type { ExtensionBrowser, LaunchOptions, Tab } from './driver';
import { openMenu, openRowMenu } from './menus';

export const SCHEMES = ['light', 'dark'] as const;
/** Chrome's popup grows to its content up to 800 × 600; Firefox's overflow menu gives it less. */
export const POPUP_WIDTHS = [360, 440, 800];
export const POPUP_HEIGHT = 600;
export const ZOOMS = [1, 1.25];

/**
 * Run in the popup (a serialisable function): what is cut in its bars, a control outside its bar, a bar outside the
 * popup, text wider than its box.
 */
export function findCutControls(): string[] {
  const cut: string[] = [];
  const name = (element: Element) =>
    `${element.tagName.toLowerCase()}.${element.className || ''} “${(element.textContent ?? '').trim().slice(0, 30)}”`;
  const inside = (inner: DOMRect, outer: DOMRect) =>
    inner.left >= outer.left - 0.5 &&
    inner.right <= outer.right + 0.5 &&
    inner.top >= outer.top - 0.5 &&
    inner.bottom <= outer.bottom + 0.5;
  const app = (document.querySelector('.app') as Element).getBoundingClientRect();
  if (app.right > window.innerWidth + 0.5) cut.push(`the popup is ${app.width}px in a ${window.innerWidth}px view`);
  if (document.documentElement.scrollWidth > window.innerWidth) cut.push('the page scrolls sideways');
  for (const bar of document.querySelectorAll('.app-header, .toolbar, .shelves, .topics-head')) {
    const box = bar.getBoundingClientRect();
    if (!inside(box, app)) cut.push(`${name(bar)} outside the popup`);
    for (const control of bar.querySelectorAll('h1, output, label, button, a, select, input, summary')) {
      const rect = control.getBoundingClientRect();
      if (rect.width <= 1 || control.closest('.visually-hidden')) continue; // not shown, by design
      // A topic past the one line is hidden whole, by design; one that shows must show whole.
      const clip = control.closest('.topic-list');
      if (clip) {
        const line = clip.getBoundingClientRect();
        const shows = rect.bottom > line.top && rect.top < line.bottom && rect.right > line.left;
        if (shows && !inside(rect, line)) cut.push(`${name(control)} cut by the topic line`);
        continue;
      }
      if (!inside(rect, box)) cut.push(`${name(control)} overflows ${name(bar)}`);
      if (control.tagName !== 'INPUT' && control.tagName !== 'SELECT' && control.scrollWidth > control.clientWidth + 1)
        cut.push(`${name(control)} text wider than its box`);
    }
  }
  return cut;
}

/** Run in the popup: sets the width the browser gives it (Chrome grows it to its content, at most 800 px). */
export function setPopupWidth(px: number) {
  document.documentElement.style.setProperty('--popup-width', `${px}px`);
}

/**
 * A library with long titles and names and some starred, tagged, queued papers: the rows' widest content. Dated up
 * to today's UTC midnight: topics are tallied by UTC day, so the same days (and the same rising topics, which the
 * checks need on screen) whatever the hour the test runs at.
 */
export function layoutLibrary() {
  return syntheticLibrary(120, new Date().setUTCHours(0, 0, 0, 0), 30).map((paper, index) =>
    index % 9 === 0
      ? { ...paper, starred: true, tags: ['to-read', 'survey'], readingState: 'to-read' as const }
      : paper,
  );
}

const WAIT = { timeout: 30_000, interval: 200 };
const ROW = 'li[data-paper-id]';
const TRENDING = 'ul[aria-label^="Trending"]';

/** Waits until the page shows its rows and its topics. */
async function ready(tab: Tab) {
  const shown = (css: string) => tab.evaluate((query) => document.querySelector(query) !== null, css);
  await expect.poll(() => shown(ROW), WAIT).toBe(true);
  await expect.poll(() => shown(TRENDING), WAIT).toBe(true);
}

async function audit(tab: Tab, what: string): Promise<string[]> {
  await tab.addScript(AXE_SOURCE);
  const { problems } = await tab.evaluate(axeInPage, { selector: null, rules: null });
  return problems.map((problem) => `${what}: ${problem}`);
}

/** The scenario, one browser session per colour scheme (a scheme is chosen when the browser starts). */
export function describeLayoutScenario(launch: (options: LaunchOptions) => Promise<ExtensionBrowser>) {
  for (const colorScheme of SCHEMES)
    describe(`in ${colorScheme} mode`, () => {
      let browser: ExtensionBrowser;
      const file = join(tmpdir(), `papershelf-layout-${process.pid}-${colorScheme}.json`);

      beforeAll(async () => {
        browser = await launch({ colorScheme });
        const papers = layoutLibrary();
        await writeFile(file, JSON.stringify(toExportDocument(papers, new Date().toISOString())));
        // On the full page: in Firefox a popup closes as soon as a file picker opens.
        const page = await browser.openExtensionPage('library');
        await page.chooseFile('.import input[type="file"]', file);
        const done = `Imported: ${papers.length} added, 0 updated, 0 skipped.`;
        const status = await eventually(
          () => page.text('.import-status'),
          (text) => text === done,
          WAIT.timeout,
        );
        expect(status).toBe(done);
        await page.close();
      });
      afterAll(async () => {
        await browser?.close();
        await rm(file, { force: true });
      });

      it('cuts no control of the popup’s header at 360, 440 and 800 px wide, 600 tall, 100 % and 125 %', async () => {
        const popup = await browser.openExtensionPage('popup');
        await ready(popup);
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches, null)).toBe(
          colorScheme === 'dark',
        );
        const found: string[] = [];
        for (const width of POPUP_WIDTHS)
          for (const zoom of ZOOMS) {
            await popup.setViewport({ width, height: POPUP_HEIGHT, zoom });
            // The emulation took: so many CSS pixels, each so many device pixels wide.
            expect(await popup.evaluate(() => [innerWidth, devicePixelRatio], null)).toEqual([
              Math.round(width / zoom),
              zoom,
            ]);
            await popup.evaluate(setPopupWidth, Math.round(width / zoom));
            for (const problem of await popup.evaluate(findCutControls, null))
              found.push(`${width}px ${zoom * 100}%: ${problem}`);
          }
        expect(found).toEqual([]);
        await popup.close();
      });

      it('has no serious or critical accessibility problem in the popup and the full page, menus open', async () => {
        const found: string[] = [];
        for (const which of ['popup', 'library'] as const) {
          const page = await browser.openExtensionPage(which);
          await ready(page);
          const where = which === 'popup' ? 'popup' : 'full page';
          found.push(...(await audit(page, where)));
          await openRowMenu(page, ROW);
          found.push(...(await audit(page, `${where}, a row's menu open`)));
          await openMenu(page);
          await expect
            .poll(() => page.evaluate(() => document.querySelector('.export button') !== null, null), WAIT)
            .toBe(true);
          found.push(...(await audit(page, `${where}, the menu open`)));
          await page.close();
        }
        expect(found).toEqual([]);
      });
    });
}
