import { CSV_COLUMNS, CSV_LIST_SEPARATOR, csvChunks, toCsv } from '@/lib/io/csv';
import { validatePaperRecord } from '@/lib/library/validate';
import type { Paper } from '@/lib/paper';
import { collect, MANY_AUTHORS, makePaper, TRICKY_PAPERS } from './papers';

/** RFC 4180: CRLF between records, quoted fields may hold "" , CR and LF. Fails on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let cell = '';
    if (text[at] === '"') {
      for (at++; ; at++) {
        if (at >= text.length) throw new Error('unterminated quote');
        if (text[at] === '"' && text[at + 1] === '"') {
          cell += '"';
          at++;
        } else if (text[at] === '"') break;
        else cell += text[at];
      }
      at++;
    } else {
      while (at < text.length && !/[,\r\n"]/.test(text[at])) cell += text[at++];
      if (text[at] === '"') throw new Error(`quote inside an unquoted field at ${at}`);
    }
    row.push(cell);
    if (text[at] === ',') at++;
    else if (text.startsWith('\r\n', at)) {
      rows.push(row);
      row = [];
      at += 2;
    } else throw new Error(`expected , or CRLF at ${at}`);
  }
  if (row.length) throw new Error('last record has no CRLF');
  return rows;
}

/** What a spreadsheet should show: text that could run as a formula is marked as text. */
const guarded = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function expectedRow(paper: Paper): string[] {
  return [
    paper.id,
    paper.title,
    paper.authors.join('; '),
    paper.abstract ?? '',
    paper.url,
    paper.upvotes === null ? '' : String(paper.upvotes),
    paper.comments === null ? '' : String(paper.comments),
    paper.publishedAt ?? '',
    paper.keywords.join('; '),
    paper.tags.join('; '),
    paper.note ?? '',
    String(paper.starred),
    paper.readingState ?? '',
    paper.firstSeenAt,
    paper.lastSeenAt,
    String(paper.seenCount),
  ].map(guarded);
}

describe('toCsv', () => {
  const text = toCsv(TRICKY_PAPERS);

  it('starts with a UTF-8 byte order mark and a header row', () => {
    expect(text.startsWith('\uFEFFid,title,authors,abstract,url,upvotes,comments,publishedAt,')).toBe(true);
    expect(parseCsv(text.slice(1))[0]).toEqual([...CSV_COLUMNS]);
  });

  it('parses back, RFC 4180, to the same values', () => {
    const [, ...rows] = parseCsv(text.slice(1));
    expect(rows).toEqual(TRICKY_PAPERS.map(expectedRow));
  });

  it('quotes exactly the cells that need it and ends every line with CRLF', () => {
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text).toContain(`"${TRICKY_PAPERS[1].title.replaceAll('"', '""')}"`);
    expect(text).toContain(`,${TRICKY_PAPERS[0].title},`);
    expect(text).toContain('"Read twice.\nLine two, with ""quotes"" and a comma."');
  });

  it('marks cells that a spreadsheet would run as formulas', () => {
    const formulas = parseCsv(text.slice(1))[1 + 2];
    const cell = (column: (typeof CSV_COLUMNS)[number]) => formulas[CSV_COLUMNS.indexOf(column)];
    expect(cell('title')).toBe(`'${TRICKY_PAPERS[2].title}`);
    expect(cell('abstract')).toBe("'+1 for this; -2 for that");
    expect(cell('authors')).toBe("'@handle; -Minus Name");
    expect(cell('tags')).toBe("'=SUM(A1); \tindented");
    expect(cell('note')).toBe("'@mention");
  });

  it('keeps non-Latin text and a 200-author list in one cell', () => {
    const [, attention, , , survey] = parseCsv(text.slice(1));
    expect(attention[CSV_COLUMNS.indexOf('authors')]).toBe("Łukasz Kaiser; 张三; Nguyễn Văn An; Zoë O'Brien");
    expect(survey[CSV_COLUMNS.indexOf('authors')].split(CSV_LIST_SEPARATOR)).toEqual(MANY_AUTHORS);
  });

  it('keeps a note as typed: line breaks (LF and CRLF), blank lines and indents, in one quoted cell', () => {
    const typed = '  Why:\n\n  1. fast, "simple"\r\n\t2. cheap\n';
    const result = validatePaperRecord(makePaper('2501.00001', { note: typed }));
    if (!result.ok) throw new Error(result.reason);
    const text = toCsv([result.paper]);
    const [, row] = parseCsv(text.slice(1));
    expect(row[CSV_COLUMNS.indexOf('note')]).toBe(typed.trim());
    expect(text).toContain(`,"${typed.trim().replaceAll('"', '""')}",`);
    expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('is only a header for an empty library', () => {
    expect(parseCsv(toCsv([]).slice(1))).toEqual([[...CSV_COLUMNS]]);
  });
});

describe('csvChunks', () => {
  it('writes the same file as toCsv', async () => {
    const written: number[] = [];
    const parts = await collect(csvChunks(TRICKY_PAPERS, { chunkSize: 4, onProgress: (n) => written.push(n) }));
    expect(parts.join('')).toBe(toCsv(TRICKY_PAPERS));
    expect(written).toEqual([4, TRICKY_PAPERS.length]);
  });
});
