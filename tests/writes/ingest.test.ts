import { openDB } from 'idb';
import { openLibraryReader, papersInOrder } from '@/lib/library/read';
import { DB_NAME } from '@/lib/library/schema';
import type { Paper } from '@/lib/paper';
import { createSearcher } from '@/lib/search/store';
import { openLibrary } from '@/lib/writes/db';
import { applyImport, ingestCapture } from '@/lib/writes/ingest';
import { makePaper } from '../helpers/papers';
import { A, at, B, batch, getAllPapers } from '../library/sample';

async function dump() {
  const db = await openLibrary();
  const papers = await db.getAll('papers');
  db.close();
  return papers;
}

describe('capture ingest', () => {
  it('stores a batch once, counts a re-read of the same view once, and a new view again', async () => {
    const db = await openLibrary();
    await ingestCapture(db, batch('view-1'), at(1));
    await ingestCapture(db, batch('view-1'), at(2));
    expect((await getAllPapers(db)).map((paper) => paper.seenCount)).toEqual([1, 1]);
    await ingestCapture(db, batch('view-2', [A]), at(3));
    const byId = new Map((await getAllPapers(db)).map((paper) => [paper.id, paper]));
    expect(byId.get(A.id)).toMatchObject({ seenCount: 2, firstSeenAt: at(1), lastSeenAt: at(3) });
    expect(byId.get(B.id)).toMatchObject({ seenCount: 1, lastSeenAt: at(2) });
  });

  it('counts a paper listed twice in one batch once', async () => {
    const db = await openLibrary();
    expect(await ingestCapture(db, batch('view-1', [A, A, B]), at(1))).toEqual({ stored: 2, ids: [A.id, B.id] });
    expect((await getAllPapers(db)).map((paper) => paper.seenCount)).toEqual([1, 1]);
  });

  it('lists the most recently seen first without reading the whole library', async () => {
    const db = await openLibrary();
    await ingestCapture(db, batch('view-1', [A]), at(1));
    await ingestCapture(db, batch('view-2', [B]), at(2));
    expect((await papersInOrder(db, 'lastSeen', 1)).papers.map((paper) => paper.id)).toEqual([B.id]);
    expect((await papersInOrder(db, 'lastSeen', 5)).papers).not.toHaveProperty('0.recentViewIds');
  });
});

describe('applyImport', () => {
  const imported: Paper = makePaper('2509.24002', {
    title: 'MCPMark',
    upvotes: 3,
    firstSeenAt: at(1),
    lastSeenAt: at(2),
    seenCount: 4,
    starred: true,
    tags: ['t'],
    upvoteHistory: [{ at: at(1), upvotes: 3 }],
  });

  it('merges a repeated id onto its own earlier record, in one slice or across slices', async () => {
    const db = await openLibrary();
    const filler = Array.from({ length: 600 }, (_, index) => makePaper(`2502.${String(10000 + index)}`));
    const first = makePaper('2509.00001', { tags: ['a'] });
    const again = makePaper('2509.00001', { tags: ['b'] });
    expect(await applyImport(db, [first, again, ...filler, { ...first, tags: ['c'] }])).toMatchObject({
      added: 601,
      updated: 2,
    });
    // Undated edits: the record already written (here, the file's first one) keeps its tags.
    expect((await getAllPapers(db)).find((paper) => paper.id === first.id)?.tags).toEqual(['a']);
  });

  it('adds new papers and merges known ones', async () => {
    const db = await openLibrary();
    await ingestCapture(db, batch('view-1', [A]), at(1));
    expect(
      await applyImport(db, [
        imported,
        { ...imported, id: A.id, url: 'https://huggingface.co/papers/2407.21783', title: 'Llama' },
      ]),
    ).toMatchObject({ added: 1, updated: 1 });
    const [paper] = await getAllPapers(db).then((papers) => papers.filter((item) => item.id === imported.id));
    expect(paper).toEqual(imported);
  });

  it('writes nothing when any record fails', async () => {
    const db = await openLibrary();
    await ingestCapture(db, batch('view-1'), at(1));
    const before = await dump();
    // A record without its key path makes the store's put throw half-way through the import.
    const broken = { ...imported, id: undefined } as unknown as Paper;
    await expect(applyImport(db, [imported, broken])).rejects.toThrow();
    expect(await dump()).toEqual(before);
  });
});

describe('schema migrations', () => {
  it('gives version 3 libraries their sort indexes and an on-disk search index, and drops the old snapshot', async () => {
    const v3 = await openDB(DB_NAME, 3, {
      upgrade(db) {
        const papers = db.createObjectStore('papers', { keyPath: 'id' });
        for (const name of ['lastSeenAt', 'publishedAt', 'firstSeenAt', 'changedAt']) papers.createIndex(name, name);
        db.createObjectStore('meta');
      },
    });
    const popular = { ...makePaper('2501.00001', { title: 'Quokka scaling', upvotes: 40, starred: true }) };
    const unknown = { ...makePaper('2501.00002', { title: 'Wombat tricks', upvotes: null, publishedAt: null }) };
    for (const paper of [popular, unknown]) await v3.put('papers', { ...paper, recentViewIds: [], changedAt: at(1) });
    await v3.put('meta', { json: '{}', asOf: at(0), count: 2 }, 'searchIndex');
    v3.close();

    const db = await openLibrary();
    expect(await db.get('meta', 'searchIndex')).toBeUndefined();
    expect(await getAllPapers(db)).toEqual([popular, unknown]);
    expect((await papersInOrder(db, 'upvotes', 2)).papers.map((paper) => paper.id)).toEqual([popular.id, unknown.id]);
    expect(await db.getAllKeysFromIndex('papers', 'starred')).toEqual([popular.id]);
    db.close();
    const searcher = createSearcher(await openLibraryReader());
    expect((await searcher.search('wombat')).ids).toEqual([unknown.id]);
  });
});
