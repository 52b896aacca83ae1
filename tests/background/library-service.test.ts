import { interrupted } from '@/lib/background/import-job';
import { createLibraryService } from '@/lib/background/library-service';
import { createRouter } from '@/lib/background/router';
import { toExportDocument } from '@/lib/io/export-json';
import { openLibraryReader } from '@/lib/library/read';
import { toPaper } from '@/lib/library/stored';
import { createSearcher } from '@/lib/search/store';
import type { ImportStatus } from '@/lib/status';
import { type LibraryDB, openLibrary } from '@/lib/writes/db';
import { makePaper } from '../helpers/papers';

const getAllPapers = async (db: LibraryDB) => (await db.getAll('papers')).map(toPaper);

function service({ enabled = true } = {}) {
  const changes: (string[] | undefined)[] = [];
  const statuses: ImportStatus[] = [];
  const problems: (string | null)[] = [];
  const db = openLibrary();
  const handlers = createLibraryService({
    db: () => db,
    captureEnabled: async () => enabled,
    changed: (ids) => changes.push(ids),
    importStatus: (status) => statuses.push(status),
    writeProblem: (problem) => problems.push(problem),
    now: () => new Date('2026-11-20T12:00:00.000Z'),
  });
  return { route: createRouter(handlers, () => {}), db, changes, statuses, problems };
}

const capture = (viewId: string, papers: unknown[]) => ({
  type: 'capture',
  data: { viewId, pageUrl: 'https://huggingface.co/papers', papers },
});
const A = { id: '2407.21783', title: 'The Llama 3 Herd of Models' };

describe('library service', () => {
  it('sets a reading state from an extension page only, refuses a forged one, and marks the paper opened', async () => {
    const { route, db, changes } = service();
    await route(capture('v1', [A]), 'content-script');
    const set = (state: unknown, role: 'extension-page' | 'content-script' = 'extension-page') =>
      route({ type: 'setReadingState', data: { id: A.id, state } }, role);
    expect(await set('to-read')).toEqual({ ok: true, value: { ok: true } });
    expect(await set('<img onerror=1>')).toMatchObject({ ok: false, error: expect.stringMatching(/readingState/) });
    expect(await set('read', 'content-script')).toMatchObject({ ok: false });
    expect(await route({ type: 'paperOpened', data: { id: 'nope' } }, 'extension-page')).toMatchObject({ ok: false });
    expect(await route({ type: 'paperOpened', data: { id: A.id } }, 'extension-page')).toEqual({
      ok: true,
      value: { ok: true },
    });
    const [paper] = await getAllPapers(await db);
    expect(paper).toMatchObject({
      readingState: 'to-read',
      queuedAt: expect.any(String),
      openedAt: expect.any(String),
    });
    expect(changes.at(-1)).toEqual([A.id]);
  });

  it('marks a paper opened when the capture is of its own page', async () => {
    const { route, db } = service();
    await route(
      { type: 'capture', data: { viewId: 'v1', pageUrl: `https://huggingface.co/papers/${A.id}`, papers: [A] } },
      'content-script',
    );
    expect((await getAllPapers(await db))[0].openedAt).toBe('2026-11-20T12:00:00.000Z');
  });

  it('stores a valid capture and reports what it dropped', async () => {
    const { route, db, changes } = service();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const outcome = await route(capture('v1', [A, { id: 'bogus', title: 'x' }]), 'content-script');
    expect(outcome).toEqual({ ok: true, value: { accepted: 1, rejected: 1 } });
    expect(warn).toHaveBeenCalledWith('[papershelf] paper 1 dropped: id is not an arXiv id');
    expect((await getAllPapers(await db)).map((paper) => paper.id)).toEqual([A.id]);
    expect(changes).toEqual([[A.id]]);
  });

  it('stores nothing while capture is paused', async () => {
    const { route, db } = service({ enabled: false });
    expect(await route(capture('v1', [A]), 'content-script')).toEqual({
      ok: true,
      value: { accepted: 0, rejected: 0 },
    });
    expect(await getAllPapers(await db)).toEqual([]);
  });

  it('refuses forged and malformed messages without touching the library', async () => {
    const { route, db } = service();
    await route(capture('v1', [A]), 'content-script');
    const before = await getAllPapers(await db);
    const forged = [
      [capture('v2', [A]), 'extension-page'],
      [{ type: 'clearLibrary', data: {} }, 'content-script'],
      [
        { type: 'capture', data: { viewId: 'v3', pageUrl: 'https://evil.example/papers', papers: [A] } },
        'content-script',
      ],
      [{ type: 'setStarred', data: { id: A.id, starred: 'yes' } }, 'extension-page'],
      [{ type: 'deletePapers', data: { ids: ['../../etc'] } }, 'extension-page'],
      [{ type: 'purgeSeenBefore', data: { before: 'never' } }, 'extension-page'],
      [{ type: 'annotate', data: { id: A.id, tags: [{}], note: null } }, 'extension-page'],
      [{ type: 'importCommit', data: { importId: 'guess' } }, 'extension-page'],
      [{ type: 'importCommit', data: { importId: 42 } }, 'extension-page'],
      [{ type: 'importChunk', data: { importId: { toString: 'x' }, text: '{}' } }, 'extension-page'],
      [{ type: 'lookupSeen', data: { ids: ['2407.21783'], viewId: '<script>' } }, 'content-script'],
      [{ type: 'lookupSeen', data: { ids: Array(501).fill(A.id), viewId: 'v1' } }, 'content-script'],
      [{ type: 'setReadingState', data: { id: A.id, state: 'done' } }, 'extension-page'],
      [{ type: 'paperOpened', data: 'not an object' }, 'extension-page'],
      [{ type: 'prepareLibrary', data: {} }, 'content-script'],
    ] as const;
    for (const [message, role] of forged)
      expect((await route(message, role)).ok, JSON.stringify(message).slice(0, 80)).toBe(false);
    // Each refusal says which field was wrong.
    expect(await route({ type: 'setStarred', data: { id: A.id, starred: 'yes' } }, 'extension-page')).toEqual({
      ok: false,
      error: 'setStarred: starred must be a boolean',
    });
    expect(await route({ type: 'deletePapers', data: { ids: ['../../etc'] } }, 'extension-page')).toEqual({
      ok: false,
      error: 'deletePapers: not an arXiv id',
    });
    expect(await route({ type: 'annotate', data: { id: A.id, tags: [{}], note: null } }, 'extension-page')).toEqual({
      ok: false,
      error: 'annotate: tags must be up to 64 strings',
    });
    expect(await getAllPapers(await db)).toEqual(before);
  });

  it('takes a file handed over in pieces, checks and commits it on its own, reporting each phase', async () => {
    const { route, db, statuses } = service();
    const text = JSON.stringify(toExportDocument([makePaper('2601.00001'), makePaper('2601.00002')], '2026-11-20'));
    const begin = await route({ type: 'importBegin', data: { fileName: 'shelf.json' } }, 'extension-page');
    const importId = begin.ok ? (begin.value as { importId: string }).importId : '';
    const half = Math.floor(text.length / 2);
    await route({ type: 'importChunk', data: { importId, text: text.slice(0, half) } }, 'extension-page');
    await route({ type: 'importChunk', data: { importId, text: text.slice(half) } }, 'extension-page');
    expect(await getAllPapers(await db)).toEqual([]);
    const committed = await route({ type: 'importCommit', data: { importId } }, 'extension-page');
    expect(committed).toMatchObject({
      ok: true,
      value: { added: 2, updated: 0, skipped: [] },
    });
    expect((await getAllPapers(await db)).map((paper) => paper.id)).toEqual(['2601.00001', '2601.00002']);
    expect(statuses.map((status) => status.phase)).toEqual(['receiving', 'checking', 'writing', 'writing', 'done']);
    expect(statuses.every((status) => status.id === importId && status.fileName === 'shelf.json')).toBe(true);
  });

  it('finds an imported paper by a misspelled title word as soon as the import says done', async () => {
    const { route, db, statuses } = service();
    // A restore: more papers than a capture, so their terms go straight into the blocks and the typo forms.
    const papers = Array.from({ length: 250 }, (_, index) =>
      makePaper(`2601.${String(index + 1).padStart(5, '0')}`, { title: `Numbat foraging ${index}`, abstract: null }),
    );
    papers.push(makePaper('2601.00999', { title: 'Echolocation in bandicoots', abstract: null }));
    const begin = await route({ type: 'importBegin', data: { fileName: 'backup.json' } }, 'extension-page');
    const importId = begin.ok ? (begin.value as { importId: string }).importId : '';
    const text = JSON.stringify(toExportDocument(papers, '2026-11-20'));
    await route({ type: 'importChunk', data: { importId, text } }, 'extension-page');
    await route({ type: 'importCommit', data: { importId } }, 'extension-page');
    expect(statuses.at(-1)?.phase).toBe('done');
    expect(await (await db).count('segments')).toBe(0);
    const searcher = createSearcher(await openLibraryReader());
    expect((await searcher.search('echolocaton')).ids).toEqual(['2601.00999']);
    expect((await searcher.search('bandicots')).ids).toEqual(['2601.00999']);
    expect((await searcher.search('nubmat')).total).toBe(250);
  }, 20_000); // a bulk write of a few hundred papers, on a machine that may be busy

  it('says an import whose window closed before the commit was abandoned, and keeps nothing of it', async () => {
    const { route, db, statuses } = service();
    const begin = await route({ type: 'importBegin', data: { fileName: 'big.json' } }, 'extension-page');
    const importId = begin.ok ? (begin.value as { importId: string }).importId : '';
    expect(statuses.at(-1)).toMatchObject({ id: importId, phase: 'receiving', fileName: 'big.json' });
    await route({ type: 'importChunk', data: { importId, text: '{"format":' } }, 'extension-page');
    expect(await route({ type: 'importAbandon', data: { importId } }, 'extension-page')).toEqual({
      ok: true,
      value: { abandoned: true },
    });
    expect(statuses.at(-1)).toMatchObject({ phase: 'failed', error: expect.stringMatching(/window closed.*again/) });
    expect(await route({ type: 'importCommit', data: { importId } }, 'extension-page')).toMatchObject({ ok: false });
    // Once committed, closing the window abandons nothing.
    const again = await route({ type: 'importBegin', data: { fileName: 'small.json' } }, 'extension-page');
    const second = again.ok ? (again.value as { importId: string }).importId : '';
    const text = JSON.stringify(toExportDocument([makePaper('2601.00003')], '2026-11-20'));
    await route({ type: 'importChunk', data: { importId: second, text } }, 'extension-page');
    await route({ type: 'importCommit', data: { importId: second } }, 'extension-page');
    expect(await route({ type: 'importAbandon', data: { importId: second } }, 'extension-page')).toEqual({
      ok: true,
      value: { abandoned: false },
    });
    expect(statuses.at(-1)).toMatchObject({ phase: 'done' });
    expect((await getAllPapers(await db)).map((paper) => paper.id)).toEqual(['2601.00003']);
  });

  it('reports a broken file as failed and writes nothing', async () => {
    const { route, db, statuses } = service();
    const begin = await route({ type: 'importBegin', data: { fileName: 'broken.json' } }, 'extension-page');
    const importId = begin.ok ? (begin.value as { importId: string }).importId : '';
    await route({ type: 'importChunk', data: { importId, text: '{"format":"papershelf","pap' } }, 'extension-page');
    expect(await route({ type: 'importCommit', data: { importId } }, 'extension-page')).toMatchObject({ ok: false });
    expect(statuses.at(-1)).toMatchObject({ phase: 'failed', error: expect.any(String) });
    expect(await getAllPapers(await db)).toEqual([]);
  });

  it('reports an import left running by a stopped worker as interrupted, and leaves finished ones alone', () => {
    const running: ImportStatus = { id: 'i', fileName: 'a.json', at: 1, phase: 'writing', fraction: 0.5 };
    expect(interrupted(running)).toMatchObject({ phase: 'failed', error: expect.stringMatching(/interrupted/) });
    expect(interrupted({ ...running, phase: 'done' })).toBeNull();
    expect(interrupted(null)).toBeNull();
  });

  it('tells of a write the database refused, keeps what was stored, and takes writes again when it can', async () => {
    const { route, db, problems } = service();
    await route(capture('v1', [A]), 'content-script');
    const before = await getAllPapers(await db);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    });
    const refused = await route(capture('v2', [A, { id: '2601.00009', title: 'New' }]), 'content-script');
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/disk is full/) });
    expect(problems.at(-1)).toBe('QuotaExceededError: The disk is full.');
    expect(await getAllPapers(await db)).toEqual(before);
    put.mockRestore();
    expect(await route(capture('v3', [A]), 'content-script')).toMatchObject({ ok: true });
    expect(problems.at(-1)).toBeNull();
    expect((await getAllPapers(await db)).find((paper) => paper.id === A.id)?.seenCount).toBe(2);
  });
});
