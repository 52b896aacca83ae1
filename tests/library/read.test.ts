import {
  allPapers,
  allTags,
  countPapers,
  countSeenBefore,
  filteredIds,
  getPapers,
  LibraryNotReady,
  openLibraryReader,
  orderedIds,
  papersInOrder,
  starredPapers,
} from '@/lib/library/read';
import { sortPapers } from '@/lib/view/select-papers';
import { openLibrary } from '@/lib/writes/db';
import { setStarred } from '@/lib/writes/edits';
import { applyImport } from '@/lib/writes/ingest';
import { clearLibrary, deletePapers, purgeSeenBefore } from '@/lib/writes/removal';
import { makePaper } from '../helpers/papers';

const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();
const papers = [
  makePaper('2601.00001', { lastSeenAt: at(3), publishedAt: at(1), upvotes: 5, tags: ['rl', 'to-read'] }),
  makePaper('2601.00002', { lastSeenAt: at(1), publishedAt: null, upvotes: 50, githubRepo: 'https://github.com/a/b' }),
  makePaper('2601.00003', { lastSeenAt: at(2), publishedAt: at(2), upvotes: null }),
  makePaper('2601.00004', { lastSeenAt: at(2), publishedAt: at(2), upvotes: 5 }),
];

async function reader() {
  const db = await openLibrary();
  await applyImport(db, papers);
  return { db, reader: await openLibraryReader() };
}

describe('the read API', () => {
  it('refuses to create or migrate the database, leaving that to the background', async () => {
    await expect(openLibraryReader()).rejects.toBeInstanceOf(LibraryNotReady);
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain('papershelf');
    (await openLibrary()).close();
    await expect(openLibraryReader()).resolves.toBeTruthy();
  });

  it('orders every sort from its index, unknown values last, ties to the higher id, like the first screen', async () => {
    const { reader: db } = await reader();
    expect(await orderedIds(db, 'lastSeen')).toEqual(['2601.00001', '2601.00004', '2601.00003', '2601.00002']);
    expect(await orderedIds(db, 'published')).toEqual(['2601.00004', '2601.00003', '2601.00001', '2601.00002']);
    expect(await orderedIds(db, 'upvotes')).toEqual(['2601.00002', '2601.00001', '2601.00004', '2601.00003']);
    for (const sort of ['lastSeen', 'firstSeen', 'published', 'upvotes'] as const) {
      const first = (await papersInOrder(db, sort, 2)).papers.map((paper) => paper.id);
      expect(first).toEqual((await orderedIds(db, sort)).slice(0, 2));
    }
  });

  it('orders "First seen" by the day a paper was first seen, not the last: an old paper seen again stays down', async () => {
    const db = await openLibrary();
    await applyImport(db, [
      makePaper('2601.00011', { firstSeenAt: at(1), lastSeenAt: at(9) }),
      makePaper('2601.00012', { firstSeenAt: at(5), lastSeenAt: at(5) }),
      makePaper('2601.00013', { firstSeenAt: at(3), lastSeenAt: at(3) }),
    ]);
    expect(await orderedIds(db, 'firstSeen')).toEqual(['2601.00012', '2601.00013', '2601.00011']);
    expect(await orderedIds(db, 'lastSeen')).toEqual(['2601.00011', '2601.00012', '2601.00013']);
  });

  it('pages through every sort from its index, past runs of rows that share a key, to the same order', async () => {
    // Captures stamp their papers with one time, so whole runs of rows tie on the sort's key.
    const many = Array.from({ length: 23 }, (_, index) =>
      makePaper(`2602.${String(index).padStart(5, '0')}`, {
        lastSeenAt: at(4 + (index % 3)),
        firstSeenAt: at(1 + (index % 2)),
        publishedAt: index % 4 ? at(index % 2) : null,
        upvotes: index % 5 ? index % 3 : null,
      }),
    );
    const db = await openLibrary();
    await applyImport(db, many);
    for (const sort of ['lastSeen', 'firstSeen', 'published', 'upvotes', 'velocity'] as const) {
      for (const size of [1, 4, 7, 23, 40]) {
        const pages: string[][] = [];
        let page = await papersInOrder(db, sort, size);
        pages.push(page.papers.map((paper) => paper.id));
        while (page.next) {
          page = await papersInOrder(db, sort, size, page.next);
          pages.push(page.papers.map((paper) => paper.id));
        }
        expect(pages.flat()).toEqual(await orderedIds(db, sort));
        expect(pages.slice(0, -1).every((ids) => ids.length === size)).toBe(true);
      }
    }
  });

  it('orders "Rising fastest" from its index: upvotes gained per day, papers with no rate last', async () => {
    const hour = (day: number, hours: number, upvotes: number) => ({
      at: new Date(Date.UTC(2026, 0, day, hours)).toISOString(),
      upvotes,
    });
    const histories = [
      makePaper('2601.00011', { upvoteHistory: [hour(1, 0, 10), hour(2, 0, 50)] }), // +40/day
      makePaper('2601.00012', { upvoteHistory: [hour(1, 0, 900)], lastSeenAt: at(1) }), // 1 observation
      makePaper('2601.00013', { upvoteHistory: [hour(1, 0, 50), hour(2, 0, 47)] }), // −3/day
      makePaper('2601.00014', { upvoteHistory: [hour(1, 0, 0), hour(1, 12, 50)] }), // +100/day
      makePaper('2601.00015', { upvoteHistory: [hour(1, 0, 5), hour(1, 2, 500)], lastSeenAt: at(2) }), // too close
    ];
    const db = await openLibrary();
    await applyImport(db, histories);
    const rising = ['2601.00014', '2601.00011', '2601.00013', '2601.00015', '2601.00012'];
    expect(await orderedIds(db, 'velocity')).toEqual(rising);
    expect((await papersInOrder(db, 'velocity', 3)).papers.map((paper) => paper.id)).toEqual(rising.slice(0, 3));
    // The in-memory sort (starred papers) agrees with the index.
    expect(sortPapers(histories, 'velocity').map((paper) => paper.id)).toEqual(rising);
  });

  it('reads starred papers, lookups, counts and the whole library a slice at a time', async () => {
    const { db: writer, reader: db } = await reader();
    await setStarred(writer, '2601.00003', true);
    expect((await starredPapers(db)).map((paper) => paper.id)).toEqual(['2601.00003']);
    await setStarred(writer, '2601.00003', false);
    expect(await starredPapers(db)).toEqual([]);
    expect((await getPapers(db, ['2601.00002', '2609.99999'])).map((paper) => paper?.id)).toEqual([
      '2601.00002',
      undefined,
    ]);
    expect(await countSeenBefore(db, at(2))).toBe(1);
    const slices: string[][] = [];
    for await (const slice of allPapers(db, 3)) slices.push(slice.map((paper) => paper.id));
    expect(slices).toEqual([['2601.00001', '2601.00002', '2601.00003'], ['2601.00004']]);
    expect(slices.flat().length).toBe(papers.length);
  });

  it('filters by tag, seen and published ranges, and code, each from its index', async () => {
    const { reader: db } = await reader();
    expect(await filteredIds(db, {})).toBeUndefined();
    expect(await allTags(db)).toEqual(['rl', 'to-read']);
    expect([...((await filteredIds(db, { tag: 'rl' })) ?? [])]).toEqual(['2601.00001']);
    expect([...((await filteredIds(db, { hasCode: true })) ?? [])]).toEqual(['2601.00002']);
    const seenEarly = await filteredIds(db, { seenFrom: at(1), seenTo: at(2) });
    expect([...(seenEarly ?? [])].sort()).toEqual(['2601.00002', '2601.00003', '2601.00004']);
    const both = await filteredIds(db, { seenFrom: at(1), seenTo: at(2), publishedFrom: at(2) });
    expect([...(both ?? [])].sort()).toEqual(['2601.00003', '2601.00004']);
  });

  it('keeps the paper count in step with every write, without counting the store', async () => {
    const { db: writer, reader: db } = await reader();
    const counted = async () => [await countPapers(db), await db.count('papers')];
    expect(await counted()).toEqual([4, 4]);
    await applyImport(writer, [makePaper('2601.00001'), makePaper('2601.00009')]);
    expect(await counted()).toEqual([5, 5]);
    await deletePapers(writer, ['2601.00009', '2609.99999']);
    expect(await counted()).toEqual([4, 4]);
    await purgeSeenBefore(writer, at(2));
    expect(await counted()).toEqual([3, 3]);
    await clearLibrary(writer);
    expect(await counted()).toEqual([0, 0]);
    await applyImport(writer, [makePaper('2601.00001')]);
    expect(await counted()).toEqual([1, 1]);
  });
});
