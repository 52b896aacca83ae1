// The first opening: an empty shelf that says what will happen, fills as the first page is browsed, and brings in
// a library one already has (a Papershelf backup or a PaperMemory export) from where it stands.
import { resolve } from 'node:path';
import { HF_ORIGIN } from '@/lib/arxiv';
import { type ExtensionSession, launchExtension } from './harness';
import { dailyScreen, serveScreens } from './hf-site';
import { openPopup } from './popup';

const PAPERMEMORY = resolve(import.meta.dirname, '../io/fixtures/papermemory.json');

describe('the first run', () => {
  let session: ExtensionSession;
  beforeEach(async () => {
    session = await launchExtension();
  });
  afterEach(() => session?.close());

  it('says what will happen, then fills the open popup as the first page is browsed', async () => {
    const daily = dailyScreen();
    await serveScreens(session.context, [daily]);
    const popup = await openPopup(session);
    const empty = popup.getByRole('status').filter({ hasText: 'Your shelf is empty' });
    await empty.waitFor();
    expect(await empty.textContent()).toMatch(/Every paper you see lands here/);
    expect(await empty.getByRole('link', { name: 'huggingface.co/papers' }).getAttribute('href')).toBe(
      'https://huggingface.co/papers',
    );

    const tab = await session.context.newPage();
    await tab.goto(HF_ORIGIN + daily.path);
    // The popup left open shows the papers as they come, without being reopened.
    await expect.poll(() => popup.locator('li[data-paper-id]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => popup.getByLabel('Paper count').textContent()).toBe(`${daily.papers.length} papers`);
    expect(await empty.count()).toBe(0);
    const titles = await popup.locator('li[data-paper-id] a.title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(daily.papers.map((paper) => paper.title)).toContain(title);
  });

  it('imports a PaperMemory file from the empty shelf', async () => {
    const popup = await openPopup(session);
    const offer = popup.getByRole('button', { name: 'Import a backup or a PaperMemory file' });
    const [chooser] = await Promise.all([popup.waitForEvent('filechooser'), offer.click()]);
    await chooser.setFiles(PAPERMEMORY);
    await expect
      .poll(() => popup.locator('.import-status').textContent(), { timeout: 20_000 })
      .toMatch(/^Imported from PaperMemory: 4 added, 0 updated, 1 skipped/);
    await expect.poll(() => popup.getByLabel('Paper count').textContent()).toBe('4 papers');
    expect(await popup.locator('li[data-paper-id] a.title', { hasText: 'Attention Is All You Need' }).count()).toBe(1);
    expect(await offer.count()).toBe(0);
  });
});
