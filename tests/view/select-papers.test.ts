import type { Paper } from '@/lib/paper';
import { dayOfSort, filterIds, sortPapers } from '@/lib/view/select-papers';

function paper(id: string, fields: Partial<Paper>): Paper {
  return { id, lastSeenAt: '2026-01-01T00:00:00.000Z', publishedAt: null, upvotes: null, ...fields } as Paper;
}

const library = [
  paper('2601.00001', { lastSeenAt: '2026-01-03T00:00:00.000Z', publishedAt: '2025-12-01T00:00:00.000Z', upvotes: 5 }),
  paper('2601.00002', { lastSeenAt: '2026-01-05T00:00:00.000Z', publishedAt: null, upvotes: 50 }),
  paper('2601.00003', { lastSeenAt: '2026-01-04T00:00:00.000Z', publishedAt: '2025-12-20T00:00:00.000Z', upvotes: 5 }),
  paper('2601.00004', {
    lastSeenAt: '2026-01-04T00:00:00.000Z',
    publishedAt: '2025-12-20T00:00:00.000Z',
    upvotes: null,
  }),
];
const ids = (papers: Paper[]) => papers.map((item) => item.id);

describe('sortPapers', () => {
  it('orders as the indexes do: newest or highest first, unknown last, ties to the later sighting then the higher id', () => {
    expect(ids(sortPapers(library, 'lastSeen'))).toEqual(['2601.00002', '2601.00004', '2601.00003', '2601.00001']);
    expect(ids(sortPapers(library, 'published'))).toEqual(['2601.00004', '2601.00003', '2601.00001', '2601.00002']);
    expect(ids(sortPapers(library, 'upvotes'))).toEqual(['2601.00002', '2601.00003', '2601.00001', '2601.00004']);
  });
});

describe('first seen and the days a list falls into', () => {
  const seen = [
    paper('2601.00001', { firstSeenAt: '2026-01-01T08:00:00.000Z', lastSeenAt: '2026-01-09T08:00:00.000Z' }),
    paper('2601.00002', { firstSeenAt: '2026-01-06T08:00:00.000Z', lastSeenAt: '2026-01-06T08:00:00.000Z' }),
  ];

  it('orders by the first sighting, newest first, whatever was seen since', () => {
    expect(ids(sortPapers(seen, 'firstSeen'))).toEqual(['2601.00002', '2601.00001']);
    expect(ids(sortPapers(seen, 'lastSeen'))).toEqual(['2601.00001', '2601.00002']);
  });

  it('groups the default order by the day last seen, "First seen" by the day first seen, and no other order', () => {
    expect(dayOfSort('lastSeen')?.(seen[0])).toBe('2026-01-09T08:00:00.000Z');
    expect(dayOfSort('firstSeen')?.(seen[0])).toBe('2026-01-01T08:00:00.000Z');
    for (const sort of ['published', 'upvotes', 'velocity', 'relevance'] as const) expect(dayOfSort(sort)).toBeNull();
  });
});

describe('sortPapers by velocity', () => {
  const day = (date: number, upvotes: number) => ({ at: `2026-01-0${date}T00:00:00.000Z`, upvotes });
  it('puts the fastest risers first, then falling ones, then papers with no rate by last sighting', () => {
    const papers = [
      paper('2601.00001', { upvoteHistory: [day(1, 4)] }),
      paper('2601.00002', { upvoteHistory: [day(1, 0), day(3, 20)] }), // +10/day
      paper('2601.00003', { upvoteHistory: [day(1, 30), day(2, 29)] }), // −1/day
      paper('2601.00004', { upvoteHistory: [], lastSeenAt: '2026-01-09T00:00:00.000Z' }),
      paper('2601.00005', { upvoteHistory: [day(1, 0), day(2, 15)] }), // +15/day
    ];
    expect(ids(sortPapers(papers, 'velocity'))).toEqual([
      '2601.00005',
      '2601.00002',
      '2601.00003',
      '2601.00004',
      '2601.00001',
    ]);
  });
});

describe('filterIds', () => {
  it('keeps the given order and only what every filter lets through', () => {
    const order = ['2601.00003', '2601.00001', '2601.00002'];
    expect(filterIds(order, {})).toEqual(order);
    expect(filterIds(order, { topicIds: new Set(['2601.00001', '2601.00002']) })).toEqual(['2601.00001', '2601.00002']);
    expect(
      filterIds(order, { topicIds: new Set(['2601.00001', '2601.00002']), starredIds: new Set(['2601.00002']) }),
    ).toEqual(['2601.00002']);
  });
});
