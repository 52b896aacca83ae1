import { exportJsonChunks, toExportDocument } from '@/lib/io/export-json';
import { type ImportPlan, importSizeError, parseImportFile } from '@/lib/io/import-file';
import { mergeImported } from '@/lib/library/merge';
import { validatePaperRecord } from '@/lib/library/validate';
import type { Paper } from '@/lib/paper';
import { collect, fixture, makePaper, stored, TRICKY_PAPERS } from './papers';

const fixtureJson = (name: string) => JSON.parse(fixture(name));

function imported(plan: ImportPlan) {
  if (!plan.ok) throw new Error(`expected a plan, got: ${plan.error}`);
  return plan;
}
const ids = (papers: Paper[]) => papers.map((paper) => paper.id);

describe('parseImportFile: Papershelf files', () => {
  it('round-trips an export: export → import → export gives the same papers', async () => {
    // The library holds papers as validation made them; those are what an export must carry over unchanged.
    const library = TRICKY_PAPERS.map((paper) => {
      const result = validatePaperRecord(paper);
      if (!result.ok) throw new Error(result.reason);
      return result.paper;
    });
    const exportedAt = '2026-03-01T10:00:00.000Z';
    const chunks = exportJsonChunks(library.map(stored), exportedAt, library.length);
    const plan = imported(parseImportFile((await collect(chunks)).join('')));
    expect(plan).toMatchObject({ source: 'papershelf', skipped: [], warnings: [] });
    expect(plan.papers).toEqual(library);
    expect(JSON.stringify(toExportDocument(plan.papers, exportedAt))).toBe(
      JSON.stringify(toExportDocument(library, exportedAt)),
    );
  });

  it('reads a version 1 file', () => {
    const plan = imported(parseImportFile(fixture('valid-v1.json')));
    // Files from before annotation times and venues were kept: they are unknown, not invented.
    const papers: Paper[] = fixtureJson('valid-v1.json').papers;
    expect(plan.papers).toEqual(
      papers.map((paper) => ({
        ...paper,
        annotatedAt: null,
        venue: null,
        readingState: null,
        queuedAt: null,
        openedAt: null,
      })),
    );
  });

  it('imports into an empty library and exports again field for field, notes as typed', () => {
    const note = 'Why:\n\n  1. fast\r\n  2. "simple"';
    // Papers as the library holds them (validated), some with the time of their last annotation.
    const papers = [...TRICKY_PAPERS, makePaper('2507.00001', { note, starred: true, tags: ['to read'] })].map(
      (paper, index) => {
        const result = validatePaperRecord(paper);
        if (!result.ok) throw new Error(result.reason);
        return { ...result.paper, annotatedAt: index % 2 ? '2026-02-01T00:00:00.000Z' : null };
      },
    );
    const file = JSON.stringify(toExportDocument(papers, '2026-03-01T10:00:00.000Z'));
    const library = imported(parseImportFile(file)).papers.map((paper) => mergeImported(undefined, paper).record);
    const again = JSON.stringify(toExportDocument(library, '2026-03-01T10:00:00.000Z'));
    expect(again).toBe(file);
    expect(JSON.parse(again).papers.map((paper: Paper) => paper.note)).toEqual([
      TRICKY_PAPERS[0].note,
      null,
      '@mention',
      null,
      null,
      null,
      note,
    ]);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(imported(parseImportFile(`\uFEFF${fixture('valid-v1.json')}`)).papers).toHaveLength(3);
  });

  it('only warns when the count does not match the papers', () => {
    const { count, papers } = fixtureJson('count-mismatch.json');
    const plan = imported(parseImportFile(fixture('count-mismatch.json')));
    expect(plan.papers).toHaveLength(papers.length);
    expect(plan.warnings).toEqual([`The file says it holds ${count} papers but has ${papers.length}.`]);
  });
});

describe('parseImportFile: broken files', () => {
  it.each([
    ['empty.txt', /^The file is empty\.$/],
    ['truncated.txt', /^The file is not valid JSON; it may be cut short or damaged/],
    ['not-json.txt', /^The file is not valid JSON/],
    ['array.json', /bare list, not a Papershelf or PaperMemory export/],
    ['unknown-format.json', /^Unknown export format "zotero-rdf"\.$/],
    ['no-format.json', /not a Papershelf or PaperMemory export \(it has no "format" field\)/],
    ['bad-version.json', /no valid version number/],
    ['papers-not-a-list.json', /no list of papers/],
  ])('%s → a clear error', (name, error) => {
    const plan = parseImportFile(fixture(name));
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error).toMatch(error);
  });

  it('asks for an update when the file comes from a newer Papershelf', () => {
    const { version } = fixtureJson('newer-version.json');
    expect(parseImportFile(fixture('newer-version.json'))).toEqual({
      ok: false,
      error: `The file was made by a newer Papershelf (version ${version}); update the extension to import it.`,
    });
  });

  it.each(['null', '42', '"papershelf"', 'true', '   \n'])('refuses a file holding only %j', (text) => {
    expect(parseImportFile(text).ok).toBe(false);
  });

  it('skips records of the wrong shape, each with a reason, and keeps the good ones', () => {
    const records: unknown[] = fixtureJson('wrong-types.json').papers;
    const plan = imported(parseImportFile(fixture('wrong-types.json')));
    expect(ids(plan.papers)).toEqual(['2505.00010']);
    expect(plan.skipped.map((skip) => skip.index)).toEqual(records.map((_, index) => index).slice(1));
    for (const skip of plan.skipped) {
      expect(skip.reason).toMatch(/\w/);
      const record = records[skip.index];
      const id = record && typeof record === 'object' && 'id' in record ? record.id : undefined;
      expect(skip.id).toBe(id);
    }
  });

  it('keeps the later of records with the same id and reports the earlier ones', () => {
    const records: Paper[] = fixtureJson('duplicate-ids.json').papers;
    const plan = imported(parseImportFile(fixture('duplicate-ids.json')));
    const last = records.at(-1) as Paper;
    expect(ids(plan.papers)).toEqual([records[1].id, last.id]);
    expect(plan.papers.find((paper) => paper.id === last.id)).toMatchObject({
      title: last.title,
      seenCount: last.seenCount,
    });
    expect(plan.skipped).toEqual(
      [0, 2].map((index) => ({ index, id: last.id, reason: expect.stringMatching(/^duplicate id/) })),
    );
  });

  it('treats __proto__ and constructor keys as plain data', () => {
    const plan = imported(parseImportFile(fixture('proto-keys.json')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(ids(plan.papers)).toEqual(['2505.00030']);
    const [paper] = plan.papers;
    expect(Object.getPrototypeOf(paper)).toBe(Object.prototype);
    expect(paper.starred).toBe(false);
    expect('polluted' in paper).toBe(false);
    // The second record only "has" an id through its __proto__ key: it has none of its own.
    expect(plan.skipped).toEqual([{ index: 1, reason: expect.any(String) }]);
  });

  it('does not let a PaperMemory __proto__ key pollute either', () => {
    const text = '{"__dataVersion": 1, "__proto__": {"polluted": true}, "Arxiv-__proto__": {"__proto__": {"x": 1}}}';
    const plan = imported(parseImportFile(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(plan.papers).toEqual([]);
    expect(plan.skipped).toEqual([{ index: 0, id: 'Arxiv-__proto__', reason: expect.any(String) }]);
  });

  it('does not carry huge strings through whole', () => {
    const huge = 'x'.repeat(3_000_000);
    const text = JSON.stringify(
      toExportDocument(
        [makePaper('2506.00001', { title: huge, note: huge, tags: [huge] }), { ...makePaper('2506.00002'), id: huge }],
        '2026-01-01T00:00:00.000Z',
      ),
    );
    const plan = imported(parseImportFile(text));
    expect(JSON.stringify(plan).length).toBeLessThan(huge.length);
    expect(plan.skipped.find((skip) => skip.index === 1)?.id?.length).toBeLessThanOrEqual(100);
  });

  it('refuses files and record counts over the limits', () => {
    const text = fixture('valid-v1.json');
    expect(parseImportFile(text, { maxBytes: 100 })).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
    expect(parseImportFile(text, { maxRecords: 2 })).toEqual({
      ok: false,
      error: 'The file holds 3 records; at most 2 can be imported at once.',
    });
    expect(parseImportFile(fixture('papermemory.json'), { maxRecords: 2 }).ok).toBe(false);
    expect(importSizeError(600 * 1024 * 1024)).toBe('The file is too large to import (over 512 MB).');
    expect(importSizeError(1024)).toBeNull();
  });

  it('answers a cut or garbled file with a reason of its own or a plan of valid papers, never with a caught crash', () => {
    const text = fixture('valid-v1.json');
    const whole = parseImportFile(text);
    if (!whole.ok) throw new Error(whole.error);
    const ids = new Set(whole.papers.map((paper) => paper.id));
    let refused = 0;
    for (let end = 0; end <= text.length; end += 7) {
      const cut = text.slice(0, end);
      for (const garbled of [cut, cut.replaceAll('"', "'"), text.slice(0, end) + text.slice(end + 20)]) {
        const plan = parseImportFile(garbled);
        if (!plan.ok) {
          refused++;
          // The catch-all's words: a reader threw instead of saying what is wrong with the file.
          expect(plan.error, garbled.slice(0, 60)).not.toMatch(/^The file could not be read/);
          continue;
        }
        for (const paper of plan.papers) {
          expect(ids, paper.id).toContain(paper.id);
          expect(validatePaperRecord(paper).ok).toBe(true);
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
