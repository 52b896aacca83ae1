// Sync between two browser profiles, written once and run in Chromium (../sync.e2e.ts) and Firefox ESR
// (../firefox/sync.firefox.ts). No sync account is signed in: what profile A writes to storage.sync is read out and
// handed to profile B's storage.sync, as the browser's sync would deliver it, and back.
import type { browser } from 'wxt/browser';
import { HF_ORIGIN } from '@/lib/arxiv';
import type { Paper } from '@/lib/paper';
import { readItem } from '@/lib/sync/codec';
import { type Annotations, annotationsOf } from '@/lib/sync/entry';
import { shardOf, shardOfKey } from '@/lib/sync/pack';
import { CHROME_SYNC_QUOTA, FIREFOX_SYNC_QUOTA, itemBytes } from '@/lib/sync/quota';
import { dailyScreen } from '../hf-site';
import type { ExtensionBrowser, Tab } from './driver';
import { closeMenu, openMenu, openRowMenu } from './menus';
import { exportJson, shownRows } from './scenarios';

const WAIT = { timeout: 20_000, interval: 250 };
const COUNT = 'output[aria-label="Paper count"]';
type Items = Record<string, unknown>;

/** The extension API in the page the test runs in: `browser` in Firefox, `chrome` in Chromium. */
type Api = typeof browser;

const readSynced = (tab: Tab): Promise<Items> =>
  tab.evaluate(() => {
    const page = globalThis as unknown as { browser?: Api; chrome: Api };
    return (page.browser ?? page.chrome).storage.sync.get(null);
  }, null);

/** What the browser's sync does: the other profile's items, written into this one's storage.sync. */
const deliver = (tab: Tab, items: Items) =>
  tab.evaluate((delivered) => {
    const page = globalThis as unknown as { browser?: Api; chrome: Api };
    return (page.browser ?? page.chrome).storage.sync.set(delivered);
  }, items);

const sendMessage = (tab: Tab, message: { type: string; data: unknown }) =>
  tab.evaluate((sent) => {
    const page = globalThis as unknown as { browser?: Api; chrome: Api };
    return (page.browser ?? page.chrome).runtime.sendMessage(sent);
  }, message);

/** What the browser counts for each item, where it says (null where it does not). */
const bytesInUse = (tab: Tab, keys: string[]) =>
  tab.evaluate(async (wanted) => {
    const page = globalThis as unknown as { browser?: Api; chrome: Api };
    const sync = (page.browser ?? page.chrome).storage.sync;
    return Promise.all(
      wanted.map((key) => (sync.getBytesInUse ? sync.getBytesInUse(key) : Promise.resolve(null)).catch(() => null)),
    );
  }, keys);

/** The annotations the synced items hold, by paper id (as a third browser would read them). */
function syncedAnnotations(items: Items): Map<string, Annotations> {
  const papers = new Map<string, Annotations>();
  for (const [key, value] of Object.entries(items)) {
    const shard = shardOfKey(key);
    if (shard === null) continue;
    const reading = readItem(value, (id) => shardOf(id) === shard, Date.now());
    if (!reading.ok) throw new Error(`${key}: ${reading.reason}`);
    for (const [id, entry] of reading.shard.entries) papers.set(id, annotationsOf(entry, reading.shard.clearedAt));
  }
  return papers;
}

const annotationsOfPaper = (paper: Paper | undefined): Annotations | undefined =>
  paper && { starred: paper.starred, tags: paper.tags, note: paper.note, readingState: paper.readingState ?? null };

async function turnSyncOn(tab: Tab) {
  await openMenu(tab);
  await tab.click({ css: '.sync-settings summary', text: 'Sync between browsers' });
  await tab.click('.sync-settings input[type="checkbox"]');
  await expect
    .poll(() => tab.evaluate(() => (document.querySelector('.sync-settings input') as HTMLInputElement).checked, null))
    .toBe(true);
  await closeMenu(tab); // the list is clicked next
}

const row = (id: string) => `li[data-paper-id="${id}"]`;

async function annotate(tab: Tab, id: string, tags: string, note: string) {
  await openRowMenu(tab, row(id));
  await tab.click(`${row(id)} button.edit`);
  await tab.fill('dialog[aria-labelledby="annotate-title"] input[type="text"]', tags);
  await tab.fill('dialog[aria-labelledby="annotate-title"] textarea', note);
  await tab.click('dialog[aria-labelledby="annotate-title"] button[type="submit"]');
}

/** Milliseconds from a click on `target` to the write into storage.sync that follows it. */
async function timeToSyncWrite(tab: Tab, target: string): Promise<number> {
  await tab.evaluate(() => {
    const writes: number[] = [];
    (window as unknown as { syncWrites: number[] }).syncWrites = writes;
    const page = globalThis as unknown as { browser?: Api; chrome: Api };
    (page.browser ?? page.chrome).storage.onChanged.addListener((_changes, area) => {
      if (area === 'sync') writes.push(performance.now());
    });
  }, null);
  const clickedAt = await tab.evaluate(() => performance.now(), null);
  await tab.click(target);
  let writtenAt: number | undefined;
  try {
    await expect
      .poll(async () => {
        writtenAt = await tab.evaluate(() => (window as unknown as { syncWrites: number[] }).syncWrites[0], null);
        return writtenAt;
      }, WAIT)
      .toBeDefined();
  } catch (error) {
    // What the background says of sync, and whether the click took: where to look when no write came.
    const said = await tab.evaluate(async (clicked) => {
      const page = globalThis as unknown as { browser?: Api; chrome: Api };
      const { syncStatus } = await (page.browser ?? page.chrome).storage.local.get('syncStatus');
      return { syncStatus, pressed: document.querySelector(clicked)?.getAttribute('aria-pressed') };
    }, target);
    throw new Error(`no write into storage.sync after clicking ${target}: ${JSON.stringify(said)}`, { cause: error });
  }
  return (writtenAt as number) - clickedAt;
}

/**
 * Profile A annotates papers it captured and turns sync on; B, which never saw them, receives A's items and shows
 * and exports them; B's edits go back to A; an older state replayed changes nothing; neither profile makes a
 * network request of its own.
 */
export function describeSyncScenario(launch: () => Promise<ExtensionBrowser>) {
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;
  const daily = dailyScreen();
  const expected = new Map<string, Annotations>();
  let ids: string[] = [];
  let fromA: Items = {};
  const measured: string[] = [];

  beforeAll(async () => {
    a = await launch();
    b = await launch();
    for (const browser of [a, b]) await browser.serveHfSite({ [daily.path]: daily.html });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    console.log(`${a?.name} sync: ${measured.join('; ')}`);
  });

  /** Shows the daily page in `browser`, then its popup once that counts the page's papers. */
  async function popupAfterDaily(browser: ExtensionBrowser): Promise<Tab> {
    const tab = await browser.newTab();
    expect(await tab.goto(HF_ORIGIN + daily.path)).toBe(200);
    const popup = await browser.openExtensionPage('popup');
    await expect.poll(() => popup.text(COUNT), WAIT).toBe(`${daily.papers.length} papers`);
    await tab.close();
    return popup;
  }

  it('A captures and annotates papers, turns sync on, and writes them into storage.sync within its limits', async () => {
    const popup = await popupAfterDaily(a);
    await expect.poll(async () => (await shownRows(popup)).length, WAIT).toBeGreaterThan(5);
    ids = (await shownRows(popup)).slice(0, 5).map((shown) => shown.id);
    const [starred, noted, queued, read, notInterested] = ids;

    await popup.click(`${row(starred)} button.star`);
    await annotate(popup, noted, 'rl, survey', 'Compare with last week’s <b>paper</b>.');
    for (const [id, state] of [
      [queued, 'to-read'],
      [read, 'read'],
      [notInterested, 'not-interested'],
    ] as const)
      expect(await sendMessage(popup, { type: 'setReadingState', data: { id, state } })).toMatchObject({ ok: true });
    expected.set(starred, { starred: true, tags: [], note: null, readingState: null });
    expected.set(noted, {
      starred: false,
      tags: ['rl', 'survey'],
      note: 'Compare with last week’s <b>paper</b>.',
      readingState: null,
    });
    expected.set(queued, { starred: false, tags: [], note: null, readingState: 'to-read' });
    expected.set(read, { starred: false, tags: [], note: null, readingState: 'read' });
    expected.set(notInterested, { starred: false, tags: [], note: null, readingState: 'not-interested' });

    await turnSyncOn(popup);
    await expect
      .poll(async () => Object.fromEntries(syncedAnnotations(await readSynced(popup))), WAIT)
      .toEqual(Object.fromEntries(expected));
    await expect.poll(() => popup.text('.sync-status'), WAIT).toMatch(/^5 papers synced \(\d+ kB of 100 kB\)\./);

    // The items are within the browser's limits, measured as the browser measures them.
    fromA = await readSynced(popup);
    const quota = a.name === 'firefox' ? FIREFOX_SYNC_QUOTA : CHROME_SYNC_QUOTA;
    const inUse = await bytesInUse(popup, Object.keys(fromA));
    Object.keys(fromA).forEach((key, index) => {
      const estimate = itemBytes(key, fromA[key]);
      expect(estimate).toBeLessThanOrEqual(quota.bytesPerItem);
      // Where the browser tells, the estimate is what it counts, or more.
      if (inUse[index] !== null) expect(estimate, key).toBeGreaterThanOrEqual(inUse[index] as number);
    });
    measured.push(
      `items ${Object.keys(fromA).length}, estimated ${Object.keys(fromA)
        .map((key) => itemBytes(key, fromA[key]))
        .join('/')} bytes, browser says ${inUse.join('/')}`,
    );

    // An edit is in storage.sync a moment later.
    const latencies: number[] = [];
    for (const id of [starred, queued, starred]) {
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // past the write pacing
      latencies.push(Math.round(await timeToSyncWrite(popup, `${row(id)} button.star`)));
    }
    measured.push(`edit to storage.sync write ${latencies.join(', ')} ms`);
    expect(Math.max(...latencies)).toBeLessThan(5_000);
    await expect.poll(async () => syncedAnnotations(await readSynced(popup)).get(queued)?.starred, WAIT).toBe(true);
    expected.set(queued, { ...(expected.get(queued) as Annotations), starred: true });
    fromA = await readSynced(popup);
    await popup.close();
  });

  it('B, which never saw the papers, shows them from A with their annotations, and exports them', async () => {
    const popup = await b.openExtensionPage('popup');
    await expect.poll(() => popup.text(COUNT), WAIT).toBe('0 papers');
    await turnSyncOn(popup);
    await deliver(popup, fromA);
    await expect.poll(() => popup.text(COUNT), WAIT).toBe('5 papers');
    await expect
      .poll(async () => (await shownRows(popup)).map((shown) => shown.id).sort(), WAIT)
      .toEqual([...ids].sort());
    for (const id of ids) {
      expect(await popup.text(`${row(id)} .from-sync`)).toBe('from your other browser');
      const want = expected.get(id) as Annotations;
      expect(
        await popup.evaluate(
          (css) => document.querySelector(css)?.getAttribute('aria-pressed'),
          `${row(id)} button.star`,
        ),
      ).toBe(String(want.starred));
      expect(
        await popup.evaluate(
          (css) => [...document.querySelectorAll(css)].map((tag) => tag.textContent),
          `${row(id)} .tag`,
        ),
      ).toEqual(want.tags);
    }
    const file = await exportJson(popup);
    expect(file.count).toBe(5);
    const exported = new Map(file.papers.map((paper) => [paper.id, paper]));
    for (const id of ids) {
      expect(annotationsOfPaper(exported.get(id)), id).toEqual(expected.get(id));
      expect(exported.get(id)).toMatchObject({
        seenCount: 0,
        title: daily.papers.find((paper) => paper.id === id)?.title,
      });
    }
    await popup.close();
  });

  it('B unstars one and edits a note; A receives B’s state and follows it', async () => {
    const [starred, noted] = ids;
    const popup = await b.openExtensionPage('popup');
    await expect.poll(async () => (await shownRows(popup)).length, WAIT).toBe(5);
    await popup.click(`${row(starred)} button.star`);
    await annotate(popup, noted, 'rl, survey', 'Edited in B.');
    expected.set(starred, { ...(expected.get(starred) as Annotations), starred: false });
    expected.set(noted, { ...(expected.get(noted) as Annotations), note: 'Edited in B.' });
    let fromB: Items = {};
    await expect
      .poll(async () => {
        fromB = await readSynced(popup);
        return Object.fromEntries(syncedAnnotations(fromB));
      }, WAIT)
      .toEqual(Object.fromEntries(expected));
    // The unstarred paper annotates nothing any more: B, which knew it only through sync, lets it go.
    await expect.poll(() => popup.text(COUNT), WAIT).toBe('4 papers');
    await popup.close();

    const inA = await a.openExtensionPage('popup');
    await deliver(inA, fromB);
    let file = await exportJson(inA);
    await expect
      .poll(async () => {
        file = await exportJson(inA);
        return ids.map((id) => annotationsOfPaper(file.papers.find((paper) => paper.id === id)));
      }, WAIT)
      .toEqual(ids.map((id) => expected.get(id)));
    expect(file.count).toBe(daily.papers.length); // A keeps every paper it captured
    await inA.close();
  });

  it('an older state replayed later changes nothing in A, and the newer one is written back over it', async () => {
    const popup = await a.openExtensionPage('popup');
    const before = await exportJson(popup);
    await deliver(popup, fromA);
    await expect
      .poll(async () => Object.fromEntries(syncedAnnotations(await readSynced(popup))), WAIT)
      .toEqual(Object.fromEntries(expected));
    const after = await exportJson(popup);
    expect(after.papers).toEqual(before.papers);
    await popup.close();
  });

  it('a page in B that shows a paper known only through sync fills it in, and the mark goes', async () => {
    const popup = await popupAfterDaily(b);
    const [, noted] = ids;
    await expect.poll(() => popup.text(`${row(noted)} .seen`), WAIT).toBe('seen 1×');
    expect(await popup.text(`${row(noted)} .from-sync`)).toBeNull();
    const file = await exportJson(popup);
    const paper = file.papers.find((one) => one.id === noted);
    expect(annotationsOfPaper(paper)).toEqual(expected.get(noted));
    expect(paper?.abstract).toBe(daily.papers.find((one) => one.id === noted)?.abstract);
    await popup.close();
  });

  it('neither profile made a network request of its own', async () => {
    expect(await a.extensionRequests()).toEqual([]);
    expect(await b.extensionRequests()).toEqual([]);
  });
}
