import { openLibrary } from '@/lib/writes/db';
import { annotatePaper, markOpened, setReadingState, setStarred } from '@/lib/writes/edits';
import { ingestCapture } from '@/lib/writes/ingest';
import { A, at, B, batch, getAllPapers } from '../library/sample';

describe('stars, tags and notes', () => {
  it('stars and annotates a paper it holds, and says when it holds no such paper', async () => {
    const db = await openLibrary();
    await ingestCapture(db, batch('view-1', [A]), at(1));
    expect(await setStarred(db, A.id, true)).toBe(true);
    expect(await setStarred(db, '2501.00000', true)).toBe(false);
    await annotatePaper(db, A.id, [' llm ', 'llm', 'survey'], '  must   read ');
    expect((await getAllPapers(db)).find((paper) => paper.id === A.id)).toMatchObject({
      starred: true,
      tags: ['llm', 'survey'],
      note: 'must   read',
    });
    await expect(annotatePaper(db, A.id, 'not-a-list', null)).rejects.toThrow(/tags/);
  });
});

describe('reading states', () => {
  it('queues papers in the order they were queued, keeps a place when queued again, and takes read ones out', async () => {
    const db = await openLibrary();
    await ingestCapture(db, batch('view-1'), at(1));
    const queue = () => db.getAllKeysFromIndex('papers', 'queue');
    expect(await setReadingState(db, B.id, 'to-read')).toBe(true);
    expect(await setReadingState(db, A.id, 'to-read')).toBe(true);
    const placeOfB = (await db.get('papers', B.id))?.queuedAt;
    await setReadingState(db, B.id, 'to-read');
    expect((await db.get('papers', B.id))?.queuedAt).toBe(placeOfB);
    expect(await queue()).toEqual([B.id, A.id]);
    await setReadingState(db, B.id, 'read');
    expect(await queue()).toEqual([A.id]);
    expect((await getAllPapers(db)).find((paper) => paper.id === B.id)).toMatchObject({
      readingState: 'read',
      queuedAt: null,
      annotatedAt: expect.any(String),
    });
    await setReadingState(db, A.id, null);
    expect(await queue()).toEqual([]);
    expect(await setReadingState(db, '2501.00000', 'read')).toBe(false);
  });

  it('remembers when a paper was opened: from its own page, or from a link', async () => {
    const db = await openLibrary();
    await ingestCapture(db, batch('view-1'), at(1), B.id);
    const byId = new Map((await getAllPapers(db)).map((paper) => [paper.id, paper]));
    expect(byId.get(A.id)?.openedAt).toBe(null);
    expect(byId.get(B.id)?.openedAt).toBe(at(1));
    expect(await markOpened(db, A.id)).toBe(true);
    expect((await db.get('papers', A.id))?.openedAt).toEqual(expect.any(String));
  });
});
