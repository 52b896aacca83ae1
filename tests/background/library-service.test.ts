import { createLibraryService } from '@/lib/background/library-service';
import { createRouter } from '@/lib/background/router';
import { type LibraryDB, openLibrary } from '@/lib/library/db';
import { toPaper } from '@/lib/library/stored';
import { makePaper } from '../helpers/papers';

const getAllPapers = async (db: LibraryDB) => (await db.getAll('papers')).map(toPaper);

function service({ enabled = true } = {}) {
  const changes: (string[] | undefined)[] = [];
  const db = openLibrary();
  const handlers = createLibraryService({
    db: () => db,
    captureEnabled: async () => enabled,
    changed: (ids) => changes.push(ids),
    now: () => new Date('2026-11-20T12:00:00.000Z'),
  });
  return { route: createRouter(handlers, () => {}), db, changes };
}

const capture = (viewId: string, papers: unknown[]) => ({
  type: 'capture',
  data: { viewId, pageUrl: 'https://huggingface.co/papers', papers },
});
const A = { id: '2407.21783', title: 'The Llama 3 Herd of Models' };

describe('library service', () => {
  it('stores a valid capture and reports what it dropped', async () => {
    const { route, db, changes } = service();
    const outcome = await route(capture('v1', [A, { id: 'bogus', title: 'x' }]), 'content-script');
    expect(outcome).toEqual({ ok: true, value: { accepted: 1, rejected: 1 } });
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
      [{ type: 'prepareLibrary', data: {} }, 'content-script'],
    ] as const;
    for (const [message, role] of forged)
      expect((await route(message, role)).ok, JSON.stringify(message).slice(0, 80)).toBe(false);
    expect(await getAllPapers(await db)).toEqual(before);
  });

  it('imports in chunks and commits them at once', async () => {
    const { route, db } = service();
    const begin = await route({ type: 'importBegin', data: {} }, 'extension-page');
    const importId = begin.ok ? (begin.value as { importId: string }).importId : '';
    await route({ type: 'importChunk', data: { importId, papers: [makePaper('2601.00001')] } }, 'extension-page');
    await route({ type: 'importChunk', data: { importId, papers: [makePaper('2601.00002')] } }, 'extension-page');
    expect(await getAllPapers(await db)).toEqual([]);
    expect(await route({ type: 'importCommit', data: { importId } }, 'extension-page')).toEqual({
      ok: true,
      value: { added: 2, updated: 0, skipped: [] },
    });
    expect((await getAllPapers(await db)).map((paper) => paper.id)).toEqual(['2601.00001', '2601.00002']);
  });

  it('rejects a chunk with an invalid record, leaving the staged import unchanged', async () => {
    const { route } = service();
    const begin = await route({ type: 'importBegin', data: {} }, 'extension-page');
    const importId = begin.ok ? (begin.value as { importId: string }).importId : '';
    const bad = await route(
      { type: 'importChunk', data: { importId, papers: [makePaper('2601.00001'), { id: 'x' }] } },
      'extension-page',
    );
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('record 1') });
  });
});
