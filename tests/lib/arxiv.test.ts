import { arxivIdFromPaperPath, parseArxivId, submissionMonth } from '@/lib/arxiv';

describe('parseArxivId', () => {
  it.each([
    ['2509.24002', '2509.24002'],
    ['2509.24002v3', '2509.24002'],
    [' 2407.21783 ', '2407.21783'],
    ['0704.0001', '0704.0001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['math.AG/0601001', 'math.AG/0601001'],
  ])('%s → %s', (text, id) => expect(parseArxivId(text)).toBe(id));

  it.each(['', 'trending', '2509.240', '2509.24002x', '<script>', '2509.24002/../x', 42, null])('rejects %s', (text) =>
    expect(parseArxivId(text)).toBeNull(),
  );
});

describe('arxivIdFromPaperPath', () => {
  it('reads paper links, not other papers routes', () => {
    expect(arxivIdFromPaperPath('/papers/2609.30192')).toBe('2609.30192');
    expect(arxivIdFromPaperPath('/papers/2609.30192#community')).toBe('2609.30192');
    expect(arxivIdFromPaperPath('https://huggingface.co/papers/2509.24002v2?x=1')).toBe('2509.24002');
    expect(arxivIdFromPaperPath('/papers/trending')).toBeNull();
    expect(arxivIdFromPaperPath('/papers/date/2024-08-01')).toBeNull();
    expect(arxivIdFromPaperPath('/login?next=%2Fpapers%2F2407.21783')).toBeNull();
  });
});

describe('submissionMonth', () => {
  it('reads the year and month an id spells, old-style ids in the 1990s and 2000s', () => {
    expect(submissionMonth('2401.00001')).toEqual({ year: 2024, month: 1 });
    expect(submissionMonth('0704.0001')).toEqual({ year: 2007, month: 4 });
    expect(submissionMonth('hep-th/9901001')).toEqual({ year: 1999, month: 1 });
    expect(submissionMonth('math.AG/0611002')).toEqual({ year: 2006, month: 11 });
  });

  it('is null for a version suffix, a month that is no month, or anything else', () => {
    for (const text of ['2401.00001v2', '2413.00001', 'hep-th/9913001', 'arxiv', ''])
      expect(submissionMonth(text), text).toBeNull();
  });
});
