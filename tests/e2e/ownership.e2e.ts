// The library belongs to the user: export, clear, restore, other formats, and pausing capture.
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { dailyScreen, searchScreen, serveScreens, weeklyScreen } from './hf-site';
import {
  type ExportFile,
  expectLibraryCount,
  exportFromPopup,
  exportJson,
  importFile,
  openMenu,
  openPopup,
  openRowMenu,
} from './popup';
import { launchedForSuite } from './suite';

describe('owning the library', () => {
  const daily = dailyScreen();
  const weekly = weeklyScreen();
  const search = searchScreen();
  const captured = daily.papers.length + weekly.papers.length;

  const session = launchedForSuite(async (session) => {
    await serveScreens(session.context, [daily, weekly, search]);
    const tab = await session.context.newPage();
    for (const path of [daily.path, weekly.path]) {
      await tab.goto(HF_ORIGIN + path);
      await tab.waitForTimeout(600);
    }
    await expectLibraryCount(session, captured);
  });

  const importStatus = (popup: Page) => popup.locator('.import-status');
  const withoutExportTime = ({ exportedAt, ...rest }: ExportFile) => {
    expect(Number.isNaN(Date.parse(exportedAt))).toBe(false);
    return rest;
  };

  it('restores exactly what it exported after everything was cleared', async () => {
    const popup = await openPopup(session());
    // Stars, tags and notes are part of the library and must survive the round trip.
    await popup
      .getByRole('button', { name: /^Star / })
      .first()
      .click();
    const firstRow = popup.locator('li[data-paper-id]').first();
    await openRowMenu(firstRow);
    await firstRow.getByRole('button', { name: /^Tags and note for / }).click();
    await popup.getByLabel('Tags (comma-separated)').fill('to-read, survey');
    await popup.getByLabel('Note', { exact: true }).fill('Compare with last week’s paper.');
    await popup.getByRole('button', { name: 'Save' }).click();
    // Shown in the list once stored: then the export holds them.
    await popup.locator('li[data-paper-id] .tag', { hasText: 'to-read' }).first().waitFor();
    await popup.locator('li[data-paper-id] .star[aria-pressed="true"]').first().waitFor();

    const before = await exportJson(popup);
    expect(before.count).toBe(captured);
    expect(before.papers.filter((paper) => paper.starred && paper.tags.length)).toHaveLength(1);

    await openMenu(popup);
    await popup.getByText('Library tools').click();
    await popup.getByRole('button', { name: 'Clear everything…' }).click();
    await popup.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => popup.getByLabel('Paper count').textContent()).toBe('0 papers');

    await importFile(popup, 'backup.json', JSON.stringify(before));
    await expect
      .poll(() => importStatus(popup).textContent(), { timeout: 15_000 })
      .toBe(`Imported: ${captured} added, 0 updated, 0 skipped.`);
    await expect.poll(() => popup.getByLabel('Paper count').textContent()).toBe(`${captured} papers`);

    const after = await exportJson(popup);
    const byId = (file: ExportFile) => ({
      ...withoutExportTime(file),
      papers: [...file.papers].sort((a, b) => a.id.localeCompare(b.id)),
    });
    expect(byId(after)).toEqual(byId(before));
  });

  it('refuses a broken file and keeps the library as it was', async () => {
    const popup = await openPopup(session());
    const before = await exportJson(popup);
    await importFile(popup, 'broken.json', '{"format":"papershelf","version":1,"papers":[{"id":"2407.21783"');
    await expect.poll(() => importStatus(popup).textContent()).toMatch(/^Nothing imported: /);
    await importFile(popup, 'future.json', JSON.stringify({ ...before, version: 99 }));
    await expect.poll(() => importStatus(popup).textContent()).toMatch(/^Nothing imported: .*newer/);
    expect(withoutExportTime(await exportJson(popup))).toEqual(withoutExportTime(before));
  });

  it('exports BibTeX and CSV with dated file names', async () => {
    const popup = await openPopup(session());
    await openMenu(popup);
    await popup.getByLabel('Export format').selectOption('bibtex');
    const bib = await exportFromPopup(popup);
    expect(bib.fileName).toMatch(/^papershelf-all-\d{4}-\d{2}-\d{2}\.bib$/);
    expect(bib.text.match(/^@misc\{/gm)).toHaveLength(captured);

    await openMenu(popup);
    await popup.getByLabel('Export format').selectOption('csv');
    const csv = await exportFromPopup(popup);
    expect(csv.fileName).toMatch(/^papershelf-all-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFFid,title,')).toBe(true);
  });

  it('exports only the current view when asked', async () => {
    const popup = await openPopup(session());
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('Llama');
    const firstTitle = popup.getByRole('list', { name: 'Papers' }).getByRole('link').first();
    await popup.locator('main[data-results-for="Llama"]').waitFor();
    await expect.poll(() => firstTitle.textContent(), { timeout: 10_000 }).toMatch(/llama/i);
    const shown = Number((await popup.getByLabel('Paper count').textContent())?.split(' ')[0]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(captured);
    await openMenu(popup);
    await popup.getByLabel('Papers to export').selectOption('view');
    const file = await exportJson(popup);
    expect(file.count).toBe(shown);
    expect(file.papers.every((paper) => /llama/i.test(`${paper.title} ${paper.abstract}`))).toBe(true);
  });

  it('records nothing while capture is paused', async () => {
    const popup = await openPopup(session());
    const toggle = popup.getByRole('switch', { name: 'Capture while browsing' });
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    const tab = await session().context.newPage();
    await tab.goto(HF_ORIGIN + search.path);
    await tab.waitForTimeout(1500);
    await expectLibraryCount(session(), captured);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
  });
});
