import { capHistory, mergeImported, mergeSighting } from '@/lib/library/merge';
import type { PaperSighting } from '@/lib/paper';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-01-02T00:00:00.000Z';
const T3 = '2026-01-03T00:00:00.000Z';
const rich: PaperSighting = {
  id: '2509.24002',
  title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
  abstract: 'MCP standardizes how LLMs interact with external systems.',
  authors: ['Zijian Wu', 'Xiangyan Liu'],
  upvotes: 118,
  publishedAt: '2025-09-28T17:53:27.000Z',
  keywords: ['MCP', 'LLMs'],
  githubRepo: 'https://github.com/eval-sys/mcpmark',
};

describe('mergeSighting', () => {
  it('creates a record with the bookkeeping of a first sighting', () => {
    const paper = mergeSighting(undefined, rich, 'view-a', T1);
    expect(paper).toMatchObject({
      ...rich,
      url: 'https://huggingface.co/papers/2509.24002',
      firstSeenAt: T1,
      lastSeenAt: T1,
      seenCount: 1,
      starred: false,
      tags: [],
      note: null,
      comments: null,
      upvoteHistory: [{ at: T1, upvotes: 118 }],
      recentViewIds: ['view-a'],
    });
  });

  it('counts distinct views, not re-reads of the same view', () => {
    let paper = mergeSighting(undefined, rich, 'view-a', T1);
    paper = mergeSighting(paper, rich, 'view-a', T2);
    expect(paper.seenCount).toBe(1);
    paper = mergeSighting(paper, rich, 'view-b', T3);
    expect(paper).toMatchObject({ seenCount: 2, firstSeenAt: T1, lastSeenAt: T3 });
  });

  it('never lets a blank or poorer value overwrite a richer one', () => {
    const stored = mergeSighting(undefined, rich, 'view-a', T1);
    const poor = mergeSighting(stored, { id: rich.id, title: 'MCPMark', authors: ['xyz'], keywords: [] }, 'view-b', T2);
    expect(poor).toMatchObject({
      title: rich.title,
      abstract: rich.abstract,
      authors: rich.authors,
      keywords: rich.keywords,
      upvotes: 118,
      githubRepo: rich.githubRepo,
    });
  });

  it('takes the latest counts, longer texts and keyword unions', () => {
    const stored = mergeSighting(undefined, rich, 'view-a', T1);
    const next = mergeSighting(
      stored,
      {
        id: rich.id,
        title: rich.title,
        upvotes: 130,
        comments: 4,
        keywords: ['mcp', 'agents'],
        abstract: `${rich.abstract} More.`,
      },
      'view-b',
      T2,
    );
    expect(next).toMatchObject({
      upvotes: 130,
      comments: 4,
      keywords: ['MCP', 'LLMs', 'agents'],
      abstract: `${rich.abstract} More.`,
    });
    expect(next.upvoteHistory).toEqual([
      { at: T1, upvotes: 118 },
      { at: T2, upvotes: 130 },
    ]);
    expect(mergeSighting(next, { ...rich, upvotes: 130 }, 'view-c', T3).upvoteHistory).toHaveLength(2);
  });

  it('keeps the user’s star, tags and note through captures', () => {
    const stored = { ...mergeSighting(undefined, rich, 'view-a', T1), starred: true, tags: ['read'], note: 'good' };
    expect(mergeSighting(stored, rich, 'view-b', T2)).toMatchObject({ starred: true, tags: ['read'], note: 'good' });
  });

  it('remembers only the last 32 views', () => {
    let paper = mergeSighting(undefined, rich, 'view-0', T1);
    for (let view = 1; view < 40; view++) paper = mergeSighting(paper, rich, `view-${view}`, T1);
    expect(paper.seenCount).toBe(40);
    expect(paper.recentViewIds).toHaveLength(32);
  });
});

describe('capHistory', () => {
  it('thins the older half when the series is full, keeping the newest points and the first', () => {
    const series = Array.from({ length: 129 }, (_, index) => ({ at: String(index).padStart(4, '0'), upvotes: index }));
    const capped = capHistory(series);
    expect(capped.length).toBeLessThan(129);
    expect(capped[0]).toEqual(series[0]);
    expect(capped.at(-1)).toEqual(series.at(-1));
    expect(capped.slice(-64)).toEqual(series.slice(-64));
  });
});

describe('mergeImported', () => {
  const imported = { ...mergeSighting(undefined, rich, 'v', T2), starred: true, tags: ['x'], note: 'n', seenCount: 5 };
  const { recentViewIds: _, ...paper } = imported;

  it('keeps an imported paper exactly in an empty slot', () => {
    expect(mergeImported(undefined, paper)).toEqual({ ...paper, recentViewIds: [] });
  });

  it('merges onto an existing record by the capture rules', () => {
    const stored = { ...mergeSighting(undefined, { id: rich.id, title: 'MCPMark' }, 'w', T1), tags: ['y'] };
    expect(mergeImported(stored, paper)).toMatchObject({
      title: rich.title,
      firstSeenAt: T1,
      lastSeenAt: T2,
      seenCount: 5,
      starred: true,
      tags: ['y', 'x'],
      note: 'n',
    });
  });
});
