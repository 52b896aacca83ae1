import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readCards } from '@/lib/page/cards';
import { readIsland } from '@/lib/page/island';
import { readPage } from '@/lib/page/read-page';
import type { PaperSighting } from '@/lib/paper';
import { collapseWhitespace } from '@/lib/text';
import { FIXTURES_DIR, parseHtml, readHfFixture } from '../helpers/fixtures';
import { cardsHtml, islandHtml, papersPageHtml, searchCardsHtml } from '../helpers/island';

const DAILY_2024 = '2024-08-01_papers-date_slbqc.html';
const PAPER_PAGE = '2025-10-02_paper-page_2509.24002_reonokiy.html';
const CARDS_2026 = '2026-09-28_papers-list_2cards.EXCERPT_romethegods.html';
const API_FILES = readdirSync(path.join(FIXTURES_DIR, 'hf-pages')).filter((name) => name.endsWith('.json'));

type ApiItem = {
  paper: {
    id: string;
    title: string;
    summary: string;
    authors: { name: string }[];
    upvotes: number;
    ai_keywords?: string[];
    githubRepo?: string;
    projectPage?: string;
    submittedOnDailyAt?: string;
  };
  numComments: number;
};

/** Which layer read a sighting's title. */
const sourceOf = (sighting: PaperSighting) => (sighting as PaperSighting & { titleSource?: string }).titleSource;

/** The island's own JSON, read independently of the code under test. */
function islandJson(html: string, target: string): Record<string, unknown> {
  const element = parseHtml(html).querySelector(`[data-target="${target}"]`) as HTMLElement;
  return JSON.parse(element.dataset.props ?? '{}');
}

describe('daily list page (2024, island + 13 cards)', () => {
  const html = readHfFixture(DAILY_2024);
  const items = islandJson(html, 'DailyPapers').dailyPapers as ApiItem[];
  const read = readPage(parseHtml(html), 'https://huggingface.co/papers/date/2024-08-01');

  it('captures exactly the papers on screen, in order, with island fields', () => {
    expect(items).toHaveLength(13);
    expect(read.papers.map((paper) => paper.id)).toEqual(items.map((item) => item.paper.id));
    expect(read.sources).toMatchObject({ island: true, cards: 13 });
    expect(read.papers.every((paper) => sourceOf(paper) === 'island')).toBe(true);
    read.papers.forEach((paper, index) => {
      const source = items[index].paper;
      expect(paper.title).toBe(collapseWhitespace(source.title));
      expect(paper.abstract).toBe(collapseWhitespace(source.summary));
      expect(paper.authors).toEqual(source.authors.map((author) => collapseWhitespace(author.name)));
      expect(paper.upvotes).toBe(source.upvotes);
      expect(paper.comments).toBe(items[index].numComments);
    });
  });

  it('reads the same ids, upvotes and comments from the cards alone', () => {
    const cards = readCards(parseHtml(html));
    expect(cards.map((card) => [card.id, card.upvotes, card.comments])).toEqual(
      items.map((item) => [item.paper.id, item.paper.upvotes, item.numComments]),
    );
    // Cards carry no abstract on the daily list, and their avatars are in reading order.
    expect(cards.every((card) => card.abstract === undefined)).toBe(true);
    expect(cards.every((card) => sourceOf(card) === 'card')).toBe(true);
    expect(cards[0].authors?.at(-1)).toBe('mannatsingh');
  });
});

describe('single paper page (PaperContent island)', () => {
  const html = readHfFixture(PAPER_PAGE);
  const props = islandJson(html, 'PaperContent') as { paper: ApiItem['paper']; comments: unknown[] };
  const read = readPage(parseHtml(html), 'https://huggingface.co/papers/2509.24002');

  it('captures only the paper itself, with its rich fields', () => {
    expect(read.papers).toHaveLength(1);
    const [paper] = read.papers;
    expect(paper.id).toBe('2509.24002');
    expect(sourceOf(paper)).toBe('island');
    expect(paper.title).toBe(collapseWhitespace(props.paper.title));
    expect(paper.abstract).toBe(collapseWhitespace(props.paper.summary));
    expect(paper.authors).toHaveLength(props.paper.authors.length);
    expect(paper.keywords).toEqual(props.paper.ai_keywords);
    expect(paper.githubRepo).toBe(props.paper.githubRepo);
    expect(paper.projectPage).toBe(props.paper.projectPage);
    expect(paper.comments).toBe(props.comments.length);
  });

  it('falls back to the heading when the island is missing', () => {
    const doc = parseHtml(html);
    doc.querySelector('[data-target="PaperContent"]')?.removeAttribute('data-props');
    expect(readPage(doc, 'https://huggingface.co/papers/2509.24002v2').papers).toEqual([
      { id: '2509.24002', title: collapseWhitespace(props.paper.title), titleSource: 'card' },
    ]);
  });
});

describe('2026 compact cards (no island)', () => {
  const read = readPage(parseHtml(readHfFixture(CARDS_2026)), 'https://huggingface.co/papers');
  it('captures both cards from markup alone', () => {
    expect(read.sources).toEqual({ island: false, cards: 2, links: 0 });
    expect(read.papers.map((paper) => paper.id)).toEqual(['2609.30192', '2609.30216']);
    expect(read.papers.map(sourceOf)).toEqual(['card', 'card']);
    expect(read.papers[0]).toMatchObject({
      title: 'SAGE: Mitigating Long-Horizon Reasoning Biases via Topological Guidance',
      upvotes: 3,
      comments: 1,
    });
    // Reading order of the avatars (the DOM lists them reversed).
    expect(read.papers[0].authors?.[0]).toBe('xyzeng2000');
  });
});

describe.each(API_FILES)('island built from %s', (file) => {
  const items = JSON.parse(readHfFixture(file)) as ApiItem[];
  const html = papersPageHtml({
    island: islandHtml(items, { dateString: '2026-05-08', periodType: 'day' }),
    cards: cardsHtml(items),
  });
  const island = readIsland(parseHtml(html));

  it('reads every item with exact text and no invented fields', () => {
    expect(island?.papers.map((paper) => paper.id)).toEqual(items.map((item) => item.paper.id));
    island?.papers.forEach((paper, index) => {
      const source = items[index].paper;
      expect(paper.title).toBe(collapseWhitespace(source.title));
      expect(paper.abstract).toBe(collapseWhitespace(source.summary));
      expect(paper.authors).toEqual(source.authors.map((author) => collapseWhitespace(author.name)));
      // A repeated keyword (one item lists "hardware efficiency" twice) is kept once.
      if (source.ai_keywords?.length)
        expect(paper.keywords).toEqual([...new Set(source.ai_keywords.map(collapseWhitespace))]);
      else expect(paper.keywords).toBeUndefined();
      expect(paper.githubRepo).toBe(source.githubRepo);
      expect(paper.projectPage).toBe(source.projectPage);
      expect(paper.submittedOnDailyAt).toBe(
        source.submittedOnDailyAt && new Date(source.submittedOnDailyAt).toISOString(),
      );
    });
  });

  it('reconciles island and cards to the same papers', () => {
    const read = readPage(parseHtml(html), 'https://huggingface.co/papers/date/2026-05-08');
    expect(read.papers.map((paper) => paper.id)).toEqual(items.map((item) => item.paper.id));
    expect(read.papers.every((paper, index) => paper.abstract === collapseWhitespace(items[index].paper.summary))).toBe(
      true,
    );
  });
});

describe('stale island after in-page navigation', () => {
  const viewA = JSON.parse(readHfFixture('2026-06-12_api-daily_papers_sotawhat.json')) as ApiItem[];
  const viewB = JSON.parse(readHfFixture('2026-05-08_api-daily_papers_zzjjay.json')) as ApiItem[];

  it('never attributes the previous view’s papers to the new one', () => {
    const html = papersPageHtml({
      island: islandHtml(viewA, { periodType: 'day' }),
      cards: cardsHtml(viewB.slice(0, 5)),
    });
    const read = readPage(parseHtml(html), 'https://huggingface.co/papers/week/2026-W19', { trustIsland: false });
    expect(read.papers.map((paper) => paper.id)).toEqual(viewB.slice(0, 5).map((item) => item.paper.id));
    expect(read.sources.island).toBe(false);
    expect(read.papers.every((paper) => paper.abstract === undefined && sourceOf(paper) === 'card')).toBe(true);
  });

  it('on partial overlap, enriches only the papers on screen', () => {
    const onScreen = [viewA[0], viewB[0]];
    const html = papersPageHtml({ island: islandHtml(viewA), cards: cardsHtml(onScreen) });
    const read = readPage(parseHtml(html), 'https://huggingface.co/papers');
    expect(read.papers.map((paper) => paper.id)).toEqual(onScreen.map((item) => item.paper.id));
    expect(read.papers[0].abstract).toBe(collapseWhitespace(viewA[0].paper.summary));
    expect(read.papers[1].abstract).toBeUndefined();
    expect(read.papers.map(sourceOf)).toEqual(['island', 'card']);
  });

  it('with no cards on screen, an island is used only if it is the document’s own and matches the URL', () => {
    const html = papersPageHtml({ island: islandHtml(viewA, { dateString: '2026-06-12', periodType: 'day' }) });
    expect(readPage(parseHtml(html), 'https://huggingface.co/papers/date/2026-06-12').papers).toHaveLength(
      viewA.length,
    );
    expect(readPage(parseHtml(html), 'https://huggingface.co/papers/date/2026-06-13').papers).toEqual([]);
    expect(
      readPage(parseHtml(html), 'https://huggingface.co/papers/date/2026-06-12', { trustIsland: false }).papers,
    ).toEqual([]);
  });
});

describe('search results and links', () => {
  const items = JSON.parse(readHfFixture('2026-08-03_api-daily_papers_trimmed_DiQu1997.json')) as ApiItem[];

  it('reads abstracts shown on search-result cards', () => {
    const read = readPage(
      parseHtml(papersPageHtml({ cards: searchCardsHtml(items) })),
      'https://huggingface.co/papers?q=agents',
    );
    expect(read.papers.map((paper) => paper.abstract)).toEqual(
      items.map((item) => collapseWhitespace(item.paper.summary)),
    );
  });

  it('falls back to bare paper links inside the page body when no card parses', () => {
    const html =
      '<header><a href="/papers/2401.00001">Header link</a></header><main><a href="/papers/2607.26654">A title</a> <a href="/papers/2607.26654#community">3</a> <a href="/papers/trending">Trending</a> <a href="/papers/2607.28229v2">Another <b>title</b></a></main>';
    const read = readPage(parseHtml(`<html><body>${html}</body></html>`), 'https://huggingface.co/papers/trending');
    expect(read.papers).toEqual([
      { id: '2607.26654', title: 'A title', titleSource: 'link' },
      { id: '2607.28229', title: 'Another title', titleSource: 'link' },
    ]);
  });

  it('reads nothing on pages that are not papers views', () => {
    const html = papersPageHtml({ cards: cardsHtml(items) });
    expect(readPage(parseHtml(html), 'https://huggingface.co/models').papers).toEqual([]);
  });
});

describe('hostile and malformed pages', () => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

  it('keeps an injected title as plain text', () => {
    const item = {
      paper: { id: '2601.00001', title: payload, summary: 'x', authors: [{ name: '<b>Eve</b>' }], upvotes: 1 },
      numComments: 0,
    };
    const doc = parseHtml(papersPageHtml({ island: islandHtml([item]), cards: cardsHtml([item]) }));
    const [paper] = readPage(doc, 'https://huggingface.co/papers').papers;
    expect(paper.title).toBe(payload);
    expect(paper.authors).toEqual(['<b>Eve</b>']);
    expect(doc.querySelectorAll('img[src="x"], script')).toHaveLength(0);
  });

  it.each([
    ['broken JSON', '<div data-target="DailyPapers" data-props="{not json"></div>'],
    [
      'wrong types',
      `<div data-target="DailyPapers" data-props='{"dailyPapers":[{"paper":{"id":42,"title":["x"]}},null,"str",{"paper":{"id":"not-an-id","title":"t"}}]}'></div>`,
    ],
    ['an array at the top', `<div data-target="DailyPapers" data-props='[1,2,3]'></div>`],
  ])('survives %s', (_, island) => {
    const doc = parseHtml(`<html><body>${island}</body></html>`);
    expect(() => readPage(doc, 'https://huggingface.co/papers')).not.toThrow();
    expect(readPage(doc, 'https://huggingface.co/papers').papers).toEqual([]);
  });

  it('drops bad values field by field and keeps the paper', () => {
    const item = {
      paper: {
        id: '2601.00002v3',
        title: 'Good  title\n',
        summary: 'A'.repeat(10),
        upvotes: -5,
        authors: 'nobody',
        publishedAt: 'yesterday',
        githubRepo: 'javascript:alert(1)',
      },
      numComments: 'many',
    };
    const [paper] = readIsland(parseHtml(islandHtml([item])))?.papers ?? [];
    expect(paper).toEqual({ id: '2601.00002', title: 'Good title', titleSource: 'island', abstract: 'A'.repeat(10) });
  });
});
