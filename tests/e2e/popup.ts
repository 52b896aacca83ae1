import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { paperUrl } from '@/lib/arxiv';
import { toExportDocument } from '@/lib/io/export-json';
import type { Paper } from '@/lib/paper';
import type { ExtensionSession } from './harness';
import type { ExpectedPaper } from './hf-site';

export interface ExportFile {
  format: string;
  version: number;
  exportedAt: string;
  count: number;
  papers: Paper[];
}

export async function openPopup(session: ExtensionSession): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(session.popupUrl);
  return popup;
}

/** Waits until the popup (reloaded as needed) shows `count` papers in the library; usable in hooks too. */
export async function expectLibraryCount(session: ExtensionSession, count: number, timeout = 15_000) {
  const popup = await openPopup(session);
  const want = `${count.toLocaleString('en-US')} papers`;
  const deadline = Date.now() + timeout;
  let shown: string | null = null;
  while (Date.now() < deadline) {
    // The count is shown once known ("Loading…" until then).
    // A long write (an import's commit) can hold the count back: that is waiting, not an answer.
    shown = await popup
      .getByLabel('Paper count')
      .filter({ hasText: /papers?$/ })
      .textContent({ timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) })
      .catch(() => shown);
    if (shown === want) break;
    await popup.waitForTimeout(300);
    await popup.reload();
  }
  await popup.close();
  expect(shown).toBe(want);
}

/** Opens the popup's one menu (export, import, library tools, settings), unless it is open already. */
export async function openMenu(popup: Page): Promise<void> {
  const menu = popup.locator('details.app-menu');
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open)))
    await menu.locator('> summary').click();
}

export async function closeMenu(popup: Page): Promise<void> {
  const menu = popup.locator('details.app-menu');
  if (await menu.evaluate((details) => (details as HTMLDetailsElement).open)) await menu.locator('> summary').click();
}

/** Opens a row's "more" menu (details, tags and note, reading state, delete), unless it is open already. */
export async function openRowMenu(row: Locator): Promise<void> {
  const more = row.getByRole('button', { name: /^More actions for / });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
}

/** Presses Export (everything, JSON unless another format is chosen) and reads the downloaded file. */
export async function exportFromPopup(popup: Page): Promise<{ fileName: string; text: string }> {
  await openMenu(popup);
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: /^Export/ }).click(),
  ]);
  await closeMenu(popup); // the list is the popup's again
  return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** The export holds every expected paper once, with the text it was shown with and the views it was in. */
export function expectExportOf(file: ExportFile, expected: Map<string, ExpectedPaper>): void {
  expect(file).toMatchObject({ format: 'papershelf', version: 1, count: expected.size });
  const exported = new Map(file.papers.map((paper) => [paper.id, paper]));
  expect(exported.size, 'each paper exported once').toBe(file.papers.length);
  expect([...exported.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [id, want] of expected) {
    const paper = exported.get(id) as Paper;
    expect({ id, title: paper.title, abstract: paper.abstract, seenCount: paper.seenCount, url: paper.url }).toEqual({
      id,
      title: want.title,
      abstract: want.abstract,
      seenCount: want.seenCount,
      url: paperUrl(id),
    });
  }
}

export async function exportJson(popup: Page): Promise<ExportFile> {
  return JSON.parse((await exportFromPopup(popup)).text);
}

/** Writes `contents` to a file in the temp folder and returns its path. */
export async function tempFile(name: string, contents: string): Promise<string> {
  const path = join(tmpdir(), name);
  await writeFile(path, contents);
  return path;
}

/** An export of `papers`, as a backup file holds them. */
export const backupOf = (papers: Paper[], exportedAt = new Date().toISOString()) =>
  JSON.stringify(toExportDocument(papers, exportedAt));

/** Writes `contents` to a file named `name` in the temp folder, chooses it in the popup's Import input; its path. */
export async function importFile(popup: Page, name: string, contents: string): Promise<string> {
  const path = await tempFile(name, contents);
  await chooseImport(popup, path);
  return path;
}

/** Chooses the file at `path` in the popup's Import input. */
export function chooseImport(popup: Page, path: string): Promise<void> {
  return popup.getByLabel(/^Import/).setInputFiles(path);
}

/** The import status once it reports a finished import. */
export const imported = (popup: Page) => popup.locator('.import-status', { hasText: /^Imported/ });

/** Imports `contents` as the file `name` and waits until the popup says the import finished. */
export async function importAndWait(popup: Page, name: string, contents: string): Promise<void> {
  await importFile(popup, name, contents);
  await imported(popup).waitFor({ timeout: 30_000 });
}

/**
 * Reads again (one read at a time, unlike expect.poll, whose reads may overlap and so cross downloads) until
 * `accept` holds or `timeout` passes; returns the last read either way, for the test to assert on.
 */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}
