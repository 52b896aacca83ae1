import { bibtexChunks, toBibtex } from '@/lib/io/bibtex';
import type { Paper } from '@/lib/paper';
import { collect, MANY_AUTHORS, makePaper, TRICKY_PAPERS } from './papers';

interface Entry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

/**
 * A strict little reader of `@type{key, name = {value}, …}` entries. It fails on unbalanced braces,
 * as BibTeX would, and on anything between entries but blank lines.
 */
function parseBibtex(text: string): Entry[] {
  const entries: Entry[] = [];
  let at = 0;
  const fail = (why: string) => {
    throw new Error(`${why} at ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (/\s/.test(text[at] ?? '')) at++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[at] !== char) fail(`expected ${char}`);
    at++;
  };
  const word = (pattern: RegExp) => {
    skipSpace();
    const start = at;
    while (at < text.length && pattern.test(text[at])) at++;
    if (at === start) fail('expected a name');
    return text.slice(start, at);
  };
  const bracedValue = () => {
    expect('{');
    const start = at;
    for (let depth = 1; depth > 0; at++) {
      if (at >= text.length) fail('unbalanced braces');
      if (text[at] === '{') depth++;
      if (text[at] === '}') depth--;
    }
    return text.slice(start, at - 1);
  };

  for (skipSpace(); at < text.length; skipSpace()) {
    expect('@');
    const type = word(/[a-z]/i);
    expect('{');
    const key = word(/[^\s,{}"#%'()=]/);
    const fields: Record<string, string> = {};
    for (skipSpace(); text[at] === ','; skipSpace()) {
      at++;
      const name = word(/[a-z]/i);
      expect('=');
      if (Object.hasOwn(fields, name)) fail(`repeated field ${name}`);
      fields[name] = bracedValue();
    }
    expect('}');
    entries.push({ type, key, fields });
  }
  return entries;
}

const LATEX_ESCAPES = /\\textbackslash\{\}|\\\^\{\}|\\~\{\}|\\([{}%&$#_])/g;
const SPELLED_OUT: Record<string, string> = { '\\textbackslash{}': '\\', '\\^{}': '^', '\\~{}': '~' };

const unescapeLatex = (value: string) =>
  value.replace(LATEX_ESCAPES, (sequence, char?: string) => char ?? SPELLED_OUT[sequence]);

/** What is left once every escape is taken out: must hold no LaTeX special character. */
const unescapedSpecials = (value: string) => value.replace(LATEX_ESCAPES, '').match(/[\\{}%&$#_^~]/g) ?? [];

/** Splits an author field at top-level " and ", unwrapping names kept whole in braces. */
function authorNames(field: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < field.length; at++) {
    if (field[at] === '{') depth++;
    if (field[at] === '}') depth--;
    if (depth === 0 && field.startsWith(' and ', at)) {
      names.push(field.slice(start, at));
      start = at + ' and '.length;
    }
  }
  names.push(field.slice(start));
  return names.map((name) => unescapeLatex(/^\{(.*)\}$/.exec(name)?.[1] ?? name));
}

const entries = parseBibtex(toBibtex(TRICKY_PAPERS));
const entryOf = (paper: Paper) => entries[TRICKY_PAPERS.indexOf(paper)];

describe('toBibtex', () => {
  it('writes one @misc entry per paper, each with a unique key', () => {
    expect(entries.map((entry) => entry.type)).toEqual(TRICKY_PAPERS.map(() => 'misc'));
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(TRICKY_PAPERS.length);
  });

  it('writes the arXiv fields of every paper', () => {
    TRICKY_PAPERS.forEach((paper, index) => {
      expect(entries[index].fields).toMatchObject({ eprint: paper.id, archivePrefix: 'arXiv', url: paper.url });
      expect(entries[index].fields.year).toBe(paper.publishedAt?.slice(0, 4));
    });
  });

  it('escapes LaTeX specials, drops unpaired braces and collapses whitespace', () => {
    const [, specials] = TRICKY_PAPERS;
    const { fields } = entryOf(specials);
    expect(unescapedSpecials(fields.title)).toEqual([]);
    // the "{" before "unbalanced" has no partner; "{BERT}" keeps its pair
    expect(unescapeLatex(fields.title)).toBe(specials.title.replace('{unbalanced', 'unbalanced'));
  });

  it('keeps notes and tags on one line, escaped', () => {
    const [attention] = TRICKY_PAPERS;
    const { fields } = entryOf(attention);
    expect(fields.note).toBe(attention.note?.replace(/\s+/g, ' '));
    expect(fields.keywords).toBe(attention.tags.join(', '));
    const formulas = entryOf(TRICKY_PAPERS[2]).fields;
    expect(formulas.keywords).toBe('=SUM(A1), indented');
    expect(entryOf(TRICKY_PAPERS[4]).fields).not.toHaveProperty('note');
    expect(entryOf(TRICKY_PAPERS[4]).fields).not.toHaveProperty('keywords');
  });

  it('keeps non-Latin names as they are, joined with "and"', () => {
    const [attention] = TRICKY_PAPERS;
    expect(entryOf(attention).fields.author).toBe("Łukasz Kaiser and 张三 and Nguyễn Văn An and Zoë O'Brien");
    expect(authorNames(entryOf(attention).fields.author)).toEqual(attention.authors);
  });

  it('keeps names with "and" or commas whole', () => {
    const specials = TRICKY_PAPERS[1];
    expect(entryOf(specials).fields.author).toBe('{Research and Development Team} and {Smith, Jr., John}');
    expect(authorNames(entryOf(specials).fields.author)).toEqual(specials.authors);
  });

  it('lists all 200 authors of a large collaboration', () => {
    const survey = TRICKY_PAPERS.find((paper) => paper.authors === MANY_AUTHORS) as Paper;
    expect(authorNames(entryOf(survey).fields.author)).toEqual(MANY_AUTHORS);
  });

  it('builds keys from last name, year and first title word, ASCII-folded', () => {
    expect(entries.map((entry) => entry.key)).toEqual([
      'kaiser2017attention',
      'team2025say', // the first author is "Research and Development Team"
      'handlehyperlink', // no publication date: no year
      'surname02025survey', // "A" is skipped
      'maldacena1999string',
      'arxiv2404.00004', // nothing of 李四 or the title folds to ASCII
    ]);
  });

  it('folds accents and letters such as ł and ø', () => {
    const papers = [
      makePaper('2501.00001', { authors: ['Zoë Ødegård'], title: 'Éléments' }),
      makePaper('2501.00002', { authors: ['Paweł Wróbel'], title: 'Łódź' }),
    ];
    expect(parseBibtex(toBibtex(papers)).map((entry) => entry.key)).toEqual(['odegard2025elements', 'wrobel2025lodz']);
  });

  it('de-duplicates keys with a, b, c suffixes', () => {
    const papers = ['2501.00001', '2501.00002', '2501.00003', '2501.00004'].map((id) =>
      makePaper(id, { authors: ['Ada Lovelace'], title: 'Notes on the engine' }),
    );
    papers.push(makePaper('2501.00005', { authors: ['Ada Lovelace'], title: 'Notesa' }));
    expect(parseBibtex(toBibtex(papers)).map((entry) => entry.key)).toEqual([
      'lovelace2025notes',
      'lovelace2025notesa',
      'lovelace2025notesb',
      'lovelace2025notesc',
      'lovelace2025notesaa', // its own key was taken by a suffixed one
    ]);
  });

  it('keeps keys unique across hundreds of same-key papers', () => {
    const papers = Array.from({ length: 700 }, (_, n) => makePaper(`2502.${String(n).padStart(5, '0')}`));
    const keys = parseBibtex(toBibtex(papers)).map((entry) => entry.key);
    expect(new Set(keys).size).toBe(papers.length);
    expect(keys[26 + 1]).toBe(`${keys[0]}aa`);
  });

  it('writes an entry without author or year when the paper has none', () => {
    const [entry] = parseBibtex(toBibtex([makePaper('2501.00009', { authors: [], publishedAt: null })]));
    expect(entry.key).toBe('arxiv2501.00009');
    expect(Object.keys(entry.fields)).toEqual(['title', 'eprint', 'archivePrefix', 'url']);
  });
});

describe('bibtexChunks', () => {
  it('writes the same file as toBibtex, keys unique across chunks', async () => {
    const papers = [...TRICKY_PAPERS, ...TRICKY_PAPERS.map((paper) => ({ ...paper, id: `${paper.id}9` }))];
    const written: number[] = [];
    const parts = await collect(bibtexChunks(papers, { chunkSize: 4, onProgress: (n) => written.push(n) }));
    expect(parts.join('')).toBe(toBibtex(papers));
    expect(parts).toHaveLength(3);
    expect(written).toEqual([4, 8, 12]);
    expect(new Set(parseBibtex(parts.join('')).map((entry) => entry.key)).size).toBe(papers.length);
  });
});
