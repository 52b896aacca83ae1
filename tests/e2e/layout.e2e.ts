// The popup at every size a browser gives it (Chrome sizes it to its content, up to 800 × 600; Firefox's overflow
// menu gives it less), light and dark, at 100 % and 125 % zoom: no control of its header cut, nothing scrolling
// sideways. And axe-core finds no serious or critical problem in the popup or the full page, light and dark.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { toExportDocument } from '@/lib/io/export-json';
import { syntheticLibrary } from '../../bench/synthetic-library';
import { type ExtensionSession, launchExtension } from './harness';
import { chooseImport, imported, openMenu, openPopup, openRowMenu, tempFile } from './popup';

const SCHEMES = ['light', 'dark'] as const;

/** What is cut in the popup's bars: a control outside its bar, a bar outside the popup, text wider than its box. */
function cutControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
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
        if (
          control.tagName !== 'INPUT' &&
          control.tagName !== 'SELECT' &&
          control.scrollWidth > control.clientWidth + 1
        )
          cut.push(`${name(control)} text wider than its box`);
      }
    }
    return cut;
  });
}

describe('the popup’s layout and accessibility', () => {
  let session: ExtensionSession;
  // Long titles and names, a starred and tagged paper: the rows' widest content.
  // Dated up to today's UTC midnight: topics are tallied by UTC day, so the same days (and the same rising topics,
  // which the checks need on screen) whatever the hour the test runs at.
  const papers = syntheticLibrary(120, new Date().setUTCHours(0, 0, 0, 0), 30).map((paper, index) =>
    index % 9 === 0
      ? { ...paper, starred: true, tags: ['to-read', 'survey'], readingState: 'to-read' as const }
      : paper,
  );

  beforeAll(async () => {
    session = await launchExtension();
    const popup = await openPopup(session);
    await chooseImport(
      popup,
      await tempFile('layout.json', JSON.stringify(toExportDocument(papers, new Date().toISOString()))),
    );
    await imported(popup).waitFor({ timeout: 30_000 });
    await popup.close();
  });
  afterAll(() => session?.close());

  it('cuts no control of its header at 360, 440 and 800 px wide, 600 tall, light and dark, 100 % and 125 %', async () => {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await page.goto(session.popupUrl);
    await page.locator('li[data-paper-id]').first().waitFor();
    await page.getByRole('list', { name: /^Trending/ }).waitFor();
    const found: string[] = [];
    for (const width of [360, 440, 800])
      for (const zoom of [1, 1.25])
        for (const scheme of SCHEMES) {
          // Zoomed, the same window holds fewer CSS pixels, each drawn larger: as the browser's zoom does.
          const cssWidth = Math.round(width / zoom);
          await cdp.send('Emulation.setDeviceMetricsOverride', {
            width: cssWidth,
            height: Math.round(600 / zoom),
            deviceScaleFactor: zoom,
            mobile: false,
          });
          await page.emulateMedia({ colorScheme: scheme });
          // The width the browser gives the popup (Chrome grows it to its content, at most 800 px).
          await page.evaluate((px) => document.documentElement.style.setProperty('--popup-width', `${px}px`), cssWidth);
          for (const problem of await cutControls(page)) found.push(`${width}px ${zoom * 100}% ${scheme}: ${problem}`);
        }
    expect(found).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility problem in the popup and the full page, light and dark', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const audit = async (page: Page, what: string) => {
      await page.evaluate(axeSource); // through the driver: the page's policy allows no inline script
      const violations = await page.evaluate(async () => {
        const { axe } = globalThis as unknown as {
          axe: {
            run: (
              context: Document,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        };
        return (await axe.run(document)).violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      return violations.map((violation) => `${what}: ${violation}`);
    };
    const found: string[] = [];
    for (const scheme of SCHEMES)
      for (const url of [session.popupUrl, session.libraryUrl]) {
        const page = await session.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        const row = page.locator('li[data-paper-id]').first();
        await row.waitFor();
        await page.getByRole('list', { name: /^Trending/ }).waitFor();
        const where = `${url.endsWith('popup.html') ? 'popup' : 'full page'} ${scheme}`;
        found.push(...(await audit(page, where)));
        // A topic chosen: its papers and its weekly chart.
        const topic = page
          .getByRole('list', { name: /^Trending/ })
          .getByRole('button')
          .first();
        await topic.click();
        await page.getByRole('img', { name: /^Weekly share/ }).waitFor();
        found.push(...(await audit(page, `${where}, a topic's chart shown`)));
        await topic.click();
        // The menus open, and a row shown as hovered: what they show is checked too.
        await row.hover();
        await openRowMenu(row);
        found.push(...(await audit(page, `${where}, a row's menu open`)));
        await openMenu(page);
        await page.getByRole('button', { name: /^Export/ }).waitFor();
        found.push(...(await audit(page, `${where}, the menu open`)));
        await page.close();
      }
    expect(found).toEqual([]);
  });
});
