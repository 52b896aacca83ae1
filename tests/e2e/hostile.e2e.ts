// A page that attacks: script, markup, URLs and odd text in every field a page gives. Captured as text, shown as
// text, exported intact, never run; only https links are ever clickable.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { cardsHtml, islandHtml, papersPageHtml } from '../helpers/island';
import { serveHfSite } from './hf-site';
import { expectLibraryCount, exportJson, openPopup, openRowMenu } from './popup';
import { launchedForSuite } from './suite';

const FILE_PAYLOADS = readFileSync(resolve(import.meta.dirname, '../fixtures/hostile/payloads.txt'), 'utf8')
  .split('\n')
  .filter(Boolean);
// What a text file cannot hold, made here: control characters, lone surrogates, a 100 kB title.
const PAYLOADS = [
  ...FILE_PAYLOADS,
  'NUL\u0000 and \u0007bell \u001b[31mANSI',
  'lone \ud800 high and \udfff low surrogates',
  `huge ${'<b>'.repeat(34_000)}`,
];
const LINKS = [
  'javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'http://insecure.example/code',
  'https://github.com/owner/repo"><script>window.__pwned=1</script>',
  'https://safe.example/project',
];

/** The spec's text rule: whitespace collapsed and trimmed, then the field's cap. */
const asText = (text: string, cap: number) => text.replace(/\s+/g, ' ').trim().slice(0, cap);

const items = PAYLOADS.map((payload, index) => ({
  paper: {
    id: `2606.${String(20000 + index)}`,
    title: `Hostile ${index}: ${payload}`,
    summary: `Abstract ${index}: ${payload}`,
    authors: [{ name: payload }, { name: `Author ${index}` }],
    ai_keywords: [payload],
    githubRepo: LINKS[index % LINKS.length],
    projectPage: LINKS[(index + 2) % LINKS.length],
    upvotes: index,
  },
  numComments: 0,
}));

/** Nothing of the payloads ran, and no element they describe exists in the extension page. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const foreign = 'script, img, iframe, object, embed, video, audio, form, base, meta, link, style, marquee, details';
  expect(await page.locator('main').locator(foreign).count()).toBe(0);
  expect(await page.locator('head').locator('script:not([src]), style:not([data-vite-dev-id]), base').count()).toBe(0);
}

describe('hostile pages', () => {
  const session = launchedForSuite(async (session) => {
    const html = papersPageHtml({ island: islandHtml(items), cards: cardsHtml(items) });
    await serveHfSite(session.context, { '/papers/date/2026-06-20': html });
    const tab = await session.context.newPage();
    await tab.goto(`${HF_ORIGIN}/papers/date/2026-06-20`);
    await expectLibraryCount(session, items.length, 30_000);
    await tab.close();
  });

  it(`captures ${PAYLOADS.length} payloads as inert text and exports them intact`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const popup = await openPopup(session());
    const exported = new Map((await exportJson(popup)).papers.map((paper) => [paper.id, paper]));
    for (const { paper } of items) {
      const saved = exported.get(paper.id);
      expect(saved, paper.id).toBeDefined();
      expect(saved?.title).toBe(asText(paper.title, 1_000));
      expect(saved?.abstract).toBe(asText(paper.summary, 20_000));
      expect(saved?.authors[0]).toBe(asText(paper.authors[0].name, 300));
      if (asText(paper.ai_keywords[0], 100) === paper.ai_keywords[0].trim())
        expect(saved?.keywords).toEqual([asText(paper.ai_keywords[0], 100)]);
      // A page's "URL" is kept only when it is a web address.
      for (const [field, value] of [
        ['githubRepo', saved?.githubRepo],
        ['projectPage', saved?.projectPage],
      ] as const)
        if (value !== null) expect(value, `${paper.id} ${field}`).toMatch(/^https?:\/\//);
    }
    await expectInert(popup);
  });

  it('shows every hostile title as text in the popup and the full page, with only https links', async () => {
    for (const url of [session().popupUrl, session().libraryUrl]) {
      const page = await session().context.newPage();
      await page.goto(url);
      await page.getByRole('searchbox', { name: 'Search papers' }).fill('hostile');
      await page.locator('main[data-results-for="hostile"]').waitFor();
      const titles = await page.locator('li[data-paper-id] a.title').allTextContents();
      expect(titles.length).toBeGreaterThan(5);
      for (const title of titles) expect(title).toMatch(/^Hostile \d+: /);
      for (let index = 0; index < 5; index++) {
        const row = page.locator('li[data-paper-id]').nth(index);
        await openRowMenu(row);
        await row.getByRole('button', { name: 'Details' }).click();
        // The detail is drawn once its part of the page has loaded (the first time) and the paper is read.
        await page.locator('section.detail').getByRole('heading').first().waitFor();
        const hrefs = await page
          .locator('section.detail')
          .getByRole('link')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
        expect(hrefs.length).toBeGreaterThanOrEqual(3);
        for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
        await page.keyboard.press('Escape'); // the popup's detail covers the list
      }
      await expectInert(page);
      await page.close();
    }
  });

  it('cannot be written to by the page itself, by messages, events or a forged extension call', async () => {
    const before = (await exportJson(await openPopup(session()))).papers.length;
    const forged = {
      type: 'capture',
      data: { viewId: 'forged', pageUrl: `${HF_ORIGIN}/papers`, papers: [{ id: '2699.99999', title: 'Forged' }] },
    };
    const attack = `<script>
      const forged = ${JSON.stringify(forged)};
      window.postMessage(forged, '*');
      document.dispatchEvent(new CustomEvent('papershelf:capture', { detail: forged }));
      window.dispatchEvent(new MessageEvent('message', { data: forged }));
      try { chrome.runtime.sendMessage('${session().extensionId}', forged); } catch {}
    </script>`;
    await serveHfSite(session().context, {
      '/papers/date/2026-06-21': papersPageHtml({ cards: '' }).replace('</body>', `${attack}</body>`),
    });
    const tab = await session().context.newPage();
    await tab.goto(`${HF_ORIGIN}/papers/date/2026-06-21`);
    await tab.waitForTimeout(1_500);
    const after = await exportJson(await openPopup(session()));
    expect(after.papers).toHaveLength(before);
    expect(after.papers.some((paper) => paper.id === '2699.99999')).toBe(false);
  });
});
