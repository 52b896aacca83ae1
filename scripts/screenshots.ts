// npm run screenshots — the popup with a realistic library, light and dark, into docs/.
import { join, resolve } from 'node:path';
import { toExportDocument } from '@/lib/io/export-json';
import { syntheticLibrary } from '../bench/synthetic-library';
import { launchExtension } from '../tests/e2e/harness';
import { chooseImport, imported, tempFile } from '../tests/e2e/popup';

const DOCS = resolve(import.meta.dirname, '../docs');
// As many papers as there are distinct seed texts, so no title repeats.
const library = syntheticLibrary(270, Date.now(), 45).map((paper, index) =>
  index % 17 === 0 ? { ...paper, starred: true, tags: ['to-read'] } : paper,
);
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
} finally {
  await session.close();
}
