import { type Creator, type Options, parse } from '@retorquere/bibtex-parser';
import { bibtexChunks, toBibtex } from '@/lib/io/bibtex';
import type { Paper } from '@/lib/paper';
import { collapseWhitespace } from '@/lib/text';
import { collect, MANY_AUTHORS, makePaper, TRICKY_PAPERS } from './papers';

interface Entry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

/**
 * A strict little reader of `@type{key, name = {value} | macro, …}` entries: it fails on unbalanced braces,
 * as BibTeX would, and on anything between entries but blank lines. It checks the file's shape and gives
 * each field's text as written; what the text means is for the real parser below.
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
      skipSpace();
      fields[name] = text[at] === '{' ? bracedValue() : word(/[a-z]/i);
    }
    expect('}');
    entries.push({ type, key, fields });
  }
  return entries;
}

/**
 * The file as Better BibTeX for Zotero reads it (its parser), every entry read without an error. By default
 * without English sentence-casing, so titles come back as written.
 */
function readBack(text: string, options: Options = { english: false }) {
  const library = parse(text, options);
  expect(library.errors).toEqual([]);
  return library.entries;
}

/** A parsed name as one would display it: "First von Last Jr." or a name kept whole. */
const displayName = (creator: Creator) =>
  creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');

/** Titles and names that trip up BibTeX writers. */
const HOSTILE_TITLES = [
  'Scaling LLM Inference: $O(n^2)$ Costs for R&D on GPT-4',
  'Braces {BERT} and {unbalanced stray } {',
  '100% of #1 _x_ ~tilde ^caret \\LaTeX \\textbf{bold} \\\\ end',
  'Say "Hello" -- or --- ``quoted\'\' ?` !` <html> a|b x~y',
  '$\\input{/etc/passwd}$ \\write18{rm -rf /} \\def\\x{} %comment',
  'Языковые модели, 深度学习的研究 and Ελληνικά: Ünïcödé Ωmega',
  '  Whitespace\tand\nline   breaks  ',
];

const HOSTILE_AUTHORS = [
  'Łukasz Kaiser',
  'José Ángel García-Pérez',
  "Zoë O'Brien",
  '张三',
  'Nguyễn Văn An',
  'Ludwig van Beethoven',
  'bell hooks',
  'Research and Development Team',
  'AT&T Labs',
  'Smith, Jr., John',
  'Jane {Doe',
  '50% Person_x ~ ^',
  'Guido van Rossum Jr.',
];

const hostile = HOSTILE_TITLES.map((title, n) =>
  makePaper(`2501.0000${n}`, { title, authors: HOSTILE_AUTHORS.slice(n), publishedAt: null }),
);

const entries = parseBibtex(toBibtex(TRICKY_PAPERS));
const entryOf = (paper: Paper) => entries[TRICKY_PAPERS.indexOf(paper)];

describe('toBibtex', () => {
  it('writes one @misc entry per paper, each with a unique key', () => {
    expect(entries.map((entry) => entry.type)).toEqual(TRICKY_PAPERS.map(() => 'misc'));
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(TRICKY_PAPERS.length);
  });

  it('writes the arXiv fields of every paper', () => {
    TRICKY_PAPERS.forEach((paper, index) => {
      // The citation leads to arXiv; the Hugging Face page where it was found is kept beside it.
      expect(entries[index].fields).toMatchObject({
        eprint: paper.id,
        archivePrefix: 'arXiv',
        url: `https://arxiv.org/abs/${paper.id}`,
        howpublished: `\\url{${paper.url}}`,
      });
    });
  });

  it('reads back every title exactly, as written, with a real BibTeX parser', () => {
    // Titles without math; math is read as math (below).
    const papers = [...TRICKY_PAPERS, ...hostile].filter((paper) => !/\$[^$]*\^[^$]*\$/.test(paper.title));
    const titles = readBack(toBibtex(papers)).map((entry) => entry.fields.title);
    expect(titles).toEqual(papers.map((paper) => collapseWhitespace(paper.title)));
  });

  it('writes ^ and ~ outside math as characters, not as accents on the next letter', () => {
    const text = hostile[2];
    const { title } = parseBibtex(toBibtex([text]))[0].fields;
    expect(title).not.toMatch(/\\[\^~]/);
    expect(readBack(toBibtex([text]))[0].fields.title).toContain('~tilde ^caret');
  });

  it('keeps a title’s math as math, which every reader reads, and nothing else of TeX live', () => {
    const written = parseBibtex(toBibtex(hostile)).map((entry) => entry.fields.title);
    expect(written[0]).toContain('{$O(n^2)$}');
    const ownEscapes =
      /\{\\text(?:backslash|braceleft|braceright|asciicircum|asciitilde|less|greater|bar)\}|\\[%&$#_]/g;
    const keptMath = /\{\$O\(n\^2\)\$\}/g;
    for (const title of written) expect(title.replace(keptMath, '').replace(ownEscapes, '')).not.toMatch(/[\\%#$&_^~]/);
    // Math with a command that is not math (\input) is text, escaped like the rest.
    expect(written[4]).not.toContain('$\\input');
    const math = makePaper('2501.00011', { title: 'Sorting in $\\mathcal{O}(n \\log n)$ with $\\alpha$-Nets' });
    expect(toBibtex([math])).toContain('title = {Sorting in {$\\mathcal{O}(n \\log n)$} with {$\\alpha$}-Nets}');
    // The entry reads whole; a reader turning TeX into Unicode only says which math commands it leaves as TeX.
    const library = parse(toBibtex([math]), { english: false });
    expect(library.entries).toHaveLength(1);
    expect(library.errors.map((error) => error.error)).toEqual(['unhandled macro \\mathcal', 'unhandled macro \\log']);
  });

  it('protects acronyms and mixed-case words from sentence-case styles, and nothing else', () => {
    const paper = makePaper('2501.00001', {
      title:
        'Scaling LLM Inference: $O(n^2)$ Costs for R&D on GPT-4, iPhone and 3D Self-Supervised Models, ' +
        'A100 GPUs, T5 and I/O With X-Ray Data',
    });
    // As an English entry: sentence-cased the way a style (or Zotero) would, braced words kept.
    const [entry] = readBack(toBibtex([paper]), {});
    expect(entry.fields.title.replace(/<\/?span[^>]*>/g, '')).toBe(
      'Scaling LLM inference: O(n²) costs for R&D on GPT-4, iPhone and 3D self-supervised models, ' +
        'A100 GPUs, T5 and I/O with X-ray data',
    );
  });

  it('keeps tags one keyword each, even with commas or semicolons in them, in every reading mode', () => {
    const tags = ['rl;hf', 'vision, language', 'transformers', 'nlp classic'];
    const paper = makePaper('2501.00001', { tags: [...tags, ' , '] });
    const asTyped = (keyword: string) => keyword.replace(/，/g, ',').replace(/；/g, ';');
    for (const options of [{ english: false }, { english: false, fieldMode: { keywords: 'richtext' as const } }]) {
      const [entry] = readBack(toBibtex([paper]), options);
      expect(new Set((entry.fields.keywords ?? []).map(asTyped))).toEqual(new Set(tags));
      expect(entry.fields.keywords).toHaveLength(tags.length);
    }
    // The field as biber sees it: split at every plain comma only after LaTeX is decoded, braces or not.
    const written = parseBibtex(toBibtex([paper]))[0].fields.keywords;
    expect(written.split(/\s*,\s*/).map(asTyped)).toEqual(tags);
    expect(written.split(/,|;/).map((keyword) => asTyped(keyword.trim()))).toEqual(tags); // bibtexparser 1
  });

  it('escapes LaTeX specials in keywords, for readers that take them as TeX (biber)', () => {
    const tags = ['R&D', '#nlp', '100%', 'a_b', '{x}'];
    const [entry] = readBack(toBibtex([makePaper('2501.00001', { tags })]), {
      english: false,
      fieldMode: { keywords: 'richtext' }, // as text, not verbatim
    });
    expect(new Set(entry.fields.keywords)).toEqual(new Set(tags));
  });

  it('writes a multi-line note with its lines, without blank lines, readable and valid', () => {
    const note = 'Line one.\n\n  Line two: 50% & $x$ {a\r\n% not a comment\n@misc{fake,\n  title = {x}}\n\n';
    const text = toBibtex([makePaper('2501.00001', { note })]);
    const [written] = parseBibtex(text);
    expect(written.fields.note.split('\n').map((line) => line.trim())).toEqual([
      'Line one.',
      'Line two: 50\\% \\& \\$x\\$ {\\textbraceleft}a',
      '\\% not a comment',
      '@misc{\\textbraceleft}fake,',
      'title = {\\textbraceleft}x{\\textbraceright}{\\textbraceright}',
    ]);
    expect(
      text
        .trimEnd()
        .split('\n')
        .filter((line) => !line.trim()),
    ).toEqual([]); // no blank line in the entry
    const read = readBack(text);
    expect(read).toHaveLength(1);
    expect(read[0].fields.note).toBe(collapseWhitespace(note));
  });

  it('keeps single-line notes and tags as they are', () => {
    const [attention] = TRICKY_PAPERS;
    expect(entryOf(attention).fields.keywords).toBe('transformers, nlp， classic');
    expect(entryOf(TRICKY_PAPERS[2]).fields).toMatchObject({ keywords: '=SUM(A1), indented', note: '@mention' });
    expect(entryOf(TRICKY_PAPERS[4]).fields).not.toHaveProperty('note');
    expect(entryOf(TRICKY_PAPERS[4]).fields).not.toHaveProperty('keywords');
  });

  it('keeps non-Latin names as they are, joined with "and"', () => {
    const [attention] = TRICKY_PAPERS;
    expect(entryOf(attention).fields.author).toBe("Łukasz Kaiser and 张三 and Nguyễn Văn An and Zoë O'Brien");
    expect(readBack(toBibtex([attention]))[0].fields.author?.map(displayName)).toEqual(attention.authors);
  });

  it('keeps names with "and" or commas whole', () => {
    const specials = TRICKY_PAPERS[1];
    expect(entryOf(specials).fields.author).toBe('{Research and Development Team} and {Smith, Jr., John}');
    expect(readBack(toBibtex([specials]))[0].fields.author).toEqual(specials.authors.map((name) => ({ name })));
  });

  it('reads back hostile names: accents, particles, corporate names, specials, unpaired braces', () => {
    const [entry] = readBack(toBibtex([hostile[0]]));
    expect(entry.fields.author?.map(displayName)).toEqual(HOSTILE_AUTHORS);
    expect(entry.fields.author?.find((creator) => creator.lastName === 'Beethoven')).toEqual({
      firstName: 'Ludwig',
      prefix: 'van',
      lastName: 'Beethoven',
    });
  });

  it('tells a generational suffix from the last name', () => {
    const kings = ['Martin Luther King Jr.', 'Martin Luther King, Jr.', 'Martin Luther King Jr'];
    const [entry] = readBack(toBibtex([makePaper('2501.00001', { authors: [...kings, 'Guido van Rossum III'] })]));
    expect(entry.fields.author).toEqual([
      { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr.' },
      { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr.' },
      { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr' },
      { firstName: 'Guido', prefix: 'van', lastName: 'Rossum', suffix: 'III' },
    ]);
    expect(entry.key).toBe('king2025paper');
  });

  it('lists all 200 authors of a large collaboration', () => {
    const survey = TRICKY_PAPERS.find((paper) => paper.authors === MANY_AUTHORS) as Paper;
    expect(readBack(toBibtex([survey]))[0].fields.author?.map(displayName)).toEqual(MANY_AUTHORS);
  });

  it('dates a paper by its publication date, else by the month its arXiv id was given', () => {
    const papers = [
      makePaper('2312.00001', { publishedAt: '2024-01-02T00:00:00.000Z' }),
      makePaper('2401.00001', { publishedAt: null }),
      makePaper('0704.0001', { publishedAt: null }),
      makePaper('hep-th/9901001', { publishedAt: null }),
      makePaper('math.GT/0309136', { publishedAt: null }),
    ];
    const dates = readBack(toBibtex(papers)).map(({ fields }) => [fields.year, fields.month]);
    expect(dates).toEqual([
      ['2024', '1'],
      ['2024', '1'],
      ['2007', '4'],
      ['1999', '1'],
      ['2003', '9'],
    ]);
  });

  it('builds keys from last name, year and first title word, ASCII-folded', () => {
    expect(entries.map((entry) => entry.key)).toEqual([
      'kaiser2017attention',
      'team2025say', // the first author is "Research and Development Team"
      'handle2024hyperlink', // no publication date: the year of its id, 2402
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

  it('writes an entry without author when the paper has none, dated by its id', () => {
    const [entry] = parseBibtex(toBibtex([makePaper('2501.00009', { authors: [], publishedAt: null })]));
    expect(entry.key).toBe('arxiv2501.00009');
    expect(entry.fields).toEqual({
      title: 'Paper 2501.00009',
      year: '2025',
      month: 'jan',
      eprint: '2501.00009',
      archivePrefix: 'arXiv',
      url: 'https://arxiv.org/abs/2501.00009',
      howpublished: '\\url{https://huggingface.co/papers/2501.00009}',
    });
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
