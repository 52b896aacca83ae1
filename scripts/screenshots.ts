// npm run screenshots — the popup and the full page with a realistic library, light and dark, into docs/.
import { join, resolve } from 'node:path';
import { toExportDocument } from '@/lib/io/export-json';
import { syntheticLibrary } from '../bench/synthetic-library';
import { launchExtension } from '../tests/e2e/harness';
import { readSeedPapers, SEED_FILES } from '../tests/helpers/seed-library';
import { chooseImport, imported, tempFile } from '../tests/e2e/popup';

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
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(session.popupUrl);
    await page.getByRole('list', { name: /^Trending/ }).waitFor();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('reward');
    await page.locator('main[data-results-for="reward"]').waitFor();
    await page.screenshot({ path: join(DOCS, `popup-${scheme}.png`) });
    console.log(`docs/popup-${scheme}.png`);
  }
  // The full page: list and a paper's detail side by side, filters, topics.
  const full = await session.context.newPage();
  await full.setViewportSize({ width: 1280, height: 800 });
  for (const scheme of ['light', 'dark'] as const) {
    await full.emulateMedia({ colorScheme: scheme });
    await full.goto(session.libraryUrl);
    await full.getByRole('list', { name: /^Trending/ }).waitFor();
    await full.locator('li[data-paper-id]').nth(1).getByRole('button', { name: 'Details' }).click();
    await full.locator('section.detail').waitFor();
    await full.screenshot({ path: join(DOCS, `library-${scheme}.png`) });
    console.log(`docs/library-${scheme}.png`);
  }
} finally {
  await session.close();
}
