// An import whose window closes while the background checks and saves it, and the browser then stops the background
// too (Chromium's service worker; only this harness can stop it). Nothing is lost without a word: the next opening
// says the import was interrupted and offers the file again, and that retry imports it. The window closed while the
// page reads the file, hands it over, or while the background saves it and goes on: scenarios/daily.ts, in both
// browsers.
import type { Page } from 'playwright-core';
import type { Paper } from '@/lib/paper';
import type { ImportStatus } from '@/lib/status';
import { syntheticLibrary } from '../../bench/synthetic-library';
import type { ExtensionSession } from './harness';
import { backupOf, chooseImport, expectLibraryCount, imported, openPopup, tempFile } from './popup';
import { launchedForSuite } from './suite';

/** The little of Chromium's extension API this test calls in the extension's worker. */
interface WebExtensionApi {
  chrome: {
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
}

/** `count` papers of ids of their own (`series` keeps each test's apart), written to a backup file. */
async function backupFile(name: string, count: number, series: number): Promise<{ path: string; papers: Paper[] }> {
  const papers = syntheticLibrary(count, Date.now(), 30).map((paper, index) => ({
    ...paper,
    id: `2612.${String(series * 10_000 + index).padStart(5, '0')}`,
  }));
  return { path: await tempFile(name, backupOf(papers)), papers };
}

/** Where the background says the import stands now, read in the background itself. */
function backgroundStatus(session: ExtensionSession): Promise<ImportStatus | undefined> {
  return session.serviceWorker.evaluate(
    async () =>
      (await (globalThis as unknown as WebExtensionApi).chrome.storage.local.get('importStatus')).importStatus as
        | ImportStatus
        | undefined,
  );
}

/** Clicks the offer to retry and chooses `path` in the file chooser it opens. */
async function retryWith(popup: Page, path: string) {
  const [chooser] = await Promise.all([
    popup.waitForEvent('filechooser'),
    popup.getByRole('button', { name: 'Choose the file again' }).click(),
  ]);
  await chooser.setFiles(path);
}

describe('an import whose window closes, and whose background is stopped, while it is saved', () => {
  const session = launchedForSuite();

  it('while the background saves it and the browser stops the background too: told as interrupted, and retried', async () => {
    const { path, papers } = await backupFile('stopped-meanwhile.json', 3_000, 3);
    const popup = await openPopup(session());
    await chooseImport(popup, path);
    await popup.locator('.import-status', { hasText: /^(Checking|Saving)/ }).waitFor({ timeout: 30_000 });
    await popup.close();
    expect(['checking', 'writing']).toContain((await backgroundStatus(session()))?.phase);
    await session().stopServiceWorker({ ifRunning: true });

    const next = await openPopup(session());
    await expect
      .poll(() => next.locator('.import-status').textContent(), { timeout: 30_000 })
      .toBe(
        'Nothing imported from stopped-meanwhile.json: the import was interrupted (the browser stopped the extension’s background); nothing of it was saved. Choose it again to retry.',
      );
    // The import's one transaction went whole or not at all; the retry brings all of it either way.
    await retryWith(next, path);
    await expect.poll(() => imported(next).textContent(), { timeout: 120_000 }).toMatch(/^Imported: (3,000|0) added, /);
    await expectLibraryCount(session(), papers.length, 30_000);
    await next.close();
  });
});
