import { paperUrl } from '@/lib/arxiv';
import { parseImportFile } from '@/lib/io/import-file';
import type { Paper } from '@/lib/paper';
import { cleanText } from '@/lib/text';
import { fixture } from './papers';

interface MemoryEntry {
  title: string;
  author: string;
  addDate: string;
  lastOpenDate: string;
  count: number;
  favorite?: boolean;
  tags: string[];
  note: string;
}

const fixtureJson = (name: string): Record<string, MemoryEntry> => JSON.parse(fixture(name));

function importMemory(name: string) {
  const plan = parseImportFile(fixture(name));
  if (!plan.ok) throw new Error(plan.error);
  return { plan, byId: new Map(plan.papers.map((paper) => [paper.id, paper])) };
}

/** What the import should make of an entry, read from the entry itself. */
function expectedPaper(id: string, entry: MemoryEntry): Partial<Paper> {
  return {
    id,
    title: entry.title,
    url: paperUrl(id),
    abstract: null,
    publishedAt: null,
    upvotes: null,
    comments: null,
    firstSeenAt: entry.addDate,
    lastSeenAt: entry.lastOpenDate,
    seenCount: entry.count,
    starred: entry.favorite ?? false,
    tags: entry.tags,
    note: cleanText(entry.note), // notes are kept as the library keeps every note: one line, or null
    upvoteHistory: [],
  };
}

describe('parseImportFile: PaperMemory files', () => {
  const memory = fixtureJson('papermemory.json');
  const { plan, byId } = importMemory('papermemory.json');

  it('recognizes the file and imports its arXiv papers', () => {
    expect(plan.source).toBe('papermemory');
    expect([...byId.keys()]).toEqual(['1706.03762', '2005.14165', 'hep-th/9711200', '2307.09288']);
  });

  it('maps each entry field by field', () => {
    for (const [key, entry] of Object.entries(memory)) {
      if (!key.startsWith('Arxiv-')) continue;
      const id = key.slice('Arxiv-'.length).replace('_', '/');
      expect(byId.get(id)).toMatchObject(expectedPaper(id, entry));
    }
  });

  it('splits authors on "and" and turns "Last, First" around', () => {
    expect(byId.get('1706.03762')?.authors).toEqual(memory['Arxiv-1706.03762'].author.split(' and '));
    expect(byId.get('2005.14165')?.authors).toEqual(['Tom B. Brown', 'Benjamin Mann', 'Nick Ryder', 'Minh Nguyễn']);
  });

  it('keeps the year out of publishedAt: a year is not a date', () => {
    expect(plan.papers.every((paper) => paper.publishedAt === null)).toBe(true);
  });

  it('skips entries that are not arXiv papers, saying where they come from', () => {
    const keys = Object.keys(memory).filter((key) => key !== '__dataVersion');
    const openReview = keys.findIndex((key) => key.startsWith('OR-'));
    expect(plan.skipped).toEqual([
      { index: openReview, id: keys[openReview], reason: 'not an arXiv paper (source openreview)' },
    ]);
  });
});

describe('parseImportFile: older PaperMemory files', () => {
  const memory = fixtureJson('papermemory-old.json');
  const { plan, byId } = importMemory('papermemory-old.json');

  it('imports entries without `favorite` as not starred, ignoring `bibtext`', () => {
    const entry = memory['Arxiv-1512.03385'];
    expect(byId.get('1512.03385')).toMatchObject({ ...expectedPaper('1512.03385', entry), starred: false });
    expect(byId.get('1406.2661')?.authors).toEqual(['Ian J. Goodfellow', 'Jean Pouget-Abadie', 'Mehdi Mirza']);
  });

  it('names the source of a skipped entry from its key when it has no `source` field', () => {
    expect(plan.skipped).toEqual([
      { index: 1, id: 'NeurIPS-2020_1457c0d6bfcb4967418bfb8ac142f64a', reason: 'not an arXiv paper (source NeurIPS)' },
    ]);
  });

  it('reads an empty memory as nothing to import', () => {
    expect(parseImportFile('{"__dataVersion": 10100}')).toEqual({
      ok: true,
      source: 'papermemory',
      papers: [],
      skipped: [],
      warnings: [],
    });
  });
});
