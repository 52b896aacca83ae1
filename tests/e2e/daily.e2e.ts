// The daily visit: what is new since the last one, and the keyboard flow as the README writes it.
import { HF_ORIGIN } from '@/lib/arxiv';
import { toExportDocument } from '@/lib/io/export-json';
import { syntheticLibrary } from '../../bench/synthetic-library';
import { type ExtensionSession, launchExtension } from './harness';
import { dailyScreen, serveScreens } from './hf-site';
import { chooseImport, expectLibraryCount, imported, openPopup, tempFile } from './popup';

describe('the daily visit', () => {
  let session: ExtensionSession;
  const daily = dailyScreen();
  const DAY = 86_400_000;
  // Papers first seen days ago, brought in by a backup: not new.
  const older = syntheticLibrary(40, Date.now() - 3 * DAY, 2);

  beforeAll(async () => {
    session = await launchExtension();
    await serveScreens(session.context, [daily]);
    const popup = await openPopup(session);
    await chooseImport(
      popup,
      await tempFile('older.json', JSON.stringify(toExportDocument(older, new Date().toISOString()))),
    );
    await imported(popup).waitFor({ timeout: 20_000 });
    // The last look of yesterday's visit, an hour ago: what the daily page brings now is new since then.
    await popup.evaluate(
      (lastOpenedAt) =>
        (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({
          visits: { lastOpenedAt, newSince: null },
        }),
      new Date(Date.now() - 60 * 60_000).toISOString(),
    );
    await popup.close();
    const tab = await session.context.newPage();
    await tab.goto(HF_ORIGIN + daily.path);
    await expectLibraryCount(session, older.length + daily.papers.length);
    await tab.close();
  });
  afterAll(() => session?.close());

  it('shows only the papers new since the last visit, their count in the filter’s label, and n toggles it', async () => {
    const popup = await openPopup(session);
    const filter = popup.getByRole('button', { name: /^New since your last visit/ });
    await expect.poll(() => filter.textContent()).toBe(`New since your last visit (${daily.papers.length})`);
    await filter.click();
    await expect
      .poll(() => popup.getByLabel('Paper count').textContent())
      .toBe(`${daily.papers.length} of ${older.length + daily.papers.length} papers`);
    const shown = await popup
      .locator('li[data-paper-id]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paper-id')));
    const fresh = new Set(daily.papers.map((paper) => paper.id));
    for (const id of shown) expect(fresh.has(id as string), id as string).toBe(true);
    await popup.keyboard.press('n');
    await expect.poll(() => filter.getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(() => popup.getByLabel('Paper count').textContent())
      .toBe(`${older.length + daily.papers.length} papers`);
    await popup.close();
  });

  it('groups the list by day, and says where a search matched when the title does not show it', async () => {
    const popup = await openPopup(session);
    const days = () => popup.locator('li[data-paper-id] .day-start').allTextContents();
    await expect.poll(days).toEqual(['Today']);
    // Further down, the papers of the backup, seen days ago: each of their days starts with its name.
    const seenDays = new Set<string>();
    await expect
      .poll(async () => {
        await popup.locator('.list-viewport').evaluate((list) => list.scrollBy(0, list.clientHeight / 2));
        for (const day of await days()) seenDays.add(day);
        return [...seenDays].filter((day) => day !== 'Today').length;
      })
      .toBeGreaterThan(0);
    await popup.locator('.list-viewport').evaluate((list) => list.scrollTo(0, 0));
    // A word of one abstract that no title holds.
    const titles = daily.papers.map((paper) => paper.title.toLowerCase()).join(' ');
    const [paper, word] = daily.papers
      .flatMap((candidate) =>
        (candidate.abstract?.match(/\b[a-z]{9,}\b/g) ?? []).map((found) => [candidate, found] as const),
      )
      .find(
        ([, found]) => !titles.includes(found) && daily.papers.filter((p) => p.abstract?.includes(found)).length === 1,
      ) as readonly [(typeof daily.papers)[0], string];
    await popup.getByRole('searchbox').fill(word);
    const row = popup.locator(`li[data-paper-id="${paper.id}"]`);
    await expect.poll(() => row.locator('.snippet mark').first().textContent()).toBe(word);
    expect(await row.locator('.snippet').textContent()).toMatch(/^abstract: /);
    await popup.close();
  });

  it('follows the README: / query ↓ s stars the selected row, and Esc returns to the box', async () => {
    const popup = await openPopup(session);
    const paper = daily.papers[0];
    await popup.locator('li[data-paper-id]').first().waitFor();
    await popup.keyboard.press('/');
    await popup.keyboard.type(paper.title);
    const row = popup.locator(`li[data-paper-id="${paper.id}"]`);
    await expect.poll(() => popup.locator('li[data-paper-id]').first().getAttribute('data-paper-id')).toBe(paper.id);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('s');
    await expect.poll(() => row.locator('button.star').getAttribute('aria-pressed')).toBe('true');
    expect(await popup.getByRole('searchbox').inputValue()).toBe(paper.title);
    await popup.keyboard.press('Escape');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await popup.close();
  });
});

describe('an import whose window closes while it reads the file', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(() => session?.close());

  it('is said to be interrupted on the next opening, with the file one click away again', async () => {
    const papers = syntheticLibrary(5, Date.now(), 1);
    const file = await tempFile('slow-read.json', JSON.stringify(toExportDocument(papers, new Date().toISOString())));
    const popup = await openPopup(session);
    // A read that has not finished when the window closes (a 64 MB file takes seconds): it never finishes here.
    await popup.evaluate(() => {
      File.prototype.text = () => new Promise<string>(() => {});
    });
    await chooseImport(popup, file);
    await expect.poll(() => popup.locator('.import-status').textContent()).toMatch(/^Reading slow-read\.json/);
    await popup.close();

    const next = await openPopup(session);
    await expect
      .poll(() => next.locator('.import-status').textContent(), { timeout: 15_000 })
      .toBe(
        'Nothing imported from slow-read.json: the window closed before the file was handed over; nothing of it was saved. Choose it again to retry.',
      );
    // The retry: the same file chosen again is imported.
    const [chooser] = await Promise.all([
      next.waitForEvent('filechooser'),
      next.getByRole('button', { name: 'Choose the file again' }).click(),
    ]);
    await chooser.setFiles(file);
    await imported(next).waitFor({ timeout: 20_000 });
    await expectLibraryCount(session, papers.length);
    await next.close();
  });
});
