import type { Paper } from '@/lib/paper';
import { selectPapers, sortPapers } from '@/lib/view/select-papers';

function paper(id: string, fields: Partial<Paper>): Paper {
  return {
    id,
    lastSeenAt: '2026-01-01T00:00:00.000Z',
    publishedAt: null,
    upvotes: null,
    starred: false,
    ...fields,
  } as Paper;
}

const library = [
  paper('2601.00001', { lastSeenAt: '2026-01-03T00:00:00.000Z', publishedAt: '2025-12-01T00:00:00.000Z', upvotes: 5 }),
  paper('2601.00002', { lastSeenAt: '2026-01-05T00:00:00.000Z', publishedAt: null, upvotes: 50, starred: true }),
  paper('2601.00003', {
    lastSeenAt: '2026-01-04T00:00:00.000Z',
    publishedAt: '2025-12-20T00:00:00.000Z',
    upvotes: null,
  }),
];
const byId = new Map(library.map((item) => [item.id, item]));
const ids = (papers: Paper[]) => papers.map((item) => item.id);

describe('sortPapers', () => {
  it('orders by last seen, newest first', () => {
    expect(ids(sortPapers(library, 'lastSeen'))).toEqual(['2601.00002', '2601.00003', '2601.00001']);
  });
  it('orders by published date, unknown dates last', () => {
    expect(ids(sortPapers(library, 'published'))).toEqual(['2601.00003', '2601.00001', '2601.00002']);
  });
  it('orders by upvotes, unknown counts last', () => {
    expect(ids(sortPapers(library, 'upvotes'))).toEqual(['2601.00002', '2601.00001', '2601.00003']);
  });
});

describe('selectPapers', () => {
  const sorted = sortPapers(library, 'lastSeen');
  it('keeps search relevance order and drops ids no longer in the library', () => {
    const shown = selectPapers(sorted, byId, {
      searchHits: ['2601.00001', 'gone', '2601.00002'],
      starredOnly: false,
    });
    expect(ids(shown)).toEqual(['2601.00001', '2601.00002']);
  });
  it('combines search, topic and starred filters', () => {
    const selection = { topicIds: new Set(['2601.00002', '2601.00003']), starredOnly: true };
    expect(ids(selectPapers(sorted, byId, selection))).toEqual(['2601.00002']);
    expect(ids(selectPapers(sorted, byId, { ...selection, searchHits: ['2601.00003'] }))).toEqual([]);
  });
});
