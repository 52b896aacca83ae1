// What to read next: reading states, For you learned from three stars, Similar papers, and marks on the HF pages.
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { type ExtensionSession, launchExtension } from './harness';
import { isReinforcementLearning, type Screen, serveScreens, themedScreens } from './hf-site';
import { eventually, expectLibraryCount, exportJson, importAndWait, openMenu, openPopup, openRowMenu } from './popup';
import { launchedForSuite } from './suite';

const [firstWeek, secondWeek] = themedScreens();
const byId = new Map([...firstWeek.papers, ...secondWeek.papers].map((paper) => [paper.id, paper]));
const aboutRl = (id: string) => /reinforcement|reward|policy/i.test(`${byId.get(id)?.title} ${byId.get(id)?.abstract}`);

async function browse(session: ExtensionSession, screen: Screen) {
  const tab = await session.context.newPage();
  await tab.goto(HF_ORIGIN + screen.path);
  return tab;
}

/** The For you list's titles, once it lists something (the background retrains after a change). */
async function forYouTitles(popup: Page, accept: (titles: string[]) => boolean = (titles) => titles.length > 0) {
  const list = popup.getByRole('list', { name: /^For you/ });
  return eventually(
    async () => {
      await popup.reload();
      await popup.getByRole('button', { name: 'For you' }).click();
      await list.waitFor({ state: 'attached' });
      return list.locator('.suggestion-title').allTextContents();
    },
    accept,
    20_000,
  );
}

/** The row of the paper titled `title`, found by searching for it (the list only draws the rows in view). */
async function rowOf(popup: Page, title: string) {
  await popup.getByRole('searchbox').fill(title);
  const row = popup.locator('li[data-paper-id]', { has: popup.locator('a.title', { hasText: title }) }).first();
  await row.waitFor();
  return row;
}

const idOfTitle = (title: string) => [...byId.values()].find((paper) => paper.title === title)?.id as string;

describe('what to read next', () => {
  const starred = firstWeek.papers.filter(isReinforcementLearning).slice(0, 3);
  /** The title marked Not interested, left as it is by the tests after. */
  let setAside = '';

  const session = launchedForSuite(async (session) => {
    await serveScreens(session.context, [firstWeek, secondWeek]);
    await (await browse(session, firstWeek)).close();
    await expectLibraryCount(session, firstWeek.papers.length);
  });

  it('says what to do before three papers are chosen, then ranks the starred theme first and says why', async () => {
    const popup = await openPopup(session());
    await popup.getByRole('button', { name: 'For you' }).click();
    await expect
      .poll(() => popup.getByRole('status').allTextContents())
      .toContainEqual(expect.stringMatching(/^Star or queue 3 more papers/));
    await popup.getByRole('button', { name: 'All papers' }).click();
    for (const paper of starred)
      await (await rowOf(popup, paper.title)).getByRole('button', { name: /^Star / }).click();
    await popup.getByRole('searchbox').fill('');

    const titles = await forYouTitles(popup);
    expect(titles.length).toBeGreaterThanOrEqual(10);
    expect(titles.some((title) => starred.some((paper) => paper.title === title))).toBe(false);
    const top = titles.slice(0, 3).map(idOfTitle);
    expect(top.filter(aboutRl).length, titles.slice(0, 3).join(' | ')).toBeGreaterThanOrEqual(2);
    expect(titles.slice(0, 3).filter((title) => isReinforcementLearning({ title })).length).toBeGreaterThanOrEqual(2);
    const reasons = await popup.locator('.suggestion .reasons').first().textContent();
    expect(reasons).toMatch(/^because: \S/);
    await popup.close();
  });

  it('takes a paper marked Not interested out of For you, and keeps that state', async () => {
    const popup = await openPopup(session());
    const before = await forYouTitles(popup);
    const [first] = before;
    setAside = first;
    await popup.getByRole('button', { name: `Not interested in ${first}` }).click();
    const after = await forYouTitles(popup, (titles) => !titles.includes(first));
    expect(after).not.toContain(first);
    const exported = await exportJson(popup);
    expect(exported.papers.find((paper) => paper.id === idOfTitle(first))?.readingState).toBe('not-interested');
    await popup.close();
  });

  it('shows Similar papers in a paper’s detail, each opening its own detail', async () => {
    const popup = await openPopup(session());
    const paper = starred[0];
    await (await rowOf(popup, paper.title)).locator('a.title').click();
    const similar = popup.getByRole('list', { name: /^Similar papers/ });
    await expect.poll(() => similar.getByRole('button').count()).toBeGreaterThanOrEqual(5);
    const next = (await similar.getByRole('button').first().textContent()) as string;
    expect(aboutRl(idOfTitle(next))).toBe(true);
    await similar.getByRole('button').first().click();
    await expect.poll(() => popup.locator('#detail-title').textContent()).toBe(next);
    await popup.close();
  });

  it('queues papers To read, oldest first, and takes one out when the key r marks it read', async () => {
    const popup = await openPopup(session());
    // Two more of the theme: queuing is a sign of interest too, and the marks below should not be blurred by it.
    const [a, b] = firstWeek.papers
      .filter(isReinforcementLearning)
      .slice(3)
      .filter((paper) => paper.title !== setAside);
    for (const paper of [a, b]) {
      const row = await rowOf(popup, paper.title);
      await openRowMenu(row);
      await row.getByRole('combobox', { name: /^Reading state of / }).selectOption('to-read');
    }
    await popup.getByRole('searchbox').fill('');
    await popup.getByRole('button', { name: /^To read/ }).click();
    await expect.poll(() => popup.locator('li[data-paper-id] a.title').allTextContents()).toEqual([a.title, b.title]);
    await popup.locator('li[data-paper-id]').first().locator('a.title').focus();
    await popup.keyboard.press('r');
    await expect.poll(() => popup.locator('li[data-paper-id] a.title').allTextContents()).toEqual([b.title]);
    await popup.close();
  });

  it('marks the cards the model ranks highest on a new page, and none when marks are off or capture is paused', async () => {
    const tab = await browse(session(), secondWeek);
    const marked = () =>
      tab.evaluate(() =>
        [...document.querySelectorAll('article')].flatMap((card) => {
          const host = card.querySelector('papershelf-seen');
          const mark = host?.shadowRoot?.querySelector('.for-you');
          const link = card.querySelector('h3 a')?.getAttribute('href') ?? '';
          return mark ? [link.split('/').at(-1) as string] : [];
        }),
      );
    await expect.poll(marked, { timeout: 15_000 }).toHaveLength(Math.ceil(secondWeek.papers.length / 10));
    const ids = await marked();
    expect(ids.filter(aboutRl).length, ids.join(' ')).toBeGreaterThanOrEqual(ids.length - 1);
    // A card never gets the word "seen" from a mark: these papers are new.
    const texts = await tab.evaluate(() =>
      [...document.querySelectorAll('papershelf-seen')].map((host) => host.shadowRoot?.textContent ?? ''),
    );
    for (const text of texts) expect(text.match(/seen/g)?.length ?? 0).toBeLessThanOrEqual(1);

    const popup = await openPopup(session());
    await openMenu(popup);
    await popup.getByText('On Hugging Face pages').click();
    await popup.getByLabel('Mark papers suggested for me').uncheck();
    await expect.poll(marked).toEqual([]);
    await popup.getByLabel('Mark papers suggested for me').check();
    await expect.poll(marked).toHaveLength(ids.length);
    await popup.getByRole('switch', { name: 'Capture while browsing' }).uncheck();
    await expect.poll(marked).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('keeps reading states through an export and an import into an empty library', async () => {
    const popup = await openPopup(session());
    const file = await exportJson(popup);
    const states = file.papers
      .filter((paper) => paper.readingState)
      .map(({ id, readingState }) => ({ id, readingState }));
    expect(states.length).toBeGreaterThanOrEqual(3);
    await popup.close();

    const fresh = await launchExtension();
    try {
      const other = await openPopup(fresh);
      await importAndWait(other, 'papershelf-states.json', JSON.stringify(file));
      const back = await exportJson(other);
      expect(
        back.papers.filter((paper) => paper.readingState).map(({ id, readingState }) => ({ id, readingState })),
      ).toEqual(states);
    } finally {
      await fresh.close();
    }
  });
});
