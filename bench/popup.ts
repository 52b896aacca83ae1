// The popup measured where it runs: the built extension in headless Chromium, with a large library imported.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { toExportDocument } from '@/lib/io/export-json';
import { type ExtensionSession, launchExtension } from '../tests/e2e/harness';
import { chooseImport, imported, tempFile } from '../tests/e2e/popup';
import { timeOnce } from './measure';
import { syntheticLibrary } from './synthetic-library';

const QUERIES = [
  'diffusion',
  'reinforcment',
  'parameter efficient',
  'speculative decod',
  'graph',
  'llm agents',
  'benchmark',
  'merging',
];

/** Opens the popup; resolves with the time until its first row is on screen. */
async function openPopup(session: ExtensionSession): Promise<{ page: Page; firstPaint: number }> {
  const page = await session.context.newPage();
  const firstPaint = await timeOnce(async () => {
    await page.goto(session.popupUrl);
    await page.locator('li[data-paper-id]').first().waitFor({ timeout: 120_000 });
  });
  return { page, firstPaint };
}

async function searchFor(page: Page, query: string): Promise<number> {
  return timeOnce(async () => {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(query);
    await page.locator(`main[data-results-for="${query}"]`).waitFor({ timeout: 300_000 });
  });
}

/** Waits until the background has saved a search index snapshot of the whole library. */
async function snapshotSaved(page: Page, size: number) {
  for (;;) {
    const count = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('papershelf');
          open.onsuccess = () => {
            const read = open.result.transaction('meta').objectStore('meta').get('searchIndex');
            read.onsuccess = () => {
              resolve(read.result?.count ?? 0);
              open.result.close();
            };
          };
        }),
    );
    if (count === size) return;
    await page.waitForTimeout(2_000);
  }
}

export async function measurePopup(size: number) {
  const papers = syntheticLibrary(size, Date.now(), 365);
  const file = await tempFile(
    `papershelf-bench-${size}.json`,
    JSON.stringify(toExportDocument(papers, new Date().toISOString())),
  );
  const session = await launchExtension();
  try {
    const importer = await session.context.newPage();
    await importer.goto(session.popupUrl);
    const importTime = await timeOnce(async () => {
      await chooseImport(importer, file);
      await imported(importer).waitFor({ timeout: 600_000 });
    });
    await importer.close();

    // Right after the import the background is still indexing it.
    const busy = await openPopup(session);
    await busy.page.close();
    const settle = await session.context.newPage();
    await settle.goto(session.popupUrl);
    await snapshotSaved(settle, size);
    await settle.close();

    // The everyday case: a worker Chrome has stopped, woken by opening the popup.
    await session.stopServiceWorker();
    const { page, firstPaint } = await openPopup(session);
    const topicsShown = timeOnce(() => page.getByRole('list', { name: /^Trending/ }).waitFor({ timeout: 300_000 }));
    const complete = await timeOnce(() =>
      page
        .getByRole('button', { name: /^Export/ })
        .and(page.locator(':enabled'))
        .waitFor({ timeout: 120_000 }),
    );
    let quickSearch = 0;
    const coldSearch = await timeOnce(async () => {
      const started = performance.now();
      await page.getByRole('searchbox', { name: 'Search papers' }).fill('transformer');
      await page.locator('.quick-results, main[data-results-for="transformer"]').first().waitFor({ timeout: 300_000 });
      quickSearch = performance.now() - started;
      await page.locator('main[data-results-for="transformer"]').waitFor({ timeout: 300_000 });
    });
    const search: number[] = [];
    for (const query of [...QUERIES, ...QUERIES]) search.push(await searchFor(page, query));
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    const topics = await topicsShown;

    const exportTime = await timeOnce(() =>
      Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export/ }).click()]),
    );
    return {
      papers: size,
      importTime,
      firstPaintWhileIndexing: busy.firstPaint,
      firstPaint,
      complete: firstPaint + complete,
      coldSearch,
      quickSearch,
      search,
      topics: firstPaint + topics,
      exportTime,
    };
  } finally {
    await session.close();
  }
}
