// The toolbar icon's count: papers first seen today (not those an import brings from earlier days), gone when the
// setting is off, back when it is on again.
import { HF_ORIGIN } from '@/lib/arxiv';
import { toExportDocument } from '@/lib/io/export-json';
import { syntheticLibrary } from '../../bench/synthetic-library';
import { type ExtensionSession, launchExtension } from './harness';
import { dailyScreen, serveScreens } from './hf-site';
import { chooseImport, expectLibraryCount, imported, openMenu, openPopup, tempFile } from './popup';

describe('the toolbar badge', () => {
  let session: ExtensionSession;
  const daily = dailyScreen();
  const older = syntheticLibrary(30, Date.now() - 3 * 86_400_000, 2);

  beforeAll(async () => {
    session = await launchExtension();
    await serveScreens(session.context, [daily]);
  });
  afterAll(() => session?.close());

  /** The badge's text as the browser holds it, asked of the extension's own page. */
  const badge = (popup: Awaited<ReturnType<typeof openPopup>>) =>
    popup.evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({}),
    );

  it('counts the papers first seen today, not older ones imported, and goes away when turned off', async () => {
    const popup = await openPopup(session);
    expect(await badge(popup)).toBe('');
    await chooseImport(
      popup,
      await tempFile('older.json', JSON.stringify(toExportDocument(older, new Date().toISOString()))),
    );
    await imported(popup).waitFor({ timeout: 20_000 });

    const tab = await session.context.newPage();
    await tab.goto(HF_ORIGIN + daily.path);
    await expectLibraryCount(session, older.length + daily.papers.length);
    await expect.poll(() => badge(popup), { timeout: 10_000 }).toBe(String(daily.papers.length));

    await openMenu(popup);
    const setting = popup.getByLabel('Count today’s new papers on the toolbar icon');
    await setting.uncheck();
    await expect.poll(() => badge(popup), { timeout: 10_000 }).toBe('');
    await setting.check();
    await expect.poll(() => badge(popup), { timeout: 10_000 }).toBe(String(daily.papers.length));
  });
});
