// What a browser does to an extension: it stops the idle service worker, and people open many tabs at once.
import { HF_ORIGIN, paperUrl } from '@/lib/arxiv';
import type { ExtensionSession } from './harness';
import { dailyScreen, paperScreen, searchScreen, serveScreens, weeklyScreen } from './hf-site';
import { expectLibraryCount, exportJson, openPopup } from './popup';
import { launchedForSuite } from './suite';

const uniqueIds = (...screens: { papers: { id: string }[] }[]) =>
  new Set(screens.flatMap((screen) => screen.papers.map((paper) => paper.id)));

/** True once the running worker is a new one (it does not carry the mark left on the old one). */
async function workerRestarted(session: ExtensionSession): Promise<boolean> {
  const marks = await Promise.all(
    session.context
      .serviceWorkers()
      .map((worker) => worker.evaluate(() => 'papershelfTestMark' in globalThis).catch(() => null)),
  );
  return marks.includes(false);
}

describe('a stopped service worker and many tabs', () => {
  const daily = dailyScreen();
  const weekly = weeklyScreen();
  const search = searchScreen();
  const single = paperScreen();

  const session = launchedForSuite(async (session) => {
    await serveScreens(session.context, [daily, weekly, search, single]);
  });

  it('loses nothing when the worker is stopped between page views, and searches right after it restarts', async () => {
    const tab = await session().context.newPage();
    await tab.goto(HF_ORIGIN + daily.path);
    await expectLibraryCount(session(), uniqueIds(daily).size);

    await session().serviceWorker.evaluate(() => Object.assign(globalThis, { papershelfTestMark: true }));
    await session().stopServiceWorker();

    // The next page view wakes the worker, which must take the batch with nothing lost.
    await tab.goto(HF_ORIGIN + search.path);
    await expectLibraryCount(session(), uniqueIds(daily, search).size);
    expect(await workerRestarted(session())).toBe(true);

    // Stopped again: the first search after opening the popup waits for the index, and finds the paper.
    await session().stopServiceWorker();
    const popup = await openPopup(session());
    const paper = daily.papers[0];
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill(paper.id);
    await expect
      .poll(
        () =>
          popup
            .getByRole('list', { name: 'Papers' })
            .locator(`a[href="${paperUrl(paper.id)}"]`)
            .count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(1);

    // Everything, not the view: with the search gone the export's scope is the whole library again.
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('');
    const file = await exportJson(popup);
    const byId = new Map(file.papers.map((stored) => [stored.id, stored]));
    for (const shown of daily.papers) {
      expect(byId.get(shown.id), shown.id).toMatchObject({ title: shown.title, abstract: shown.abstract });
    }
    for (const shown of search.papers) expect(byId.has(shown.id), shown.id).toBe(true);
    await popup.close();
    await tab.close();
  });

  it('keeps every paper once when several tabs load at the same moment', async () => {
    const before = await exportJson(await openPopup(session()));
    const tabs = await Promise.all([weekly.path, single.path, daily.path].map(() => session().context.newPage()));
    await Promise.all([weekly.path, single.path, daily.path].map((path, index) => tabs[index].goto(HF_ORIGIN + path)));
    const all = uniqueIds(daily, search, weekly, single);
    await expectLibraryCount(session(), all.size);

    const after = await exportJson(await openPopup(session()));
    expect(after.papers.map((paper) => paper.id).sort()).toEqual([...all].sort());
    const seenBefore = new Map(before.papers.map((paper) => [paper.id, paper.seenCount]));
    for (const paper of after.papers) {
      // Each tab is one view: a paper gains exactly one sighting per tab that showed it.
      const views = [weekly, single, daily].filter((screen) => screen.papers.some((shown) => shown.id === paper.id));
      expect(paper.seenCount, paper.id).toBe((seenBefore.get(paper.id) ?? 0) + views.length);
    }
  });
});
