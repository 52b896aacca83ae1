// The popup at every size a browser gives it (Chrome sizes it to its content, up to 800 × 600; Firefox's overflow
// menu gives it less), light and dark, at 100 % and 125 % zoom: no control of its header cut, nothing scrolling
// sideways. And axe-core finds no serious or critical problem in the popup or the full page, light and dark.
// The checks are those of the scenario Firefox runs (scenarios/layout.ts), here in one Chromium session.
import type { Page } from 'playwright-core';
import { AXE_SOURCE, axeInPage } from './axe';
import { backupOf, importAndWait, openMenu, openPopup, openRowMenu } from './popup';
import * as layout from './scenarios/layout';
import { launchedForSuite } from './suite';

describe('the popup’s layout and accessibility', () => {
  const papers = layout.layoutLibrary();

  const session = launchedForSuite(async (session) => {
    const popup = await openPopup(session);
    await importAndWait(popup, 'layout.json', backupOf(papers));
    await popup.close();
  });

  it('cuts no control of its header at 360, 440 and 800 px wide, 600 tall, light and dark, 100 % and 125 %', async () => {
    const page = await session().context.newPage();
    const cdp = await session().context.newCDPSession(page);
    await page.goto(session().popupUrl);
    await page.locator('li[data-paper-id]').first().waitFor();
    await page.getByRole('list', { name: /^Trending/ }).waitFor();
    const found: string[] = [];
    for (const width of layout.POPUP_WIDTHS)
      for (const zoom of layout.ZOOMS)
        for (const scheme of layout.SCHEMES) {
          // Zoomed, the same window holds fewer CSS pixels, each drawn larger: as the browser's zoom does.
          const cssWidth = Math.round(width / zoom);
          await cdp.send('Emulation.setDeviceMetricsOverride', {
            width: cssWidth,
            height: Math.round(layout.POPUP_HEIGHT / zoom),
            deviceScaleFactor: zoom,
            mobile: false,
          });
          await page.emulateMedia({ colorScheme: scheme });
          // The width the browser gives the popup (Chrome grows it to its content, at most 800 px).
          await page.evaluate(layout.setPopupWidth, cssWidth);
          for (const problem of await page.evaluate(layout.findCutControls))
            found.push(`${width}px ${zoom * 100}% ${scheme}: ${problem}`);
        }
    expect(found).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility problem in the popup and the full page, light and dark', async () => {
    const audit = async (page: Page, what: string) => {
      await page.evaluate(AXE_SOURCE); // through the driver: the page's policy allows no inline script
      const { problems } = await page.evaluate(axeInPage, { selector: null, rules: null });
      return problems.map((problem) => `${what}: ${problem}`);
    };
    const found: string[] = [];
    for (const scheme of layout.SCHEMES)
      for (const url of [session().popupUrl, session().libraryUrl]) {
        const page = await session().context.newPage();
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
