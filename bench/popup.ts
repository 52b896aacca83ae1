// The popup measured where it runs: the built extension in headless Chromium, with a large library imported.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toExportDocument } from '@/lib/io/export-json';
import { launchExtension } from '../tests/e2e/harness';
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

export async function measurePopup(size: number) {
  const papers = syntheticLibrary(size, Date.now(), 365);
  const file = join(tmpdir(), `papershelf-bench-${size}.json`);
  await writeFile(file, JSON.stringify(toExportDocument(papers, new Date().toISOString())));
  const session = await launchExtension();
  try {
    const popup = await session.context.newPage();
    await popup.goto(session.popupUrl);
    let start = performance.now();
    await popup.getByLabel(/^Import/).setInputFiles(file);
    await popup.locator('.import-status', { hasText: /^Imported/ }).waitFor({ timeout: 600_000 });
    const importTime = performance.now() - start;
    await popup.close();

    const page = await session.context.newPage();
    start = performance.now();
    await page.goto(session.popupUrl);
    await page.locator('li[data-paper-id]').first().waitFor();
    const firstPaint = performance.now() - start;
    await page
      .getByRole('button', { name: /^Export/ })
      .and(page.locator(':enabled'))
      .waitFor({ timeout: 120_000 });
    const complete = performance.now() - start;

    const box = page.getByRole('searchbox', { name: 'Search papers' });
    // The first query after the popup opens may wait for the worker to load its index snapshot.
    let began = performance.now();
    await box.fill('transformer');
    await page.locator('main[data-results-for="transformer"]').waitFor({ timeout: 120_000 });
    const coldSearch = performance.now() - began;
    const search: number[] = [];
    for (const query of [...QUERIES, ...QUERIES]) {
      began = performance.now();
      await box.fill(query);
      await page.locator(`main[data-results-for="${query}"]`).waitFor({ timeout: 60_000 });
      search.push(performance.now() - began);
    }
    await box.fill('');

    start = performance.now();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export/ }).click()]);
    const exportTime = performance.now() - start;
    return { papers: size, importTime, firstPaint, complete, coldSearch, search, exportTime };
  } finally {
    await session.close();
  }
}
