import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toStored } from '@/lib/library/stored';
import { newPaper, type Paper, type StoredPaper } from '@/lib/paper';

/** A complete paper with plain values (every fact known, none of the reader's marks); `fields` override them. */
export function makePaper(id: string, fields: Partial<Paper> = {}): Paper {
  return {
    ...newPaper(id, `Paper ${id}`, '2025-03-05T08:00:00.000Z'),
    abstract: 'An abstract.',
    authors: ['Ada Lovelace'],
    publishedAt: '2025-03-04T00:00:00.000Z',
    submittedOnDailyAt: '2025-03-05T00:00:00.000Z',
    upvotes: 12,
    comments: 3,
    keywords: ['reasoning'],
    lastSeenAt: '2025-03-06T09:30:00.000Z',
    seenCount: 2,
    upvoteHistory: [{ at: '2025-03-05T08:00:00.000Z', upvotes: 12 }],
    ...fields,
  };
}

export const MANY_AUTHORS = Array.from({ length: 200 }, (_, n) => `Author${n} Surname${n}`);

/** Papers whose text trips up writers: quotes, separators, LaTeX specials, non-Latin names, formulas. */
export const TRICKY_PAPERS: Paper[] = [
  makePaper('1706.03762', {
    title: 'Attention Is All You Need',
    authors: ['Łukasz Kaiser', '张三', 'Nguyễn Văn An', "Zoë O'Brien"],
    publishedAt: '2017-06-12T00:00:00.000Z',
    tags: ['transformers', 'nlp, classic'],
    note: 'Read twice.\nLine two, with "quotes" and a comma.',
    starred: true,
  }),
  makePaper('2401.00001', {
    title: 'Say "Hello, World": 100% of {BERT} & $x_1^2$ costs #1 ~ \\LaTeX {unbalanced',
    abstract: 'Commas, "quotes", \\backslashes\\ and } stray braces {.',
    authors: ['Research and Development Team', 'Smith, Jr., John'],
    githubRepo: 'https://github.com/example/repo',
    githubStars: 1500,
    organization: 'Example Lab',
    aiSummary: 'A summary with — dashes and “smart quotes”.',
  }),
  makePaper('2402.00002', {
    title: '=HYPERLINK("http://evil.example","click")',
    abstract: '+1 for this; -2 for that',
    authors: ['@handle', '-Minus Name'],
    tags: ['=SUM(A1)', '\tindented'],
    note: '@mention',
    upvotes: null,
    comments: null,
    publishedAt: null,
  }),
  makePaper('2403.00003', {
    title: 'A Survey of Everything',
    authors: MANY_AUTHORS,
    readingState: 'to-read',
    queuedAt: '2025-03-06T10:00:00.000Z',
    annotatedAt: '2025-03-06T10:00:00.000Z',
    openedAt: '2025-03-06T09:45:00.000Z',
  }),
  makePaper('hep-th/9901001', {
    title: 'String Theory, Revisited',
    authors: ['Juan Maldacena'],
    publishedAt: '1999-01-01T00:00:00.000Z',
    keywords: [],
    upvoteHistory: [],
  }),
  makePaper('2404.00004', { title: '深度学习的研究', authors: ['李四'], projectPage: 'https://example.org/p?a=1&b=2' }),
];

/** As the database holds it: with the bookkeeping the export must leave out. */
export function stored(paper: Paper): StoredPaper {
  return toStored({ ...paper, recentViewIds: ['view-1', 'view-2'] }, '2026-11-02T00:00:00.000Z');
}

export async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts;
}

export async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** The text of a file in tests/io/fixtures. */
export function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}
