import { validateCaptureBatch, validatePaperRecord } from '@/lib/library/validate';

const PAGE = 'https://huggingface.co/papers/date/2024-08-01';
const paper = { id: '2407.21783', title: 'The Llama 3 Herd of Models' };
const batch = (fields: Record<string, unknown>) => ({ viewId: 'view-1', pageUrl: PAGE, papers: [paper], ...fields });

describe('validateCaptureBatch', () => {
  it('accepts a well-formed batch and normalizes it', () => {
    const result = validateCaptureBatch(
      batch({ papers: [{ ...paper, id: '2407.21783v2', title: '  The Llama 3\n Herd of Models ', upvotes: 94 }] }),
    );
    expect(result).toEqual({
      ok: true,
      batch: { viewId: 'view-1', pageUrl: PAGE, papers: [{ ...paper, upvotes: 94 }] },
      dropped: [],
    });
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['a bad viewId', batch({ viewId: '<script>' })],
    ['a long viewId', batch({ viewId: 'x'.repeat(65) })],
    ['a foreign page', batch({ pageUrl: 'https://evil.example/papers' })],
    ['a look-alike host', batch({ pageUrl: 'https://huggingface.co.evil.com/papers' })],
    ['another HF page', batch({ pageUrl: 'https://huggingface.co/models' })],
    ['papers not a list', batch({ papers: { 0: paper } })],
    ['too many papers', batch({ papers: Array.from({ length: 501 }, () => paper) })],
  ])('rejects %s', (_, input) => expect(validateCaptureBatch(input).ok).toBe(false));

  it('drops bad papers with a reason and keeps the good ones', () => {
    const result = validateCaptureBatch(
      batch({
        papers: [paper, { id: 'evil', title: 'x' }, { id: '2407.21705' }, 'string', { ...paper, id: '2407.21705' }],
      }),
    );
    expect(result.ok && result.batch.papers.map((item) => item.id)).toEqual(['2407.21783', '2407.21705']);
    expect(result.ok && result.dropped.map((drop) => drop.index)).toEqual([1, 2, 3]);
  });

  it('caps sizes and nulls impossible values', () => {
    const result = validateCaptureBatch(
      batch({
        papers: [
          {
            ...paper,
            abstract: 'a'.repeat(1_000_000),
            upvotes: -1,
            comments: Number.NaN,
            githubRepo: 'javascript:alert(1)',
            publishedAt: 'soon',
            authors: ['x'.repeat(1000), 42],
          },
        ],
      }),
    );
    const [read] = result.ok ? result.batch.papers : [];
    expect(read.abstract).toHaveLength(20_000);
    expect(read).toMatchObject({ upvotes: null, comments: null, githubRepo: null, publishedAt: null });
    expect(read.authors).toEqual(['x'.repeat(300)]);
  });

  it('keeps hostile markup as inert text and ignores prototype keys', () => {
    const hostile = JSON.parse(
      `{"id":"2407.21783","title":"<img src=x onerror=alert(1)>","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
    );
    const result = validateCaptureBatch(batch({ papers: [hostile] }));
    expect(result.ok && result.batch.papers[0]).toEqual({ id: '2407.21783', title: '<img src=x onerror=alert(1)>' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validatePaperRecord', () => {
  const record = {
    ...paper,
    firstSeenAt: '2026-01-01T00:00:00.000Z',
    lastSeenAt: '2026-01-02T00:00:00.000Z',
    seenCount: 2,
    starred: true,
    tags: ['llm'],
    note: 'read later',
    upvoteHistory: [{ at: '2026-01-01T00:00:00.000Z', upvotes: 3 }],
  };

  it('fills unknown facts with null/[] and rebuilds the url', () => {
    const result = validatePaperRecord({ ...record, url: 'https://evil.example' });
    expect(result.ok && result.paper).toMatchObject({
      abstract: null,
      authors: [],
      upvotes: null,
      keywords: [],
      url: 'https://huggingface.co/papers/2407.21783',
    });
  });

  it.each([
    ['no dates', { ...record, firstSeenAt: undefined }],
    ['a negative count', { ...record, seenCount: -1 }],
    ['a string star', { ...record, starred: 'yes' }],
    ['tags not a list', { ...record, tags: 'a,b' }],
    ['a huge note', { ...record, note: 'n'.repeat(10_001) }],
    ['a broken history', { ...record, upvoteHistory: [{ at: 'x', upvotes: 1 }] }],
  ])('rejects %s', (_, input) => expect(validatePaperRecord(input).ok).toBe(false));
});
