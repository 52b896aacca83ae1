// The daily visit, written once for every browser (see driver.ts): what is new since the last visit, the list by
// day, one count on the page and in the popup, the keyboard flow as the README writes it, search that says why,
// exports and deletions that follow what is on screen, and an import whose window closes before it is handed over.
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HF_ORIGIN } from '@/lib/arxiv';
import { syntheticLibrary } from '../../../bench/synthetic-library';
import { dailyScreen } from '../hf-site';
import { backupOf, type ExportFile, eventually } from '../popup';
import type { ExtensionBrowser, Tab } from './driver';
import { closeMenu, openMenu } from './menus';
import { shownRows } from './scenarios';

const WAIT = { timeout: 20_000, interval: 250 };
const COUNT = 'output[aria-label="Paper count"]';
const SEARCH = 'input[aria-label="Search papers"]';
const IMPORT_INPUT = '.import input[type="file"]';
const IMPORT_STATUS = '.import-status';
const NEW_SINCE = 'button.new-since';
const SCOPE = 'select[aria-label="Papers to export"]';
const DAY = 86_400_000;

/** A file in the temp folder, named for the browser so that two runs at once do not share it. */
async function tempFile(browser: ExtensionBrowser, name: string, contents: string): Promise<string> {
  const path = join(tmpdir(), `${browser.name}-${name}`);
  await writeFile(path, contents);
  return path;
}

/** The texts of every element matching `css`, in document order. */
const texts = (tab: Tab, css: string) =>
  tab.evaluate((query) => [...document.querySelectorAll(query)].map((element) => element.textContent ?? ''), css);

/** The element the keyboard is in: its tag and type (a search box is INPUT search). */
const focused = (tab: Tab) =>
  tab.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('type') ?? ''}`, null);

/** Reloads `tab` until its count says the library holds `count` papers (a long write can hold the count back). */
async function expectShelfOf(tab: Tab, count: number) {
  await expect
    .poll(async () => {
      await tab.reload();
      return tab.text(COUNT);
    }, WAIT)
    .toBe(countText(count, count));
}

const ROW_HEIGHT = 66;

/** The little of the extension API the scenario calls in a page, as Chromium and Firefox both offer it. */
type StorageApi = { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

/** The row at `index` of the list, scrolled to: its paper, and the day it names when it starts one. */
async function rowAt(tab: Tab, index: number): Promise<{ id: string; day: string | null }> {
  await tab.evaluate(
    (top) => document.querySelector('.list-viewport')?.scrollTo(0, top),
    Math.max(0, (index - 1) * ROW_HEIGHT),
  );
  const read = () =>
    tab.evaluate((top) => {
      const row = [...document.querySelectorAll<HTMLElement>('li[data-paper-id]')].find(
        (candidate) => candidate.style.top === `${top}px`,
      );
      return row ? { id: row.dataset.paperId ?? '', day: row.querySelector('.day-start')?.textContent ?? null } : null;
    }, index * ROW_HEIGHT);
  await expect.poll(read, WAIT).not.toBeNull();
  return (await read()) as { id: string; day: string | null };
}

/** What the papers' count says when `shown` of `total` are listed ("12 of 80 papers", or "80 papers"). */
const countText = (shown: number, total: number) =>
  shown === total ? `${total.toLocaleString('en-US')} papers` : `${shown} of ${total.toLocaleString('en-US')} papers`;

export function describeDailyVisitScenario(launch: () => Promise<ExtensionBrowser>) {
  let browser: ExtensionBrowser;
  const daily = dailyScreen();
  // A backup of papers met days ago: one of them is on today's daily page again, so it is not new today.
  const metAgain = daily.papers[3];
  const threeDaysAgo = Date.now() - 3 * DAY;
  // All of that day; the paper met again first, so that sorted by first sighting it leads the day.
  const older = syntheticLibrary(40, threeDaysAgo, 1).map((paper) => ({
    ...paper,
    firstSeenAt: new Date(threeDaysAgo - 60 * 60_000).toISOString(),
    lastSeenAt: new Date(threeDaysAgo).toISOString(),
  }));
  older[0] = {
    ...older[0],
    id: metAgain.id,
    title: metAgain.title,
    abstract: metAgain.abstract ?? null,
    firstSeenAt: new Date(threeDaysAgo).toISOString(),
  };
  // A misspelling's family: two papers of "transformer(s)" and a newer one of "transfer", one rare word shared.
  const family = [
    { id: '2611.90001', title: 'Transformers for marsupial shelves' },
    { id: '2611.90002', title: 'A transformer for marsupial shelves' },
    { id: '2611.90003', title: 'Transfer learning for marsupial shelves in $\\mathcal{O}(n)$' },
  ].map((fields, index) => ({
    ...older[1 + index],
    ...fields,
    abstract: 'Shelves, compared.',
    lastSeenAt: new Date(threeDaysAgo - (3 - index) * 60_000).toISOString(),
  }));
  older.splice(1, family.length, ...family);
  const total = older.length + daily.papers.length - 1;
  const fresh = new Set(daily.papers.filter((paper) => paper.id !== metAgain.id).map((paper) => paper.id));
  let dailyTab: Tab;

  beforeAll(async () => {
    browser = await launch();
    await browser.serveHfSite({ [daily.path]: daily.html });
    const page = await browser.openExtensionPage('library');
    const backup = await tempFile(browser, 'older.json', backupOf(older));
    await page.chooseFile(IMPORT_INPUT, backup);
    // Hooks cannot poll with expect: they wait, then assert.
    const imported = `Imported: ${older.length} added, 0 updated, 0 skipped.`;
    expect(
      await eventually(
        () => page.text(IMPORT_STATUS),
        (status) => status === imported,
      ),
    ).toBe(imported);
    await rm(backup);
    // The last look of the visit before, an hour ago: what the daily page brings now is new since then.
    await page.evaluate((lastOpenedAt) => {
      const scope = globalThis as unknown as Record<'browser' | 'chrome', StorageApi | undefined>;
      const api = (scope.browser ?? scope.chrome) as StorageApi;
      return api.storage.local.set({ visits: { lastOpenedAt, newSince: null } });
    }, new Date(Date.now() - 60 * 60_000).toISOString());
    await page.close();
    dailyTab = await browser.newTab();
    expect(await dailyTab.goto(HF_ORIGIN + daily.path)).toBe(200);
    const popup = await browser.openExtensionPage('popup');
    const counted = async () => {
      await popup.reload();
      return popup.text(COUNT);
    };
    expect(await eventually(counted, (count) => count === countText(total, total))).toBe(countText(total, total));
    await popup.close();
  });
  afterAll(() => browser?.close());

  it('shows only what was first seen since the last visit, its count in the label, and n toggles it', async () => {
    const popup = await browser.openExtensionPage('popup');
    await expect.poll(() => popup.text(NEW_SINCE), WAIT).toBe(`New since your last visit (${fresh.size})`);
    await popup.click(NEW_SINCE);
    await expect.poll(() => popup.text(COUNT), WAIT).toBe(countText(fresh.size, total));
    const shown = (await shownRows(popup)).map((row) => row.id);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((id) => !fresh.has(id))).toEqual([]);
    await popup.press('n');
    await expect.poll(() => popup.text(COUNT), WAIT).toBe(countText(total, total));
    await popup.close();
  });

  it('names each day of the list: by the day last seen, or the day first seen when sorted by it', async () => {
    const popup = await browser.openExtensionPage('popup');
    const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long' }).format(threeDaysAgo);
    const onToday = new Set(daily.papers.map((paper) => paper.id));
    const olderIds = new Set(older.map((paper) => paper.id));
    // Most recently seen first: today's page (the paper met again with it) under Today, then the backup's day.
    expect(await rowAt(popup, 0)).toMatchObject({ day: 'Today' });
    const lastOfToday = await rowAt(popup, daily.papers.length - 1);
    expect(onToday.has(lastOfToday.id) && lastOfToday.day).toBe(null);
    const firstOfOlder = await rowAt(popup, daily.papers.length);
    expect(olderIds.has(firstOfOlder.id) && firstOfOlder.id !== metAgain.id).toBe(true);
    expect(firstOfOlder.day).toBe(weekday);

    // First seen first: the paper met again goes down to the day it was first met, which its row names.
    await popup.select('select[aria-label="Sort by"]', 'firstSeen');
    await expect.poll(async () => (await rowAt(popup, fresh.size)).id, WAIT).toBe(metAgain.id);
    expect(await rowAt(popup, 0)).toMatchObject({ day: 'Today' });
    expect(await rowAt(popup, fresh.size)).toEqual({ id: metAgain.id, day: weekday });
    expect(await popup.text(`li[data-paper-id="${metAgain.id}"] .meta time`)).toMatch(
      /^first seen [A-Z][a-z]{2} \d{1,2}$/,
    );
    await popup.close();
  });

  it('says the same count on the page’s badge and in the popup, for the same paper at the same moment', async () => {
    await dailyTab.reload(); // a second view of the daily page: its cards seen before carry a badge
    const badgeOf = (id: string) =>
      dailyTab.evaluate(
        (paperId) =>
          [...document.querySelectorAll('article')]
            .find((card) => card.querySelector(`h3 a[href="/papers/${paperId}"]`))
            ?.querySelector('papershelf-seen')?.shadowRoot?.textContent ?? null,
        id,
      );
    let badge = null as string | null;
    await expect
      .poll(async () => {
        badge = await badgeOf(metAgain.id);
        return badge;
      }, WAIT)
      .toMatch(/^seen \d+× · first /);
    const onPage = /seen (\d+)×/.exec(badge ?? '')?.[1];
    expect(badge?.match(/\bseen\b/g)).toHaveLength(1);
    const popup = await browser.openExtensionPage('popup');
    await popup.fill(SEARCH, metAgain.title);
    await expect.poll(() => popup.text(`li[data-paper-id="${metAgain.id}"] .seen`), WAIT).toBe(`seen ${onPage}×`);
    await popup.close();
  });

  it('follows the README’s keys: / query ↓ s stars the row, Esc goes back to the box, clears it, leaves it, n', async () => {
    const paper = daily.papers[0];
    const popup = await browser.openExtensionPage('popup');
    const row = `li[data-paper-id="${paper.id}"]`;
    await expect.poll(async () => (await shownRows(popup)).length, WAIT).toBeGreaterThan(0);
    await popup.press('/');
    await popup.type(paper.title);
    await expect.poll(async () => (await shownRows(popup))[0]?.id, WAIT).toBe(paper.id);
    await popup.press('ArrowDown');
    await popup.press('s');
    await expect
      .poll(
        () =>
          popup.evaluate(
            (css) => document.querySelector(css)?.getAttribute('aria-pressed') ?? null,
            `${row} button.star`,
          ),
        WAIT,
      )
      .toBe('true');
    expect(await popup.evaluate((css) => (document.querySelector(css) as HTMLInputElement).value, SEARCH)).toBe(
      paper.title,
    );
    await popup.press('Escape');
    expect(await focused(popup)).toBe('INPUT search');
    await popup.press('Escape');
    await expect
      .poll(() => popup.evaluate((css) => (document.querySelector(css) as HTMLInputElement).value, SEARCH), WAIT)
      .toBe('');
    await popup.press('Escape');
    expect(await focused(popup)).not.toBe('INPUT search');
    await popup.press('n');
    await expect.poll(() => popup.text(COUNT), WAIT).toBe(countText(fresh.size, total));
    await popup.close();
  });

  it('says where a search matched when the title does not show it, and ranks a misspelling’s family first', async () => {
    const popup = await browser.openExtensionPage('popup');
    // A word of one abstract that no title holds.
    const titles = [...daily.papers, ...older].map((paper) => paper.title.toLowerCase()).join(' ');
    const abstracts = [...daily.papers, ...older].map((paper) => paper.abstract ?? '');
    const [paper, word] = daily.papers
      .flatMap((candidate) =>
        (candidate.abstract?.match(/\b[a-z]{9,}\b/g) ?? []).map((found) => [candidate, found] as const),
      )
      .find(
        ([, found]) => !titles.includes(found) && abstracts.filter((text) => text.includes(found)).length === 1,
      ) as readonly [(typeof daily.papers)[0], string];
    await popup.fill(SEARCH, word);
    const snippet = `li[data-paper-id="${paper.id}"] .snippet`;
    await expect.poll(() => popup.text(`${snippet} mark`), WAIT).toBe(word);
    expect(await popup.text(snippet)).toMatch(/^abstract: /);

    await popup.fill(SEARCH, 'transfomer marsupial');
    await expect.poll(async () => (await shownRows(popup)).map((row) => row.id), WAIT).toHaveLength(3);
    const ranked = (await shownRows(popup)).map((row) => row.id);
    expect(ranked.slice(0, 2).sort()).toEqual(['2611.90001', '2611.90002']);
    expect(ranked[2]).toBe('2611.90003');
    await popup.close();
  });

  it('exports what is on screen first, everything one choice away, a selection by its size, in files named so', async () => {
    const page = await browser.openExtensionPage('library');
    const date = /\d{4}-\d{2}-\d{2}\.json$/.source;
    const exported = async () => {
      await openMenu(page);
      const file = await page.download({ css: '.export button', text: 'Export' });
      return { fileName: file.fileName, papers: (JSON.parse(file.text) as ExportFile).papers.map((p) => p.id) };
    };
    await page.fill(SEARCH, 'marsupial');
    await expect.poll(async () => (await shownRows(page)).length, WAIT).toBe(3);
    await openMenu(page);
    await expect
      .poll(() => page.evaluate((css) => (document.querySelector(css) as HTMLSelectElement).value, SCOPE), WAIT)
      .toBe('view');
    expect((await texts(page, `${SCOPE} option`)).slice(0, 2)).toEqual(['This view (3)', `Everything (${total})`]);
    const view = await exported();
    expect(view.fileName).toMatch(new RegExp(`^papershelf-search-marsupial-${date}`));
    expect(view.papers.sort()).toEqual(family.map((paper) => paper.id).sort());
    // BibTeX of the same view: each entry leads to arXiv, keeps the Hugging Face page beside it, and math as math.
    await page.select('select[aria-label="Export format"]', 'bibtex');
    const bibtex = await page.download({ css: '.export button', text: 'Export' });
    expect(bibtex.fileName).toMatch(new RegExp(`^papershelf-search-marsupial-${date.replace('json', 'bib')}`));
    for (const { id } of family) {
      expect(bibtex.text).toContain(`url = {https://arxiv.org/abs/${id}}`);
      expect(bibtex.text).toContain(`howpublished = {\\url{https://huggingface.co/papers/${id}}}`);
    }
    expect(bibtex.text).toContain('title = {Transfer learning for marsupial shelves in {$\\mathcal{O}(n)$}}');
    await page.select('select[aria-label="Export format"]', 'json');
    await page.select(SCOPE, 'all');
    const all = await exported();
    expect(all.fileName).toMatch(new RegExp(`^papershelf-all-${date}`));
    expect(all.papers).toHaveLength(total);

    await page.fill(SEARCH, '');
    await expect.poll(() => page.text(COUNT), WAIT).toBe(countText(total, total));
    // The list draws only the rows in view: each is scrolled to, then ticked (the menu closed, not over the list).
    await closeMenu(page);
    const twelve: string[] = [];
    for (let index = 0; index < 12; index++) {
      const { id } = await rowAt(page, index);
      await page.click(`li[data-paper-id="${id}"] input.select`);
      twelve.push(id);
    }
    await openMenu(page);
    await page.select(SCOPE, 'selection');
    const selection = await exported();
    expect(selection.fileName).toMatch(new RegExp(`^papershelf-selection-12-${date}`));
    expect(selection.papers.sort()).toEqual([...twelve].sort());

    // Deleting them: the dialog says how many, in words that agree with the number.
    await page.click({ css: '.tools summary', text: 'Library tools' });
    await page.click({ css: '.tools button', text: 'Delete selected (12)' });
    await expect.poll(() => page.text('dialog[open] h2'), WAIT).toBe('Delete 12 papers?');
    expect(await texts(page, 'dialog[open] p')).toContain(
      'This deletes 12 papers, with their stars, tags and notes. It cannot be undone.',
    );
    await page.click({ css: 'dialog[open] button', text: 'Delete' });
    await expect.poll(() => page.text(COUNT), WAIT).toBe(countText(total - 12, total - 12));

    // One paper: the dialog names it, in the singular. (The tools are closed while a row is ticked: at a short
    // window's height, open, they lie over the list.)
    await page.click({ css: '.tools summary', text: 'Library tools' });
    await closeMenu(page);
    const one = await rowAt(page, 0);
    const title = (await page.text(`li[data-paper-id="${one.id}"] a.title`)) as string;
    await page.click(`li[data-paper-id="${one.id}"] input.select`);
    await openMenu(page);
    await page.click({ css: '.tools summary', text: 'Library tools' });
    await page.click({ css: '.tools button', text: 'Delete selected (1)' });
    await expect.poll(() => page.text('dialog[open] h2'), WAIT).toBe(`Delete “${title}”?`);
    expect(await texts(page, 'dialog[open] p')).toContain(
      `This deletes “${title}”, with its star, tags and note. It cannot be undone.`,
    );
    await page.click({ css: 'dialog[open] button', text: 'Cancel' });
    expect(await page.text(COUNT)).toBe(countText(total - 12, total - 12));
    await page.close();
  });

  it('wraps a title with a very long unbroken word in the row and the detail, nothing holding it scrolls sideways', async () => {
    const word = `Hyper${'polyfluoro'.repeat(18)}ethylene`;
    const paper = { ...older[10], id: '2611.90042', title: `On ${word} chains` };
    const file = await tempFile(browser, 'long-word.json', backupOf([paper]));
    const popup = await browser.openExtensionPage('popup');
    await popup.chooseFile(IMPORT_INPUT, file);
    await expect.poll(() => popup.text(IMPORT_STATUS), WAIT).toBe('Imported: 1 added, 0 updated, 0 skipped.');
    await rm(file);
    await popup.fill(SEARCH, paper.id); // a word this long is not indexed; its id finds it
    const title = `li[data-paper-id="${paper.id}"] a.title`;
    await expect.poll(() => popup.text(title), WAIT).toBe(paper.title);
    const fits = (css: string) =>
      popup.evaluate((query) => {
        const element = document.querySelector(query) as HTMLElement;
        // The title and everything that holds it (the row, the list, the page): none scrolls sideways.
        const holders: Element[] = [];
        for (let at: Element | null = element; at; at = at.parentElement) holders.push(at);
        const sideways = holders.filter(
          (other) =>
            other.scrollWidth > other.clientWidth + 1 &&
            other.clientWidth > 0 &&
            !['hidden', 'clip'].includes(getComputedStyle(other).overflowX),
        );
        return {
          wraps: element.scrollWidth <= element.clientWidth + 1,
          sideways: sideways.map(
            (other) => `${other.tagName}.${other.className} ${other.scrollWidth}>${other.clientWidth}`,
          ),
        };
      }, css);
    expect(await fits(title)).toEqual({ wraps: true, sideways: [] });
    await popup.click(title);
    await expect.poll(() => popup.text('#detail-title'), WAIT).toBe(paper.title);
    expect(await fits('#detail-title')).toEqual({ wraps: true, sideways: [] });
    await popup.close();
  });

  /**
   * Chooses a file in a popup that `stall` has set to stop short of the commit, waits until `stalled` says so,
   * closes the popup; the next opening must say the import was interrupted, offer the file again, and the same file
   * chosen again must be imported whole.
   */
  async function interruptedThenRetried(series: number, stall: (tab: Tab) => Promise<void>, stalled: RegExp) {
    const papers = syntheticLibrary(5, Date.now(), 1).map((paper, index) => ({
      ...paper,
      id: `2612.${series + index}`,
    }));
    const fileName = `${browser.name}-interrupted-${series}.json`;
    const file = await tempFile(browser, `interrupted-${series}.json`, backupOf(papers));
    const before = await browser.openExtensionPage('popup');
    await expect.poll(() => before.text(COUNT), WAIT).toMatch(/papers$/);
    const shelf = (await before.text(COUNT)) as string;
    const size = Number(shelf.replace(/\D/g, ''));
    await stall(before);
    await before.chooseFile(IMPORT_INPUT, file);
    await expect
      .poll(() => before.evaluate(() => document.documentElement.dataset.stalled ?? '', null), WAIT)
      .toMatch(stalled);
    await before.close();

    const next = await browser.openExtensionPage('popup');
    await expect
      .poll(() => next.text(IMPORT_STATUS), WAIT)
      .toBe(
        `Nothing imported from ${fileName}: the import was interrupted: the window closed before the file was handed over; nothing of it was saved. Choose it again to retry.`,
      );
    expect(await next.text('button.retry-import')).toBe('Choose the file again');
    expect(await next.text(COUNT)).toBe(shelf);
    // The retry chooses the same file in the same input that button opens.
    await next.chooseFile(IMPORT_INPUT, file);
    await expect
      .poll(() => next.text(IMPORT_STATUS), WAIT)
      .toBe(`Imported: ${papers.length} added, 0 updated, 0 skipped.`);
    await rm(file);
    await expectShelfOf(next, size + papers.length);
    await next.close();
  }

  it('tells, on the next opening, of an import whose window closed while it read the file; the retry imports it', async () => {
    // A read that has not ended when the window closes (a 64 MB file takes seconds): here it never ends.
    await interruptedThenRetried(
      90_001,
      (popup) =>
        popup.evaluate(() => {
          File.prototype.text = () => {
            document.documentElement.dataset.stalled = 'reading';
            return new Promise<string>(() => {});
          };
        }, null),
      /^reading$/,
    );
  });

  it('tells, on the next opening, of an import whose window closed while it handed the file over; the retry imports it', async () => {
    // The first piece reaches the background; its answer never comes back, as when the window closes between pieces.
    await interruptedThenRetried(
      90_101,
      (popup) =>
        popup.evaluate(() => {
          type Runtime = { id?: string; sendMessage(message: unknown): Promise<unknown> };
          const scope = globalThis as unknown as Record<'browser' | 'chrome', { runtime: Runtime } | undefined>;
          const { runtime } = (scope.browser?.runtime.id ? scope.browser : scope.chrome) as { runtime: Runtime };
          const send = runtime.sendMessage.bind(runtime);
          runtime.sendMessage = (message) => {
            if ((message as { type?: string }).type !== 'importChunk') return send(message);
            return send(message).then(() => {
              document.documentElement.dataset.stalled = 'handed over in part';
              return new Promise(() => {});
            });
          };
        }, null),
      /^handed over in part$/,
    );
  });

  it('goes on with an import whose window closed while the background checked and saved it, and says what it added', async () => {
    const papers = syntheticLibrary(3_000, Date.now(), 30).map((paper, index) => ({
      ...paper,
      id: `2612.${String(20_000 + index).padStart(5, '0')}`,
    }));
    const file = await tempFile(browser, 'saved-meanwhile.json', backupOf(papers));
    const popup = await browser.openExtensionPage('popup');
    await expect.poll(() => popup.text(COUNT), WAIT).toMatch(/papers$/);
    const size = Number(((await popup.text(COUNT)) as string).replace(/\D/g, ''));
    await popup.chooseFile(IMPORT_INPUT, file);
    await expect
      .poll(() => popup.text(IMPORT_STATUS), { timeout: 60_000, interval: 50 })
      .toMatch(/^(Checking|Saving) /);
    await popup.close();

    const next = await browser.openExtensionPage('popup');
    await expect
      .poll(() => next.text(IMPORT_STATUS), { timeout: 120_000, interval: 500 })
      .toBe('Imported: 3,000 added, 0 updated, 0 skipped.');
    await rm(file);
    await expectShelfOf(next, size + papers.length);
    await next.close();
  });
}
