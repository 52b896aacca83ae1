import { countPapers } from '@/lib/library/read';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { applySyncPass } from '@/lib/writes/synced';
import { makePaper } from '../helpers/papers';

const NOW = '2026-11-20T12:00:00.000Z';
const nothingWanted = { writtenSince: null, everything: false, wanted: () => false };

describe('a pass of sync in the library', () => {
  it('reads what it names, and writes and removes in one transaction, keeping the count', async () => {
    const db = await openLibrary();
    await applyImport(db, [makePaper('2401.00001'), makePaper('2401.00002', { starred: true })]);
    const seen: string[] = [];
    await applySyncPass(
      db,
      { ids: ['2401.00001', '2401.00009'], writtenSince: null, everything: true, wanted: (paper) => paper.starred },
      (papers) => {
        seen.push(...[...papers.entries()].map(([id, paper]) => `${id}:${paper ? 'here' : 'absent'}`));
        return { put: [{ ...makePaper('2401.00003'), recentViewIds: [] }], remove: ['2401.00001'] };
      },
      NOW,
    );
    expect(seen.sort()).toEqual(['2401.00001:here', '2401.00002:here', '2401.00009:absent']);
    expect((await db.getAllKeys('papers')).sort()).toEqual(['2401.00002', '2401.00003']);
    expect(await countPapers(db)).toBe(2);
  });

  it('writes nothing when deciding fails', async () => {
    const db = await openLibrary();
    await applyImport(db, [makePaper('2401.00001')]);
    const failing = applySyncPass(
      db,
      { ids: ['2401.00001'], ...nothingWanted },
      () => {
        throw new Error('bad decision');
      },
      NOW,
    );
    await expect(failing).rejects.toThrow('bad decision');
    expect(await db.getAllKeys('papers')).toEqual(['2401.00001']);
  });
});
