import { readAnnotation, validateCaptureBatch, validatePaperRecord } from '@/lib/library/validate';

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

  it('keeps where each title was read, and leaves out a source it does not know', () => {
    const sources = ['island', 'card', 'link', 'forged', 42, null];
    const result = validateCaptureBatch(batch({ papers: sources.map((titleSource) => ({ ...paper, titleSource })) }));
    expect(result.ok && result.batch.papers).toEqual([
      { ...paper, titleSource: 'island' },
      { ...paper, titleSource: 'card' },
      { ...paper, titleSource: 'link' },
      paper,
      paper,
      paper,
    ]);
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

  it('keeps the note as typed, line breaks and inner spaces included, trimmed only at its ends', () => {
    const note = 'First line\n\n  - indented item\r\n\tTabbed  twice';
    const result = validatePaperRecord({ ...record, note: `\n  ${note}  \n` });
    expect(result.ok && result.paper.note).toBe(note);
    expect(result.ok && result.paper.tags).toEqual(['llm']);
  });

  it('reads when the user last annotated the paper, unknown as null', () => {
    const read = (annotatedAt: unknown) => {
      const result = validatePaperRecord({ ...record, annotatedAt });
      return result.ok ? result.paper.annotatedAt : 'rejected';
    };
    expect(read('2026-01-05T10:00:00+02:00')).toBe('2026-01-05T08:00:00.000Z');
    expect(read(undefined)).toBeNull();
    expect(read('not a date')).toBeNull();
    expect(read(12)).toBeNull();
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

describe('readAnnotation', () => {
  it('normalizes tags but keeps the note verbatim except for its ends', () => {
    expect(readAnnotation([' llm ', 'llm', 'two  words'], '  line one\n   line two\n')).toEqual({
      ok: true,
      value: { tags: ['llm', 'two words'], note: 'line one\n   line two' },
    });
  });

  it('reads a blank note as none', () => {
    expect(readAnnotation([], ' \n\t ')).toEqual({ ok: true, value: { tags: [], note: null } });
    expect(readAnnotation([], null)).toEqual({ ok: true, value: { tags: [], note: null } });
  });

  it('measures the note as kept: surrounding blanks do not count against the limit', () => {
    expect(readAnnotation([], `  ${'n'.repeat(10_000)}\n`).ok).toBe(true);
    expect(readAnnotation([], 'n'.repeat(10_001))).toEqual({ ok: false, reason: 'note too long' });
    expect(readAnnotation([], 42)).toEqual({ ok: false, reason: 'note must be a string or null' });
  });
});
