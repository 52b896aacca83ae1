import { paperUrl } from '@/lib/arxiv';
import { toBibtex } from '@/lib/io/bibtex';
import { parseImportFile } from '@/lib/io/import-file';
import { readPaperMemory } from '@/lib/io/papermemory';
import { readAnnotation } from '@/lib/library/validate';
import type { Paper } from '@/lib/paper';
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
  codeLink?: string;
  year: string | number;
}

const fixtureJson = (name: string): Record<string, MemoryEntry> => JSON.parse(fixture(name));

function importText(text: string) {
  const plan = parseImportFile(text);
  if (!plan.ok) throw new Error(plan.error);
  return { plan, byId: new Map(plan.papers.map((paper) => [paper.id, paper])) };
}

const importMemory = (name: string) => importText(fixture(name));

/** A one-entry PaperMemory file, v1.1.0 style, with `fields` over a plain arXiv entry. */
function memoryFile(fields: Record<string, unknown>, key = 'Arxiv-2401.00001'): string {
  const entry = {
    addDate: '2024-01-03T10:00:00.000Z',
    author: 'Ada Lovelace',
    count: 1,
    id: key,
    lastOpenDate: '2024-01-04T10:00:00.000Z',
    source: 'arxiv',
    title: 'A Paper',
    year: '2024',
    ...fields,
  };
  return JSON.stringify({ [key]: entry, __dataVersion: 10100 });
}

const importOne = (fields: Record<string, unknown>) => importText(memoryFile(fields)).plan.papers[0];

/** The note as the library keeps any note it is given. */
function keptNote(note: string): string | null {
  const annotation = readAnnotation([], note);
  if (!annotation.ok) throw new Error(annotation.reason);
  return annotation.value.note;
}

/** What the import should make of an entry, read from the entry itself. */
function expectedPaper(id: string, entry: MemoryEntry): Partial<Paper> {
  const code = entry.codeLink || null;
  return {
    id,
    title: entry.title,
    url: paperUrl(id),
    abstract: null,
    publishedAt: null,
    upvotes: null,
    comments: null,
    githubRepo: code,
    projectPage: null,
    firstSeenAt: entry.addDate,
    lastSeenAt: entry.lastOpenDate,
    seenCount: entry.count,
    starred: entry.favorite ?? false,
    tags: entry.tags,
    note: keptNote(entry.note),
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

  it('keeps the year out of publishedAt: a year is not a day', () => {
    expect(plan.papers.every((paper) => paper.publishedAt === null)).toBe(true);
  });

  it('loses no year: the BibTeX export dates each paper by its id, as PaperMemory did', () => {
    const years = toBibtex(plan.papers).match(/^ {2}year = \{\d{4}\}/gm);
    const memoryYears = Object.entries(memory)
      .filter(([key]) => key.startsWith('Arxiv-'))
      .map(([, entry]) => `  year = {${entry.year}}`);
    expect(years).toEqual(memoryYears);
  });

  it('skips entries that are not arXiv papers, saying where they come from', () => {
    const keys = Object.keys(memory).filter((key) => key !== '__dataVersion');
    const openReview = keys.findIndex((key) => key.startsWith('OR-'));
    expect(plan.skipped).toEqual([
      { index: openReview, id: keys[openReview], reason: 'not an arXiv paper (source openreview)' },
    ]);
  });
});

describe('parseImportFile: PaperMemory names', () => {
  const authorsOf = (author: string) => importOne({ author }).authors;

  for (const { rule, names, authors } of [
    {
      rule: 'turns "Last, First" around, and reads BibTeX\'s "Last, Jr., First"',
      names: 'Lovelace, Ada and King, Jr., Martin Luther and King, Martin Luther, Jr.',
      authors: ['Ada Lovelace', 'Martin Luther King Jr.', 'Martin Luther King Jr.'],
    },
    {
      rule: 'reads a comma before a suffix as part of the name, not as "Last, First"',
      names: 'Martin Luther King, Jr. and Louis Gates, Sr. and Henry Ford, II and John Smith, III and Tom Ray, IV',
      authors: ['Martin Luther King Jr.', 'Louis Gates Sr.', 'Henry Ford II', 'John Smith III', 'Tom Ray IV'],
    },
    {
      rule: 'keeps a name it cannot read as written',
      names: 'Alpha, Beta, Gamma and Solo, and Ada Lovelace',
      authors: ['Alpha, Beta, Gamma', 'Solo', 'Ada Lovelace'],
    },
  ]) {
    it(rule, () => expect(authorsOf(names)).toEqual(authors));
  }
});

describe('parseImportFile: PaperMemory code links and venues', () => {
  it('keeps a GitHub code link as the repository, any other as the project page', () => {
    expect(importOne({ codeLink: 'https://github.com/a/b' })).toMatchObject({
      githubRepo: 'https://github.com/a/b',
      projectPage: null,
    });
    expect(importOne({ codeLink: 'https://gitlab.com/a/b' })).toMatchObject({
      githubRepo: null,
      projectPage: 'https://gitlab.com/a/b',
    });
  });

  it('falls back to the official repository PaperMemory found, and drops links that are no web address', () => {
    expect(importOne({ codeLink: false, code: { url: 'https://github.com/c/d', stars: 3 } }).githubRepo).toBe(
      'https://github.com/c/d',
    );
    for (const codeLink of ['javascript:alert(1)', 'not a url', '', 42]) {
      expect(importOne({ codeLink })).toMatchObject({ githubRepo: null, projectPage: null });
    }
  });

  it('carries the venue on the record it validates', () => {
    const venues = ['NeurIPS', '  ICLR   2024 ', '', undefined, 7].map((venue) => {
      const [candidate] = readPaperMemory([['Arxiv-2401.00001', { title: 'T', venue }]]).candidates;
      return (candidate.record as { venue: unknown }).venue;
    });
    expect(venues).toEqual(['NeurIPS', 'ICLR 2024', null, null, null]);
    // …and the imported paper keeps it.
    expect(importOne({ venue: ' NeurIPS  2024 ' }).venue).toBe('NeurIPS 2024');
  });
});

describe('parseImportFile: older PaperMemory files', () => {
  it('imports entries without `favorite` as not starred, ignoring `bibtext`', () => {
    const memory = fixtureJson('papermemory-old.json');
    const { byId } = importMemory('papermemory-old.json');
    const entry = memory['Arxiv-1512.03385'];
    expect(byId.get('1512.03385')).toMatchObject({ ...expectedPaper('1512.03385', entry), starred: false });
    expect(byId.get('1406.2661')?.authors).toEqual(['Ian J. Goodfellow', 'Jean Pouget-Abadie', 'Mehdi Mirza']);
  });

  it('names the source of a skipped entry from its key when it has no `source` field', () => {
    expect(importMemory('papermemory-old.json').plan.skipped).toEqual([
      { index: 1, id: 'NeurIPS-2020_1457c0d6bfcb4967418bfb8ac142f64a', reason: 'not an arXiv paper (source NeurIPS)' },
    ]);
  });

  it('imports files from before the "Arxiv-" keys (data version < 208), keyed by bare arXiv ids', () => {
    const memory = fixtureJson('papermemory-pre208.json');
    const { plan, byId } = importMemory('papermemory-pre208.json');
    expect(plan.source).toBe('papermemory');
    expect([...byId.keys()]).toEqual(['1810.04805', '1412.6980']);
    expect(byId.get('1810.04805')).toMatchObject(expectedPaper('1810.04805', memory['1810.04805']));
    // from before PaperMemory kept a `source` or a code link
    expect(byId.get('1412.6980')).toMatchObject(expectedPaper('1412.6980', memory['1412.6980']));
    expect(byId.get('1412.6980')?.authors).toEqual(['Diederik P. Kingma', 'Jimmy Ba']);
    expect(plan.skipped).toEqual([
      { index: 1, id: 'NeurIPS-2017_3f5ee243547dee91fbd053c1c4a845aa', reason: 'not an arXiv paper (source neurips)' },
    ]);
  });

  it('recognizes a file with no data version by its bare arXiv entries', () => {
    const memory = fixtureJson('papermemory-pre208.json');
    const { plan } = importText(JSON.stringify({ '1412.6980': memory['1412.6980'] }));
    expect(plan.papers.map((paper) => paper.id)).toEqual(['1412.6980']);
  });

  it('does not take any object keyed by arXiv ids for a PaperMemory file', () => {
    const plan = parseImportFile(JSON.stringify({ '1412.6980': { title: 'T' }, '1810.04805': 'x' }));
    expect(plan).toEqual({ ok: false, error: expect.stringContaining('not a Papershelf or PaperMemory export') });
  });

  it('skips a bare arXiv-looking key whose entry names another source', () => {
    const text = JSON.stringify({
      __dataVersion: 207,
      '1412.6980': { id: '1412.6980', title: 'T', source: 'neurips' },
    });
    expect(parseImportFile(text)).toMatchObject({
      ok: true,
      papers: [],
      skipped: [{ index: 0, id: '1412.6980', reason: 'not an arXiv paper (source neurips)' }],
    });
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
