// npm run screenshots — the popup (as it opens at 440 px, and searched) and the full page with a realistic library,
// and a daily page with "already seen" badges, light and dark, into docs/.
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { toExportDocument } from '@/lib/io/export-json';
import { syntheticLibrary } from '../bench/synthetic-library';
import { launchExtension } from '../tests/e2e/harness';
import { dailyScreen, serveHfSite } from '../tests/e2e/hf-site';
import { serveHfStyles } from '../tests/e2e/hf-style';
import { chooseImport, imported, tempFile } from '../tests/e2e/popup';
import { cardsHtml } from '../tests/helpers/island';
import { readSeedPapers, SEED_FILES } from '../tests/helpers/seed-library';

const DOCS = resolve(import.meta.dirname, '../docs');
// Real titles and abstracts (the seed pages), each once, with dates, authors and counts from the synthetic library.
const texts = SEED_FILES.flatMap(readSeedPapers);
const library = syntheticLibrary(texts.length, Date.now(), 45).map((paper, index) => ({
  ...paper,
  title: texts[index].title,
  abstract: texts[index].abstract,
  ...(index % 17 === 0 ? { starred: true, tags: ['to-read'] } : {}),
}));
const file = await tempFile(
  'papershelf-screenshots.json',
  JSON.stringify(toExportDocument(library, new Date().toISOString())),
);

const session = await launchExtension();
try {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 440, height: 590 });
  await page.goto(session.popupUrl);
  await chooseImport(page, file);
  await imported(page).waitFor({ timeout: 120_000 });
  await popupAsOpened(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(session.popupUrl);
    await page.getByRole('list', { name: /^Trending/ }).waitFor();
    // The import's report is shown again on each opening until dismissed in it.
    await page.getByRole('button', { name: 'Dismiss the import report' }).click();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('reward');
    await page.locator('main[data-results-for="reward"]').waitFor();
    await page.screenshot({ path: join(DOCS, `popup-${scheme}.png`) });
    console.log(`docs/popup-${scheme}.png`);
    // For you, learned from the starred papers of the library (the background ranks them after the import).
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    await page.getByRole('button', { name: 'For you' }).click();
    await page
      .getByRole('list', { name: /^For you/ })
      .locator('li')
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(DOCS, `for-you-${scheme}.png`) });
    console.log(`docs/for-you-${scheme}.png`);
    // A suggestion's detail, scrolled to its Similar papers.
    await page.locator('.suggestion-title').first().click();
    const similar = page.getByRole('list', { name: /^Similar papers/ });
    await similar.locator('li').first().waitFor();
    await page.locator('#similar-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(DOCS, `similar-${scheme}.png`) });
    console.log(`docs/similar-${scheme}.png`);
  }
  // The full page: list and a paper's detail side by side, filters, topics.
  const full = await session.context.newPage();
  await full.setViewportSize({ width: 1280, height: 800 });
  for (const scheme of ['light', 'dark'] as const) {
    await full.emulateMedia({ colorScheme: scheme });
    await full.goto(session.libraryUrl);
    await full.getByRole('list', { name: /^Trending/ }).waitFor();
    await full.locator('li[data-paper-id]').nth(1).locator('a.title').click();
    await full.locator('section.detail').waitFor();
    await full.screenshot({ path: join(DOCS, `library-${scheme}.png`) });
    console.log(`docs/library-${scheme}.png`);
  }
  await dailyPageWithBadges();
} finally {
  await session.close();
}

/**
 * The popup as it opens at Chrome's default size, light, everything closed: docs/popup-after-440.png (compare
 * docs/popup-before-440.png, the layout before), and how many paper rows it shows.
 */
async function popupAsOpened(page: Page) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(session.popupUrl);
  await page.getByRole('list', { name: /^Trending/ }).waitFor();
  await page.locator('li[data-paper-id]').first().waitFor();
  // A daily opening: the import's report and the first backup reminder were read and dismissed once.
  await page.getByRole('button', { name: 'Dismiss the import report' }).click();
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await page.locator('.import-status').waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Dismiss', exact: true }).waitFor({ state: 'detached' });
  await page.screenshot({ path: join(DOCS, 'popup-after-440.png') });
  const rows = await page.evaluate(() => {
    const list = (document.querySelector('ul[aria-label="Papers"]') as Element).getBoundingClientRect();
    const bottom = Math.min(list.bottom, window.innerHeight);
    const boxes = [...document.querySelectorAll('ul[aria-label="Papers"] li[data-paper-id]')].map((row) =>
      row.getBoundingClientRect(),
    );
    return {
      whole: boxes.filter((box) => box.top >= list.top - 0.5 && box.bottom <= bottom + 0.5).length,
      inPart: boxes.filter((box) => box.top < bottom && box.bottom > bottom + 0.5).length,
    };
  });
  console.log(`docs/popup-after-440.png: ${rows.whole} paper rows whole, ${rows.inPart} in part`);
}

/**
 * The 2024 daily list capture (with a stand-in for the site's stylesheet), seen once, then seen again with two
 * papers added since and one starred in between: badges on the papers seen before, none on the new ones.
 */
async function dailyPageWithBadges() {
  const daily = dailyScreen();
  // Each card of the list sits in a <div> of the card grid: the added ones come first.
  const added = texts
    .slice(0, 2)
    .map((text, index) => ({ paper: { id: `2408.0090${index}`, title: text.title, upvotes: 7 - index } }))
    .map((item) => `<div>${cardsHtml([item])}</div>`)
    .join('');
  const gridStart = /<div class="relative grid [^"]*">/;
  let secondVisit = false;
  await serveHfSite(session.context, {
    [daily.path]: () => (secondVisit ? daily.html.replace(gridStart, (start) => start + added) : daily.html),
  });
  await serveHfStyles(session.context);
  const tab = await session.context.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.goto(HF_ORIGIN + daily.path);
  await tab.waitForTimeout(1500);
  const popup = await session.context.newPage();
  await popup.goto(session.popupUrl);
  await popup.getByRole('searchbox', { name: 'Search papers' }).fill(daily.papers[0].title);
  await popup.getByRole('button', { name: `Star ${daily.papers[0].title}` }).click();
  await popup.close();
  secondVisit = true;
  await tab.reload();
  await tab.waitForFunction(
    (count) => document.querySelectorAll('papershelf-seen').length >= count,
    daily.papers.length,
  );
  const grid = tab.locator('article').first().locator('xpath=ancestor::div[contains(@class, "grid")][1]');
  await grid.scrollIntoViewIfNeeded();
  const box = await grid.boundingBox();
  if (!box) throw new Error('no card grid on the daily page');
  for (const scheme of ['light', 'dark'] as const) {
    await tab.emulateMedia({ colorScheme: scheme });
    // The site's own dark mode is a class on <html>.
    await tab.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), scheme === 'dark');
    // The badges follow the page's theme (see followPageTheme).
    await tab.waitForFunction(
      (theme) =>
        [...document.querySelectorAll('papershelf-seen')].every((host) => host.getAttribute('data-theme') === theme),
      scheme,
    );
    const clip = { x: box.x - 24, y: box.y - 24, width: box.width + 48, height: 840 };
    await tab.screenshot({ path: join(DOCS, `badges-${scheme}.png`), clip });
    console.log(`docs/badges-${scheme}.png`);
  }
}
