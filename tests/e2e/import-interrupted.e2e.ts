// An import whose window closes at each phase: while the page hands the file over in pieces, and while the
// background checks and saves it (with the background left running, and stopped too). Nothing is lost without a
// word: the next opening says what became of it and, when it did not land, offers the file again, and that retry
// imports it. (The window closed while the page still reads the file: the shared daily scenario, scenarios/daily.ts.)
import type { Page } from 'playwright-core';
import { toExportDocument } from '@/lib/io/export-json';
import type { Paper } from '@/lib/paper';
import type { ImportStatus } from '@/lib/settings';
import { syntheticLibrary } from '../../bench/synthetic-library';
import { type ExtensionSession, launchExtension } from './harness';
import { chooseImport, expectLibraryCount, imported, openPopup, tempFile } from './popup';

const WAIT = { timeout: 20_000 };

/** The little of Chromium's extension API these tests call in the extension's own pages and worker. */
interface WebExtensionApi {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
}

/** `count` papers of ids of their own (`series` keeps each test's apart), written to a backup file. */
async function backupFile(name: string, count: number, series: number): Promise<{ path: string; papers: Paper[] }> {
  const papers = syntheticLibrary(count, Date.now(), 30).map((paper, index) => ({
    ...paper,
    id: `2612.${String(series * 10_000 + index).padStart(5, '0')}`,
  }));
  return { path: await tempFile(name, JSON.stringify(toExportDocument(papers, new Date().toISOString()))), papers };
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

describe('an import whose window closes before it lands', () => {
  let session: ExtensionSession;
  let shelf = 0; // papers in the library so far
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(() => session?.close());

  it('while the file is handed over in pieces: the next opening says it was interrupted, and the retry imports it', async () => {
    const { path, papers } = await backupFile('handed-over.json', 5, 1);
    const popup = await openPopup(session);
    // The first piece reaches the background; its answer never comes back, as when the window closes between pieces.
    await popup.evaluate(() => {
      const { runtime } = (globalThis as unknown as WebExtensionApi).chrome;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message) => {
        if ((message as { type?: string }).type !== 'importChunk') return send(message);
        return send(message).then(() => {
          document.documentElement.dataset.pieceHandedOver = 'yes';
          return new Promise(() => {});
        });
      };
    });
    await chooseImport(popup, path);
    await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.pieceHandedOver), WAIT).toBe('yes');
    expect(await backgroundStatus(session)).toMatchObject({ fileName: 'handed-over.json', phase: 'receiving' });
    await popup.close();

    const next = await openPopup(session);
    await expect
      .poll(() => next.locator('.import-status').textContent(), WAIT)
      .toBe(
        'Nothing imported from handed-over.json: the import was interrupted: the window closed before the file was handed over; nothing of it was saved. Choose it again to retry.',
      );
    await expectLibraryCount(session, shelf);
    await retryWith(next, path);
    await expect.poll(() => imported(next).textContent(), WAIT).toBe('Imported: 5 added, 0 updated, 0 skipped.');
    shelf += papers.length;
    await expectLibraryCount(session, shelf);
    await next.close();
  });

  it('while the background checks and saves it: the import goes on, and the next opening says what it added', async () => {
    const { path, papers } = await backupFile('saved-meanwhile.json', 3_000, 2);
    const popup = await openPopup(session);
    await chooseImport(popup, path);
    await popup.locator('.import-status', { hasText: /^(Checking|Saving)/ }).waitFor({ timeout: 30_000 });
    await popup.close();
    // Closed while the background was still at it.
    expect(['checking', 'writing']).toContain((await backgroundStatus(session))?.phase);

    const next = await openPopup(session);
    await expect
      .poll(() => next.locator('.import-status').textContent(), { timeout: 120_000 })
      .toBe('Imported: 3,000 added, 0 updated, 0 skipped.');
    shelf += papers.length;
    await expectLibraryCount(session, shelf, 30_000);
    await next.close();
  });

  it('while the background saves it and the browser stops the background too: told as interrupted, and retried', async () => {
    const { path, papers } = await backupFile('stopped-meanwhile.json', 3_000, 3);
    const popup = await openPopup(session);
    await chooseImport(popup, path);
    await popup.locator('.import-status', { hasText: /^(Checking|Saving)/ }).waitFor({ timeout: 30_000 });
    await popup.close();
    expect(['checking', 'writing']).toContain((await backgroundStatus(session))?.phase);
    await session.stopServiceWorker({ ifRunning: true });

    const next = await openPopup(session);
    await expect
      .poll(() => next.locator('.import-status').textContent(), { timeout: 30_000 })
      .toBe(
        'Nothing imported from stopped-meanwhile.json: the import was interrupted (the browser stopped the extension’s background); nothing of it was saved. Choose it again to retry.',
      );
    // The import's one transaction went whole or not at all; the retry brings all of it either way.
    await retryWith(next, path);
    await expect.poll(() => imported(next).textContent(), { timeout: 120_000 }).toMatch(/^Imported: (3,000|0) added, /);
    shelf += papers.length;
    await expectLibraryCount(session, shelf, 30_000);
    await next.close();
  });
});
