import { countPapers } from '@/lib/library/read';
import { openLibrary } from '@/lib/writes/db';
import { ingestCapture } from '@/lib/writes/ingest';
import { clearLibrary, deletePapers, purgeSeenBefore } from '@/lib/writes/removal';
import { A, at, B, batch, getAllPapers } from '../library/sample';

describe('removing papers', () => {
  it('purges the papers last seen before a day, deletes chosen ones, and clears the rest, counting each', async () => {
    const db = await openLibrary();
    await ingestCapture(db, batch('view-1', [A]), at(1));
    await ingestCapture(db, batch('view-2', [B]), at(5));
    expect(await purgeSeenBefore(db, at(3))).toBe(1);
    expect((await getAllPapers(db)).map((paper) => paper.id)).toEqual([B.id]);
    expect(await deletePapers(db, [B.id, '2501.00000'])).toBe(1);
    await ingestCapture(db, batch('view-3'), at(6));
    expect(await clearLibrary(db)).toBe(2);
    expect(await countPapers(db)).toBe(0);
  });
});
