import { IDBFactory } from 'fake-indexeddb';
import { WRITE_STORES } from '@/lib/library/schema';
import type { Paper } from '@/lib/paper';
import { mergeSegments } from '@/lib/search/postings';
import { decodeDay, type TopicDayRecord } from '@/lib/topics/day-record';
import { type LibraryDB, openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { allSeedPapers, makePaper } from '../helpers/papers';

const NOW = '2026-11-20T00:00:00.000Z';
const day = (index: number) => new Date(Date.UTC(2026, 10, 1 + (index % 9))).toISOString();

/** Real texts spread over a few days, some with keywords and an old-style id, so every derived store has work. */
function library(): Paper[] {
  return allSeedPapers().map((paper, index) => ({
    ...paper,
    ...(index === 7 ? { id: 'hep-th/9901001' } : {}),
    submittedOnDailyAt: day(index),
    keywords: index % 3 === 0 ? ['reinforcement learning', 'diffusion models'] : [],
    authors: index % 4 === 0 ? ['Zoë García'] : [],
  }));
}

/** Every record of every store a write keeps in step, keyed as stored (typed arrays as plain arrays). */
async function contents(db: LibraryDB) {
  const plain = (value: unknown) =>
    JSON.parse(JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? [...(v as Uint32Array)] : v)));
  const stores: Record<string, unknown[]> = {};
  for (const name of WRITE_STORES) {
    const [keys, values] = await Promise.all([db.getAllKeys(name), db.getAll(name)]);
    stores[name] = keys.map((key, index) => [plain(key), plain(values[index])]);
  }
  // A term's papers, whatever blocks and order the write history left them in.
  const postings = new Map<string, number[]>();
  for (const [[field, term], docs] of stores.postings as [[number, string], number[]][]) {
    postings.set(`${field} ${term}`, [...(postings.get(`${field} ${term}`) ?? []), ...docs].sort());
  }
  stores.postings = [...postings];
  // A day's terms with the ids of their papers, whatever slots and order its write history left.
  stores.topicDays = (stores.topicDays as [string, TopicDayRecord][]).map(([key, record]) => {
    const { count, papers, terms } = decodeDay({ ...record, postings: Uint32Array.from(record.postings) });
    const ids = [...terms].map(([term, { label, papers: slots }]) => [
      term,
      label,
      slots.map((slot) => papers[slot]).sort(),
    ]);
    return [key, count, ids.sort()];
  });
  return stores;
}

async function mergeAll(db: LibraryDB) {
  for (let left = 1; left > 0; ) {
    const tx = db.transaction(WRITE_STORES, 'readwrite');
    left = await mergeSegments(tx);
    await tx.done;
  }
}

/** What the library holds after `writes` (each one import), in a fresh database, once every segment is merged. */
async function storedAfter(writes: Paper[][]) {
  globalThis.indexedDB = new IDBFactory();
  const db = await openLibrary();
  for (const papers of writes) await applyImport(db, papers, NOW);
  await mergeAll(db);
  const stored = await contents(db);
  db.close();
  return stored;
}

const inBatches = (papers: Paper[], size: number) =>
  Array.from({ length: Math.ceil(papers.length / size) }, (_, index) => papers.slice(index * size, (index + 1) * size));

describe('what an import derives', () => {
  const papers = library();

  it('is what the same papers derive written a few at a time', async () => {
    expect(papers.length).toBeGreaterThan(250); // past the bulk threshold (200), so the two take different paths
    const whole = await storedAfter([papers]);
    expect(whole.postings.length).toBeGreaterThan(1000);
    expect(whole.terms.length).toBeGreaterThan(500);
    expect(whole.topicDays.length).toBe(9);
    expect(await storedAfter(inBatches(papers, 40))).toEqual(whole);
  }, 60_000);

  it('is the same when the import rewrites papers the library holds, their old words taken out', async () => {
    const held = papers
      .slice(0, 150)
      .map((paper, index) => makePaper(paper.id, { ...paper, title: `Marsupial study ${index}`, abstract: null }));
    const whole = await storedAfter([held, papers]);
    expect(await storedAfter([held, ...inBatches(papers, 40)])).toEqual(whole);
  }, 60_000);
});
