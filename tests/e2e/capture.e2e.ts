// A person browsing Hugging Face Daily Papers with the extension installed, then looking at and exporting the library.
import type { Page } from 'playwright-core';
import { HF_ORIGIN, paperUrl } from '@/lib/arxiv';
import { type ExtensionSession, launchExtension } from './harness';
import {
  dailyScreen,
  distinctiveTitleWord,
  expectedLibrary,
  INJECTION_PAYLOAD,
  INJECTION_WORD,
  paperScreen,
  type Screen,
  type ShownPaper,
  searchScreen,
  serveHfSite,
  weeklyScreen,
  withSpaNavigation,
} from './hf-site';
import { type ExportFile, expectExportOf, expectLibraryCount, exportJson, openPopup } from './popup';

const SETTLE_MS = 1_500; // comfortably more than the content script's debounce and a library write

describe('capturing papers while browsing', () => {
  let session: ExtensionSession;
  const started = performance.now();

  const daily = dailyScreen();
  const weekly = weeklyScreen();
  const search = searchScreen();
  const single = paperScreen();

  beforeAll(async () => {
    session = await launchExtension();
    await serveHfSite(session.context, {
      [daily.path]: withSpaNavigation(daily.html, { Weekly: weekly.view }),
      [daily.alternatePath]: daily.html,
      [weekly.path]: weekly.html,
      [search.path]: search.html,
      [single.path]: single.html,
    });
  });
  afterAll(async () => {
    await session?.close();
    console.log(`capture e2e wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  async function visit(path: string, tab?: Page): Promise<Page> {
    const page = tab ?? (await session.context.newPage());
    const response = await page.goto(HF_ORIGIN + path);
    expect(response?.status(), path).toBe(200);
    await page.waitForTimeout(SETTLE_MS);
    return page;
  }

  it('keeps every paper seen on screen, once, with its source text', async () => {
    const screensSeen: Screen[] = [];
    const see = (screen: Screen) => {
      screensSeen.push(screen);
      return expectedLibrary(screensSeen).size;
    };

    const firstPopup = await openPopup(session);
    await firstPopup.getByText('huggingface.co/papers').first().waitFor();
    await firstPopup.close();

    // One tab per page, as people browse; the daily tab stays open for the in-page navigation later.
    const dailyTab = await visit(daily.path);
    await expectLibraryCount(session, see(daily));
    await visit(search.path);
    await expectLibraryCount(session, see(search));
    await visit(single.path);
    await expectLibraryCount(session, see(single));

    await dailyTab.bringToFront();
    await dailyTab.getByRole('button', { name: 'Weekly', exact: true }).click();
    await dailyTab.waitForFunction(() => document.documentElement.dataset.spaSettled);
    await dailyTab.waitForTimeout(SETTLE_MS);
    expect(new URL(dailyTab.url()).pathname).toBe(weekly.path);
    await expectLibraryCount(session, see(weekly));
    expect(await dailyTab.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

    const revisitStarted = Math.floor(Date.now() / 1000) * 1000; // whole seconds, whatever precision the library keeps
    await visit(daily.path, dailyTab); // a new visit is a new view
    await expectLibraryCount(session, see(daily));
    const expected = expectedLibrary(screensSeen);

    const popup = await openPopup(session);
    const searchBox = popup.getByRole('searchbox', { name: 'Search papers' });
    const papersList = popup.getByRole('list', { name: 'Papers' });
    const linkTo = (id: string) => papersList.locator(`a[href="${paperUrl(id)}"]`);

    const target = distinctiveTitleWord(daily.papers, [...expected.values()]);
    await searchBox.fill(target.word);
    await expect.poll(() => linkTo(target.paper.id).textContent()).toBe(target.paper.title);

    // The injection paper's title is shown as text and never becomes markup.
    const injection = weekly.papers.find((paper) => paper.title.includes(INJECTION_PAYLOAD)) as ShownPaper;
    await searchBox.fill(INJECTION_WORD);
    await expect.poll(() => linkTo(injection.id).textContent()).toBe(injection.title);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    expect(await popup.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // The count cannot show the revisit: wait until the library has every daily paper seen again since then.
    const revisited = (file: ExportFile) =>
      daily.papers.every((shown) => {
        const paper = file.papers.find((candidate) => candidate.id === shown.id);
        return paper !== undefined && Date.parse(paper.lastSeenAt) >= revisitStarted;
      });
    await searchBox.fill('');
    let file = await exportJson(popup);
    await expect
      .poll(
        async () => {
          if (revisited(file)) return true;
          await popup.reload();
          file = await exportJson(popup);
          return revisited(file);
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(true);

    expect(file.papers).toHaveLength(expected.size);
    expectExportOf(file, expected);

    expect(await session.extensionRequests()).toEqual([]);
  });
});
