import { EXPORT_VERSION, exportJsonChunks, exportPaper, toExportDocument } from '@/lib/io/export-json';
import type { Paper } from '@/lib/paper';
import { asAsync, collect, makePaper, stored, TRICKY_PAPERS } from './papers';

const EXPORTED_AT = '2026-02-03T04:05:06.000Z';

/** A paper as the export writes it: what the library does not know (annotation time, reading state) is null. */
const exported = (paper: Paper) => ({
  ...paper,
  annotatedAt: paper.annotatedAt ?? null,
  readingState: paper.readingState ?? null,
  queuedAt: paper.queuedAt ?? null,
  openedAt: paper.openedAt ?? null,
});

/** The same paper with its keys in reverse order, as an object read back from anywhere might be. */
function reversedKeys(paper: Paper): Paper {
  return Object.fromEntries(Object.entries(paper).reverse()) as unknown as Paper;
}

describe('exportPaper', () => {
  it('writes every Paper field and leaves the stored bookkeeping out', () => {
    const paper = TRICKY_PAPERS[0];
    const written = exportPaper(stored(paper));
    expect(written).toEqual(exported(paper));
    expect(Object.keys(written).sort()).toEqual(Object.keys(exported(paper)).sort());
    expect(written).not.toHaveProperty('recentViewIds');
    expect(written).not.toHaveProperty('changedAt');
  });

  it('writes the note as typed and when the user last annotated the paper', () => {
    const note = 'Line one\n\n  - point, "quoted"\r\n\tend';
    const paper = { ...makePaper('2501.00001', { note, starred: true }), annotatedAt: '2026-01-02T03:04:05.000Z' };
    const [written] = JSON.parse(JSON.stringify(toExportDocument([stored(paper)], EXPORTED_AT))).papers;
    expect(written).toMatchObject({ note, starred: true, annotatedAt: '2026-01-02T03:04:05.000Z' });
  });

  it('writes keys in one order, whatever order the paper came in', () => {
    const paper = TRICKY_PAPERS[1];
    const fromReversed = exportPaper(reversedKeys(paper));
    expect(JSON.stringify(fromReversed)).toBe(JSON.stringify(exportPaper(paper)));
    expect(Object.keys(fromReversed)).not.toEqual(Object.keys(reversedKeys(paper)));
    expect(Object.keys(fromReversed.upvoteHistory[0])).toEqual(['at', 'upvotes']);
  });
});

describe('toExportDocument', () => {
  it('has the fixed header and the papers', () => {
    const document = toExportDocument(TRICKY_PAPERS.map(stored), EXPORTED_AT);
    expect(Object.keys(document)).toEqual(['format', 'version', 'exportedAt', 'count', 'papers']);
    expect(document).toMatchObject({ format: 'papershelf', version: 1, exportedAt: EXPORTED_AT });
    expect(document.count).toBe(TRICKY_PAPERS.length);
    expect(document.papers).toEqual(TRICKY_PAPERS.map(exported));
    expect(EXPORT_VERSION).toBe(document.version);
  });
});

describe('exportJsonChunks', () => {
  const papers = Array.from({ length: 7 }, (_, n) => stored(makePaper(`2501.0000${n}`)));

  it('writes the same document as toExportDocument, a few papers at a time', async () => {
    const written: number[] = [];
    const parts = await collect(
      exportJsonChunks(papers, EXPORTED_AT, papers.length, { chunkSize: 3, onProgress: (n) => written.push(n) }),
    );
    expect(JSON.parse(parts.join(''))).toEqual(toExportDocument(papers, EXPORTED_AT));
    // header, three chunks of papers (3 + 3 + 1), closing bracket
    expect(parts).toHaveLength(5);
    expect(written).toEqual([3, 6, 7]);
  });

  it('reads papers from an async source (a database cursor)', async () => {
    const parts = await collect(exportJsonChunks(asAsync(papers), EXPORTED_AT, papers.length, { chunkSize: 2 }));
    expect(JSON.parse(parts.join('')).papers.map((paper: Paper) => paper.id)).toEqual(papers.map((paper) => paper.id));
  });

  it('writes a valid document for an empty library', async () => {
    const parts = await collect(exportJsonChunks([], EXPORTED_AT, 0));
    expect(JSON.parse(parts.join(''))).toEqual(toExportDocument([], EXPORTED_AT));
  });

  it('makes Blob parts', async () => {
    const parts = await collect(exportJsonChunks(TRICKY_PAPERS, EXPORTED_AT, TRICKY_PAPERS.length));
    const text = await new Blob(parts, { type: 'application/json' }).text();
    expect(JSON.parse(text).papers).toEqual(TRICKY_PAPERS.map(exported));
  });
});
