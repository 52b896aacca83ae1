// Reading the library: type that is meant, a paper's detail, what the order is by, honest controls and failures.
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { syntheticLibrary } from '../../bench/synthetic-library';
import type { ExtensionSession } from './harness';
import { dailyScreen, serveScreens } from './hf-site';
import {
  backupOf,
  expectLibraryCount,
  exportFromPopup,
  exportJson,
  importAndWait,
  importFile,
  openMenu,
  openPopup,
  openRowMenu,
} from './popup';
import { launchedForSuite } from './suite';

const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));

/** Has the browser of `session` capture `daily` by showing it. */
async function captureDaily(session: ExtensionSession, daily: ReturnType<typeof dailyScreen>) {
  await serveScreens(session.context, [daily]);
  const tab = await session.context.newPage();
  await tab.goto(HF_ORIGIN + daily.path);
  await expectLibraryCount(session, daily.papers.length);
  await tab.close();
}

describe('reading the library', () => {
  const daily = dailyScreen();

  const session = launchedForSuite((session) => captureDaily(session, daily));

  it('sets type deliberately: titles are the most readable line, whatever size Chromium gives the body', async () => {
    const popup = await openPopup(session());
    await popup.locator('li[data-paper-id]').first().waitFor();
    const title = await fontSize(popup, 'li[data-paper-id] .title');
    const meta = await fontSize(popup, 'li[data-paper-id] .meta');
    expect(title).toBeGreaterThanOrEqual(14);
    expect(title).toBeGreaterThan(meta);
    expect(meta).toBeGreaterThanOrEqual(12);
    expect(await fontSize(popup, 'body')).toBeGreaterThanOrEqual(13);
    expect(await popup.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).toMatch(/system-ui/);
  });

  it('shows a paper’s detail from its title or Details: abstract, every author, seen dates and links', async () => {
    const popup = await openPopup(session());
    const stored = new Map((await exportJson(popup)).papers.map((paper) => [paper.id, paper]));
    const row = popup.locator('li[data-paper-id]').first();
    const id = (await row.getAttribute('data-paper-id')) as string;
    const paper = stored.get(id);
    if (!paper) throw new Error(`paper ${id} not exported`);

    await row.locator('a.title').click();
    const detail = popup.getByRole('region', { name: paper.title });
    await expect.poll(() => detail.locator('.detail-abstract').textContent()).toBe(paper.abstract);
    expect(await detail.locator('.detail-authors').textContent()).toBe(paper.authors.join(', '));
    expect(await detail.textContent()).toMatch(/first .+ · last /);
    const links = detail.getByRole('list', { name: 'Links' }).getByRole('link');
    expect(await links.evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual(
      expect.arrayContaining([
        ['arXiv', `https://arxiv.org/abs/${id}`],
        ['PDF', `https://arxiv.org/pdf/${id}`],
        ['Hugging Face', `https://huggingface.co/papers/${id}`],
      ]),
    );
    // The links are reachable from the keyboard.
    await links.first().focus();
    expect(await links.first().evaluate((link) => link === document.activeElement)).toBe(true);

    await detail.getByRole('button', { name: /Back to list/ }).click();
    expect(await detail.count()).toBe(0);
    await openRowMenu(row);
    await row.getByRole('button', { name: 'Details' }).click();
    await expect.poll(() => popup.getByRole('region', { name: paper.title }).count()).toBe(1);
  });

  it('puts the detail beside the list in the full page', async () => {
    const page = await session().context.newPage();
    await page.goto(session().libraryUrl);
    const row = page.locator('li[data-paper-id]').first();
    await openRowMenu(row);
    await row.getByRole('button', { name: 'Details' }).click();
    const detail = page.locator('section.detail');
    await detail.waitFor();
    const [list, pane] = await Promise.all([page.locator('.list-viewport').boundingBox(), detail.boundingBox()]);
    expect(list && pane && pane.x >= list.x + list.width - 1).toBe(true);
    await expect.poll(() => row.isVisible()).toBe(true);
  });

  it('says what the order is by, and shows Relevance while searching', async () => {
    const popup = await openPopup(session());
    const firstMeta = popup.locator('li[data-paper-id] .meta').first();
    await expect.poll(() => firstMeta.textContent()).toMatch(/^seen /);
    const sort = popup.getByLabel('Sort by');
    await sort.selectOption('published');
    await expect.poll(() => firstMeta.textContent()).toMatch(/^published /);

    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('llama');
    await expect.poll(() => sort.inputValue()).toBe('relevance');
    expect(await sort.isDisabled()).toBe(true);
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('');
    await expect.poll(() => sort.inputValue()).toBe('published');
  });

  it('counts what “Forget older papers” would delete in the library, and offers a backup first', async () => {
    const popup = await openPopup(session());
    await openMenu(popup);
    await popup.getByText('Library tools', { exact: true }).click();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await popup.getByLabel('Forget papers last seen before').fill(tomorrow);
    await popup.getByRole('button', { name: 'Forget older papers' }).click();
    const dialog = popup.getByRole('dialog', { name: `Forget ${daily.papers.length} older papers?` });
    await expect.poll(() => dialog.textContent()).toContain(`forgets ${daily.papers.length} papers last seen before`);
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save a backup first' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Backup saved/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectLibraryCount(session(), daily.papers.length);
  });

  it('keeps a newer star when an older backup is imported, and says so', async () => {
    const popup = await openPopup(session());
    const older = await exportFromPopup(popup);
    const star = popup.locator('li[data-paper-id] .star').first();
    const id = await popup.locator('li[data-paper-id]').first().getAttribute('data-paper-id');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await importFile(popup, 'older-backup.json', older.text);
    await expect
      .poll(() => popup.locator('.import-status').textContent(), { timeout: 15_000 })
      .toMatch(/^Imported: 0 added, \d+ updated \(newer stars, tags or notes kept for 1\)/);
    const after = await exportJson(popup);
    expect(after.papers.find((paper) => paper.id === id)?.starred).toBe(true);
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false');
  });

  it('wraps a title with a very long unbroken word in the row and the detail, never scrolling sideways', async () => {
    const word = `Hyper${'polyfluoro'.repeat(18)}ethylene`;
    const paper = { ...syntheticLibrary(1, Date.now(), 1)[0], id: '2611.00042', title: `On ${word} chains` };
    const popup = await openPopup(session());
    await importAndWait(popup, 'long-word.json', backupOf([paper], paper.lastSeenAt));
    await popup.getByRole('searchbox').fill(paper.id); // a word this long is not indexed; its id finds it
    const title = popup.locator('li[data-paper-id="2611.00042"] a.title');
    await title.waitFor();
    const sideways = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('*')].some(
          (element) =>
            element.scrollWidth > element.clientWidth + 1 &&
            getComputedStyle(element).overflowX !== 'hidden' &&
            getComputedStyle(element).overflowX !== 'clip' &&
            element.clientWidth > 0,
        ),
      );
    expect(await title.evaluate((link) => link.scrollWidth <= link.clientWidth + 1)).toBe(true);
    expect(await sideways()).toBe(false);
    await title.click();
    await popup.locator('#detail-title').waitFor();
    expect(await popup.locator('#detail-title').evaluate((h) => h.scrollWidth <= h.clientWidth + 1)).toBe(true);
    expect(await sideways()).toBe(false);
    await popup.close();
  });
});

describe('an import the popup does not have to watch', () => {
  const session = launchedForSuite();

  it('offers no export of an empty library', async () => {
    const popup = await openPopup(session());
    await popup.getByLabel('Paper count').filter({ hasText: '0 papers' }).waitFor();
    await openMenu(popup);
    expect(await popup.getByRole('button', { name: /^Export/ }).isDisabled()).toBe(true);
  });

  it('finishes an import after the popup that started it was closed', async () => {
    const papers = syntheticLibrary(3000, Date.now(), 60);
    const popup = await openPopup(session());
    await importFile(popup, 'closing.json', backupOf(papers));
    // Closed as soon as the file is handed over, long before the import is written.
    await popup.locator('.import-status', { hasText: /may close/ }).waitFor({ timeout: 30_000 });
    await popup.close();
    await expectLibraryCount(session(), papers.length, 120_000);
    const reopened = await openPopup(session());
    await expect
      .poll(() => reopened.locator('.import-status').textContent())
      .toBe(`Imported: ${papers.length.toLocaleString('en-US')} added, 0 updated, 0 skipped.`);
  });

  it('holds no downloads permission while automatic backups are off, after imports and exports', async () => {
    const popup = await openPopup(session());
    // The page's own `chrome`, as the extension sees it.
    type Extension = { permissions: { contains(p: object): Promise<boolean> }; downloads?: unknown };
    const held = await popup.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: Extension };
      return Promise.all([chrome.permissions.contains({ permissions: ['downloads'] }), typeof chrome.downloads]);
    });
    expect(held).toEqual([false, 'undefined']);
    await openMenu(popup);
    await popup.getByText('Library tools', { exact: true }).click();
    expect(await popup.getByLabel(/Back up every week/).isChecked()).toBe(false);
  });

  it('counts only a whole JSON backup as a backup', async () => {
    const popup = await openPopup(session());
    const reminder = popup.getByRole('complementary', { name: 'Backup reminder' });
    await reminder.waitFor();
    // A CSV of the library is no backup: Import cannot restore it.
    await openMenu(popup);
    await popup.getByLabel('Export format').selectOption('csv');
    await exportFromPopup(popup);
    await popup.reload();
    await reminder.waitFor();
    // Nor is a JSON file of part of it.
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('diffusion');
    await popup.locator('main[data-results-for="diffusion"]').waitFor();
    await openMenu(popup);
    await popup.getByLabel('Papers to export').selectOption('view');
    await exportFromPopup(popup);
    await popup.reload();
    await reminder.waitFor();
    await exportFromPopup(popup);
    await expect.poll(() => reminder.count()).toBe(0);
  });
});

describe('when the library cannot be opened', () => {
  const session = launchedForSuite();

  it('says so, and what to do, instead of showing an empty shelf', async () => {
    const popup = await openPopup(session());
    await popup.getByLabel('Paper count').filter({ hasText: '0 papers' }).waitFor();
    // A database from a newer version of the extension: this one cannot open it.
    await popup.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.open('papershelf', 99);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
        }),
    );
    const again = await openPopup(session());
    await expect.poll(() => again.getByRole('alert').first().textContent()).toMatch(/could not be read.*reopen/i);
    expect(await again.getByText('Your shelf is empty').count()).toBe(0);
  });
});

describe('working through the library on the full page', () => {
  const daily = dailyScreen();

  const session = launchedForSuite((session) => captureDaily(session, daily));

  it('stars and tags a selection at once, then filters by that tag, by code and by dates', async () => {
    const page = await session().context.newPage();
    await page.goto(session().libraryUrl);
    const rows = page.locator('li[data-paper-id]');
    await rows.nth(2).waitFor();
    const chosen = await Promise.all([0, 2].map((index) => rows.nth(index).getAttribute('data-paper-id')));
    for (const index of [0, 2]) await rows.nth(index).getByRole('checkbox').check();
    const bar = page.getByRole('region', { name: 'Selected papers' });
    await expect.poll(() => bar.textContent()).toMatch(/^2 papers selected/);
    await bar.getByRole('button', { name: '★ Star' }).click();
    await bar.getByLabel('Tag to add to the selected papers').fill('shortlist');
    await bar.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toMatch(/^Tagged “shortlist”: 2 papers/);

    const count = page.getByLabel('Paper count');
    const filters = page.getByRole('region', { name: 'Filters' });
    await expect.poll(() => filters.getByLabel('Tag').locator('option').allTextContents()).toContain('shortlist');
    await filters.getByLabel('Tag').selectOption('shortlist');
    await expect.poll(() => count.textContent()).toBe(`2 of ${daily.papers.length} papers`);
    expect((await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-paper-id')))).sort()).toEqual(
      [...chosen].sort(),
    );
    await page.getByRole('button', { name: 'Starred only' }).click();
    await expect.poll(() => count.textContent()).toBe(`2 of ${daily.papers.length} papers`);
    await page.getByRole('button', { name: 'Starred only' }).click();
    await filters.getByRole('button', { name: 'Clear filters' }).click();

    // Seen today: all of them; published before 2000: none.
    const today = new Date().toISOString().slice(0, 10);
    await filters.getByLabel('Seen from').fill(today);
    await expect.poll(() => count.textContent()).toBe(`${daily.papers.length} of ${daily.papers.length} papers`);
    await filters.getByLabel('Published to').fill('1999-12-31');
    await expect.poll(() => page.locator('.no-results').count()).toBe(1);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await filters.getByLabel('Has code').check();
    const withCode = (await exportJson(await openPopup(session()))).papers.filter((paper) => paper.githubRepo).length;
    await expect.poll(() => count.textContent()).toBe(`${withCode} of ${daily.papers.length} papers`);
  });

  it('says when no paper has every word of a search', async () => {
    const popup = await openPopup(session());
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('llama chromodynamics lattice');
    await expect.poll(() => popup.locator('.partial-match').textContent()).toMatch(/No paper has every word/);
    expect(await popup.locator('li[data-paper-id]').count()).toBeGreaterThan(0);
  });
});
