// Pages that are broken, hostile or huge: reading them never throws, keeps what is valid, invents nothing.
import { createViewSession, MAX_PAPERS_PER_VIEW } from '@/lib/capture/view-session';
import { validateCaptureBatch } from '@/lib/library/validate';
import { readPage } from '@/lib/page/read-page';
import type { CaptureBatch } from '@/lib/paper';
import { parseHtml } from '../helpers/fixtures';
import { cardsHtml, type Item, islandHtml, papersPageHtml } from '../helpers/island';

const URL = 'https://huggingface.co/papers/date/2026-06-12';
const item = (n: number, fields: Partial<Item['paper']> = {}): Item => ({
  paper: {
    id: `2606.${String(10000 + n)}`,
    title: `Paper number ${n}`,
    summary: `Abstract of paper ${n}.`,
    authors: [{ name: `Author ${n}` }],
    upvotes: n,
    ...fields,
  },
  numComments: 1,
});
const page = (island: string, items: Item[]) => parseHtml(papersPageHtml({ island, cards: cardsHtml(items) }));
const read = (doc: Document) => readPage(doc, URL);
/** What the background would store of a read: the batch as validation lets it through. */
const stored = (doc: Document) => {
  const result = validateCaptureBatch({ viewId: 'v1', pageUrl: URL, papers: read(doc).papers });
  if (!result.ok) throw new Error(result.reason);
  return result.batch.papers;
};

describe('malformed pages', () => {
  const items = [item(1), item(2), item(3)];

  it('an island cut off mid-JSON: the cards are read, nothing from the island is', () => {
    const island = islandHtml(items).replace(/(data-props=")(.{40}).*?(">)/s, '$1$2$3');
    const papers = stored(page(island, items));
    expect(papers.map((paper) => paper.id)).toEqual(items.map((entry) => entry.paper.id));
    expect(papers.every((paper) => paper.abstract === undefined)).toBe(true);
  });

  it('an island of the wrong types: every bad field is left out, the papers stay', () => {
    const hostile = [
      { paper: { id: items[0].paper.id, title: 42, summary: ['x'], authors: 'Mallory', upvotes: 'lots' } },
      { paper: 'not an object' },
      null,
      { paper: { id: { toString: 'x' }, title: 'No id' } },
    ];
    const papers = stored(page(islandHtml(hostile), items));
    expect(papers.map((paper) => paper.id)).toEqual(items.map((entry) => entry.paper.id));
    const first = papers[0];
    expect(first.title).toBe(items[0].paper.title);
    expect(first.abstract).toBeUndefined();
    expect(first.upvotes).not.toBe('lots');
    for (const wrong of ['{"dailyPapers": "x"}', '[]', '"string"', 'null']) {
      const island = `<div data-target="DailyPapers" data-props='${wrong}'></div>`;
      expect(stored(page(island, items)).map((paper) => paper.id)).toHaveLength(3);
    }
  });

  it('no island at all, duplicate ids, cards without a title: one paper per id, no empty titles', () => {
    const cards = [item(1), item(1, { title: 'Paper number 1, again' }), item(2, { title: '' }), item(3)];
    const papers = stored(page('', cards));
    expect(papers.map((paper) => paper.id)).toEqual([items[0].paper.id, items[2].paper.id]);
    expect(papers.every((paper) => paper.title.trim().length > 0)).toBe(true);
  });

  it('a 10 MB page reads, and its giant fields are capped before they are stored', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const papers = stored(page(islandHtml([item(1, { summary: huge, title: `T ${'y'.repeat(100_000)}` })]), [item(1)]));
    expect(papers).toHaveLength(1);
    expect(papers[0].abstract?.length ?? 0).toBeLessThanOrEqual(20_000);
    expect(papers[0].title.length).toBeLessThanOrEqual(1_000);
  });

  it('5,000 cards: all read without error, and one page view writes at most its cap', async () => {
    const many = Array.from({ length: 5_000 }, (_, n) => item(n));
    const { papers } = read(page('', many));
    expect(papers).toHaveLength(5_000);
    const sent: CaptureBatch[] = [];
    const session = createViewSession({
      read: () => papers,
      send: async (batch) => void sent.push(batch),
      pageUrl: () => URL,
    });
    session.setEnabled(true);
    await session.readNow();
    session.dispose();
    expect(sent).toHaveLength(1);
    expect(sent[0].papers).toHaveLength(MAX_PAPERS_PER_VIEW);
    expect(validateCaptureBatch(sent[0]).ok).toBe(true);
  }, 60_000); // parsing 5,000 cards in a simulated DOM is slow; the real browser is not the subject here
});
