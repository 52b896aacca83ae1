import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readPaperLinks } from '@/lib/page/links';
import { readPage } from '@/lib/page/read-page';
import { collapseWhitespace } from '@/lib/text';
import { plausibleTitle } from '@/lib/values';
import { parseHtml, readHfFixture } from '../helpers/fixtures';
import { papersPageHtml, searchCardsHtml } from '../helpers/island';

type ApiItem = { paper: { id: string; title: string; summary: string } };

/** Cards the card reader does not recognise: every paper is left to the bare-link fallback. */
const withoutArticles = (html: string) => html.replace(/<(\/?)article\b/g, '<$1div');

describe('readPaperLinks on real papers', () => {
  const items = JSON.parse(readHfFixture('2026-08-03_api-daily_papers_trimmed_DiQu1997.json')) as ApiItem[];

  it('reads the title, not the longer abstract a search-result card links to the paper', () => {
    const html = withoutArticles(papersPageHtml({ cards: searchCardsHtml(items) }));
    const read = readPage(parseHtml(html), 'https://huggingface.co/papers?q=agents');
    expect(read.sources).toMatchObject({ cards: 0, links: items.length });
    expect(read.papers).toEqual(
      items.map((item) => ({ id: item.paper.id, title: collapseWhitespace(item.paper.title), titleSource: 'link' })),
    );
  });

  it('reads nothing from a paper whose only link text is its abstract', () => {
    const html = items
      .map((item) => `<a href="/papers/${item.paper.id}"><p>${item.paper.summary.replaceAll('<', '&lt;')}</p></a>`)
      .join('');
    expect(readPaperLinks(parseHtml(`<html><body><main>${html}</main></body></html>`))).toEqual([]);
  });

  it('reads the same titles as the cards on a real daily list', () => {
    const html = readHfFixture('2024-08-01_papers-date_slbqc.html');
    const links = readPaperLinks(parseHtml(withoutArticles(html)));
    const cards = readPage(parseHtml(html.replace('data-target="DailyPapers"', '')), 'https://huggingface.co/papers');
    expect(links.map(({ id, title }) => [id, title])).toEqual(cards.papers.map(({ id, title }) => [id, title]));
  });
});

describe('plausibleTitle', () => {
  const items = JSON.parse(readHfFixture('2026-05-08_api-daily_papers_zzjjay.json')) as ApiItem[];

  it('accepts every real title and refuses every real abstract', () => {
    for (const { paper } of items) {
      expect(plausibleTitle(collapseWhitespace(paper.title))).toBe(true);
      expect(plausibleTitle(collapseWhitespace(paper.summary))).toBe(false);
    }
  });

  it.each([
    ['Is Attention All You Need? A Study', true],
    ['Attention Is All You Need.', true],
    ['We propose X. It works.', false],
    ['Do LLMs Reason? Yes. Mostly.', false],
    ['x'.repeat(300), true],
    ['x'.repeat(301), false],
  ])('%j → %s', (text, expected) => expect(plausibleTitle(text)).toBe(expected));

  it('refuses text that holds the paper’s abstract', () => {
    expect(plausibleTitle('Short abstract. Read more', 'Short abstract.')).toBe(false);
    expect(plausibleTitle('A Title', 'An abstract about A Title.')).toBe(true);
  });
});

describe('lib/page', () => {
  it('never imports the library (it runs in the content script)', () => {
    const dir = path.resolve(import.meta.dirname, '../../lib/page');
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      expect(readFileSync(path.join(dir, name), 'utf8'), name).not.toMatch(/from ['"](@\/lib\/library|\.\.\/library)/);
    }
  });
});
