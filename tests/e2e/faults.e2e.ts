// The worker stopped at any moment: during captures, an import, an export, the merging of search segments; and ten
// tabs at once. Afterwards nothing is lost, nothing is counted twice, and search agrees with the library.
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import type { Paper } from '@/lib/paper';
import { syntheticLibrary } from '../../bench/synthetic-library';
import { dailyScreen, expectedLibrary, paperScreen, searchScreen, serveScreens, weeklyScreen } from './hf-site';
import {
  backupOf,
  chooseImport,
  type ExportFile,
  eventually,
  expectLibraryCount,
  exportJson,
  openPopup,
  tempFile,
} from './popup';
import { launchedForSuite } from './suite';

const randomBetween = (low: number, high: number) => low + Math.random() * (high - low);

/** Every paper can be found by its title: the search index agrees with the library. */
async function expectSearchAgrees(popup: Page, file: ExportFile, sample = 25) {
  const search = popup.getByRole('searchbox', { name: 'Search papers' });
  for (const paper of file.papers.slice(0, sample)) {
    const query = paper.title.slice(0, 80);
    await search.fill(query);
    await popup
      .locator('main[data-results-for]')
      .and(popup.locator(`[data-results-for="${query.trim()}"]`))
      .waitFor();
    await expect.poll(() => popup.locator(`li[data-paper-id="${paper.id}"]`).count(), { timeout: 5_000 }).toBe(1);
  }
  await search.fill('');
}

describe('a worker stopped at any moment', () => {
  const screens = [dailyScreen(), weeklyScreen(), searchScreen(), paperScreen()];

  const session = launchedForSuite(async (session) => {
    await serveScreens(session.context, screens);
  });

  it('loses no capture and counts none twice when the worker is stopped while pages are read', async () => {
    const tab = await session().context.newPage();
    for (const screen of screens) {
      const stopping = new Promise((resolve) => setTimeout(resolve, randomBetween(0, 400))).then(() =>
        session().stopServiceWorker({ ifRunning: true }),
      );
      await tab.goto(HF_ORIGIN + screen.path);
      await stopping;
      // A page view: long enough to be read, short enough that a lost capture would not be retried by chance.
      await tab.waitForTimeout(randomBetween(1_000, 1_500));
    }
    const views = expectedLibrary(screens);
    await expectLibraryCount(session(), views.size, 60_000);
    const popup = await openPopup(session());
    // Retried captures land under their own view id: each paper is counted once per page that showed it.
    const miscounted = await eventually(
      async () => (await exportJson(popup)).papers.filter((p) => p.seenCount !== views.get(p.id)?.seenCount).length,
      (count) => count === 0,
    );
    expect(miscounted).toBe(0);
    await tab.close();
  });

  it('keeps search in step when the worker is stopped while it merges search segments', async () => {
    const popup = await openPopup(session());
    // Merging starts a few seconds after the last write; stop the worker in the middle of it, twice.
    for (const wait of [3_200, 3_600]) {
      await popup
        .getByRole('button', { name: /^Star / })
        .first()
        .click();
      await popup.waitForTimeout(wait);
      await session().stopServiceWorker({ ifRunning: true });
    }
    // A write restarts the worker, which merges what is left.
    await popup
      .getByRole('button', { name: /^Unstar / })
      .first()
      .click();
    await popup
      .getByRole('button', { name: /^Unstar / })
      .first()
      .click();
    await popup.waitForTimeout(4_000);
    await expectSearchAgrees(popup, await exportJson(popup));
  });

  it('applies an interrupted import whole or not at all, and a second try gives all of it', async () => {
    const papers: Paper[] = syntheticLibrary(5_000, Date.now(), 90).map((paper, index) => ({
      ...paper,
      id: `2611.${String(30000 + index)}`,
    }));
    const before = (await exportJson(await openPopup(session()))).papers.length;
    const file = await tempFile('interrupted.json', backupOf(papers));
    const popup = await openPopup(session());
    await chooseImport(popup, file);
    await popup.locator('.import-status', { hasText: /^(Checking|Saving)/ }).waitFor({ timeout: 30_000 });
    await popup.waitForTimeout(randomBetween(0, 500));
    await session().stopServiceWorker({ ifRunning: true });
    await popup.waitForTimeout(1_000);
    const count = (await exportJson(await openPopup(session()))).papers.length;
    expect([before, before + papers.length]).toContain(count);

    const retry = await openPopup(session());
    await chooseImport(retry, file);
    await expectLibraryCount(session(), before + papers.length, 180_000);
  });

  it('exports the whole library while the worker is stopped', async () => {
    const popup = await openPopup(session());
    const expected = (await exportJson(popup)).papers.length;
    const [file] = await Promise.all([exportJson(popup), session().stopServiceWorker({ ifRunning: true })]);
    expect(file.papers).toHaveLength(expected);
    expect(file.count).toBe(expected);
  });
});

describe('ten tabs at once', () => {
  const daily = dailyScreen();
  const weekly = weeklyScreen();

  const session = launchedForSuite(async (session) => {
    await serveScreens(session.context, [daily, weekly]);
  });

  it('keeps every paper once, its seen count exactly the tabs that showed it', async () => {
    const shown = Array.from({ length: 10 }, (_, index) => (index % 2 ? weekly : daily));
    const tabs = await Promise.all(shown.map(() => session().context.newPage()));
    await Promise.all(shown.map((screen, index) => tabs[index].goto(HF_ORIGIN + screen.path)));
    const views = expectedLibrary(shown);
    await expectLibraryCount(session(), views.size, 60_000);
    const file = await exportJson(await openPopup(session()));
    expect(file.papers.map((paper) => paper.id).sort()).toEqual([...views.keys()].sort());
    const miscounted = await eventually(
      async () =>
        (await exportJson(await openPopup(session()))).papers
          .filter((paper) => paper.seenCount !== views.get(paper.id)?.seenCount)
          .map((paper) => paper.id),
      (ids) => ids.length === 0,
    );
    expect(miscounted).toEqual([]);
  });
});
