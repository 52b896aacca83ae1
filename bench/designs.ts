// Two designs of the search index, measured side by side on the same storage (fake-indexeddb, a fresh factory
// each): (A) the previous design, a MiniSearch index kept in memory and saved as a JSON snapshot in IndexedDB;
// (B) the product's postings, stored per (field, term) in IndexedDB and read on demand.
import { IDBFactory } from 'fake-indexeddb';
import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import { type LibraryReader, openLibraryReader } from '@/lib/library/read';
import { WRITE_STORES } from '@/lib/library/schema';
import { toStored } from '@/lib/library/stored';
import type { PaperChange, WriteTx } from '@/lib/library/write-tx';
import type { Paper, StoredPaper } from '@/lib/paper';
import { mergeSegments, updatePostings } from '@/lib/search/postings';
import { queryArxivId } from '@/lib/search/query';
import { createSearcher } from '@/lib/search/store';
import { readTopics } from '@/lib/topics/read';
import { updateTopicTallies } from '@/lib/topics/tallies';
import { openLibrary } from '@/lib/writes/db';
import { applyImport, ingestCapture } from '@/lib/writes/ingest';
import { heapAfterGc, summarize, type Timing, timeOnce } from './measure';

// --- (A) the previous design, as lib/search/search-index.ts and lib/background/search-service.ts had it ----------

interface IndexedPaper {
  id: string;
  title: string;
  keywords: string;
  authors: string;
  abstract: string;
  annotations: string;
  lastSeenAt: string;
}

const MINISEARCH_OPTIONS = {
  fields: ['title', 'keywords', 'authors', 'abstract', 'annotations'],
  storeFields: ['lastSeenAt'],
  searchOptions: {
    boost: { title: 4, keywords: 2, authors: 2, annotations: 2, abstract: 1 },
    prefix: true,
    fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
  },
};

type Index = MiniSearch<IndexedPaper>;

const indexed = (paper: Paper): IndexedPaper => ({
  id: paper.id,
  title: paper.title,
  keywords: paper.keywords.join(' '),
  authors: paper.authors.join(' '),
  abstract: paper.abstract ?? '',
  annotations: [...paper.tags, paper.note ?? ''].join(' '),
  lastSeenAt: paper.lastSeenAt,
});

function addOrReplace(index: Index, papers: Paper[]) {
  for (const paper of papers) {
    if (index.has(paper.id)) index.discard(paper.id);
    index.add(indexed(paper));
  }
}

const byScoreThenRecency = (a: MiniResult, b: MiniResult) =>
  b.score - a.score || String(b.lastSeenAt).localeCompare(String(a.lastSeenAt));

/** All words (prefix, typo-tolerant), else any word; every match, best first. */
function searchMini(index: Index, query: string): string[] {
  const id = queryArxivId(query);
  if (id) return index.has(id) ? [id] : [];
  let results = index.search(query, { combineWith: 'AND' });
  if (results.length === 0) results = index.search(query, { combineWith: 'OR' });
  return results.sort(byScoreThenRecency).map((result) => String(result.id));
}

const SNAPSHOT_KEY = 'searchIndex';

// --- bare IndexedDB, for the previous design's library and for the baseline of a write ---------------------------

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openBare(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open('previous', 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('papers', { keyPath: 'id' });
    open.result.createObjectStore('meta');
  };
  return request(open);
}

function put(db: IDBDatabase, store: string, values: unknown[], key?: IDBValidKey): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    for (const value of values) tx.objectStore(store).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

const stored = (paper: Paper, now: string): StoredPaper => toStored({ ...paper, recentViewIds: [] }, now);

// --- the comparison ----------------------------------------------------------------------------------------------

export interface DesignResult {
  /** Opening the index and answering the first query, from nothing in memory. */
  cold: number;
  warm: Timing;
  /** Each query's time, in query order. */
  samples: number[];
  /** Bytes of the index on disk, in parts. */
  disk: { total: number; parts: string };
  /** Heap held by the loaded index (after GC), against the heap before it was opened. */
  heap: number;
  /** One 30-paper capture of new papers, median of the captures. */
  capture: number;
  captureParts: string;
  /** Work a capture leaves for later, if any. */
  later: string;
  /** Every query's results, in rank order. */
  results: string[][];
  /** Time to build the index for the whole library (A: in memory, B: the import that writes it). */
  build: number;
}

export interface DesignComparison {
  previous: DesignResult;
  postings: DesignResult;
  /** Bare IndexedDB puts of the same 30 records, median. */
  barePut: number;
  /** readTopics on the product's database: first call and a second one. */
  topics: { first: number; again: number };
}

const median = (values: number[]) => summarize(values).p50;

/**
 * Runs the queries twice: once timed, results dropped, then the heap is taken with the index warm; once more to
 * keep every result (for recall), which would otherwise weigh on the heap figure.
 */
async function runQueries(
  queries: string[],
  search: (query: string) => Promise<string[]> | string[],
  heapBefore: number,
) {
  const samples: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    await search(query);
    samples.push(performance.now() - start);
  }
  const heap = (await heapAfterGc()) - heapBefore;
  const results: string[][] = [];
  for (const query of queries) results.push(await search(query));
  return { warm: summarize(samples), samples, heap, results };
}

/** The snapshot saves of the old service came 20 s after the last write: one per capture while browsing. */
export const CAPTURES_PER_SAVE = Number(process.env.BENCH_CAPTURES_PER_SAVE ?? 1);

async function measurePrevious(papers: Paper[], queries: string[], captures: Paper[][], now: string) {
  const factory = new IDBFactory();
  let db = await openBare(factory);
  for (let start = 0; start < papers.length; start += 1000) {
    await put(
      db,
      'papers',
      papers.slice(start, start + 1000).map((paper) => stored(paper, now)),
    );
  }
  let index: Index | undefined = new MiniSearch<IndexedPaper>(MINISEARCH_OPTIONS);
  const build = await timeOnce(() => addOrReplace(index as Index, papers));
  const snapshot = JSON.stringify(index);
  await put(db, 'meta', [{ json: snapshot, asOf: now, count: papers.length }], SNAPSHOT_KEY);
  const diskBytes = Buffer.byteLength(snapshot);
  index = undefined;
  db.close();

  const before = await heapAfterGc();
  let loaded: Index | undefined;
  const cold = await timeOnce(async () => {
    db = await openBare(factory);
    const saved = await request(db.transaction('meta').objectStore('meta').get(SNAPSHOT_KEY));
    loaded = MiniSearch.loadJSON<IndexedPaper>((saved as { json: string }).json, MINISEARCH_OPTIONS);
    searchMini(loaded, queries[0]);
  });
  const live = loaded as Index;
  const { warm, samples, heap, results } = await runQueries(queries, (query) => searchMini(live, query), before);

  const puts: number[] = [];
  const adds: number[] = [];
  const saves: number[] = [];
  for (const batch of captures.slice(0, -2)) {
    puts.push(
      await timeOnce(() =>
        put(
          db,
          'papers',
          batch.map((paper) => stored(paper, now)),
        ),
      ),
    );
    adds.push(await timeOnce(() => addOrReplace(live, batch)));
    saves.push(
      await timeOnce(() =>
        put(db, 'meta', [{ json: JSON.stringify(live), asOf: now, count: live.documentCount }], SNAPSHOT_KEY),
      ),
    );
  }
  db.close();
  const [put30, add30, save] = [median(puts), median(adds), median(saves)];
  const result: DesignResult = {
    cold,
    warm,
    samples,
    disk: { total: diskBytes, parts: 'JSON snapshot' },
    heap,
    capture: put30 + add30 + save / CAPTURES_PER_SAVE,
    later: 'none',
    captureParts: `put ${put30.toFixed(1)} + index ${add30.toFixed(1)} + snapshot save ${save.toFixed(0)}${CAPTURES_PER_SAVE === 1 ? '' : ` ÷ ${CAPTURES_PER_SAVE}`} ms`,
    results,
    build,
  };
  return { result, barePut: put30 };
}

/**
 * Bytes of the postings on disk: the blocks, the terms as they are spelled in keys (postings and terms), and the
 * typo forms (form and term in each key).
 */
async function postingsBytes(reader: LibraryReader) {
  const encoder = new TextEncoder();
  let blocks = 0;
  let keys = 0;
  let cursor = await reader.transaction('postings').store.openCursor();
  while (cursor) {
    blocks += cursor.value.byteLength;
    keys += encoder.encode(cursor.key[1]).length;
    cursor = await cursor.continue();
  }
  let typos = 0;
  let terms = await reader.transaction('terms').store.openCursor();
  while (terms) {
    keys += encoder.encode(terms.key).length;
    for (const form of terms.value.forms) typos += encoder.encode(form).length + encoder.encode(terms.key).length;
    terms = await terms.continue();
  }
  // Postings of recent writes not merged yet (none right after an import).
  for (const segment of await reader.getAll('segments')) {
    blocks += segment.offsets.byteLength + segment.docs.byteLength;
    keys += encoder.encode(segment.keys).length;
  }
  return { blocks, keys, typos };
}

async function measurePostings(papers: Paper[], queries: string[], captures: Paper[][], now: string) {
  globalThis.indexedDB = new IDBFactory();
  const db = await openLibrary();
  const build = await timeOnce(() => applyImport(db, papers, now));

  const before = await heapAfterGc();
  let reader: LibraryReader | undefined;
  let searcher: ReturnType<typeof createSearcher> | undefined;
  const cold = await timeOnce(async () => {
    reader = await openLibraryReader();
    searcher = createSearcher(reader);
    await (await searcher.search(queries[0])).rest?.();
  });
  const live = searcher as ReturnType<typeof createSearcher>;
  const { warm, samples, heap, results } = await runQueries(
    queries,
    // The whole ranking, as (A) gives it: a long one comes as its top first, then the rest.
    async (query) => {
      const answer = await live.search(query);
      return answer.rest ? answer.rest() : answer.ids;
    },
    before,
  );
  const { blocks, keys, typos } = await postingsBytes(reader as LibraryReader);

  const topicOptions = { window: '7d', now, limit: 12 } as const;
  const topics = {
    first: await timeOnce(() => readTopics(reader as LibraryReader, topicOptions)),
    again: await timeOnce(() => readTopics(reader as LibraryReader, topicOptions)),
  };

  const ingests: number[] = [];
  for (const [index, batch] of captures.slice(0, -2).entries()) {
    const sightings = batch.map(
      ({ id, title, abstract, authors, upvotes, keywords, publishedAt, submittedOnDailyAt }) => ({
        id,
        title,
        abstract,
        authors,
        upvotes,
        keywords,
        publishedAt,
        submittedOnDailyAt,
      }),
    );
    ingests.push(
      await timeOnce(() =>
        ingestCapture(
          db,
          { viewId: `bench-${index}`, pageUrl: 'https://huggingface.co/papers', papers: sightings },
          now,
        ),
      ),
    );
  }
  // The captures' postings wait in segments; the background merges them into the blocks once writes pause, in short
  // transactions (as lib/background/segment-merger.ts does).
  const merges: number[] = [];
  for (let left = 1; left > 0; ) {
    merges.push(
      await timeOnce(async () => {
        const tx = db.transaction(['postings', 'segments', 'terms'], 'readwrite') as unknown as WriteTx;
        left = await mergeSegments(tx);
        await tx.done;
      }),
    );
  }
  const merged = merges.reduce((sum, time) => sum + time, 0);
  // Where a capture's time goes: the same kind of batch written with only the postings, then only the topic tallies
  // (each in a transaction of its own, with no paper written: the library is not read again after this).
  const derivedOnly = async (batch: Paper[], update: (tx: WriteTx, changes: PaperChange[]) => Promise<void>) => {
    const changes = batch.map((paper) => ({ before: undefined, after: paper }));
    return timeOnce(async () => {
      const tx = db.transaction(WRITE_STORES, 'readwrite');
      await update(tx, changes);
      await tx.done;
    });
  };
  const postingsOnly = await derivedOnly(captures[captures.length - 2], updatePostings);
  const talliesOnly = await derivedOnly(captures[captures.length - 1], updateTopicTallies);
  reader?.close();
  db.close();
  const result: DesignResult = {
    cold,
    warm,
    samples,
    disk: {
      total: blocks + keys + typos,
      parts: `blocks ${(blocks / 1e6).toFixed(1)} + terms ${(keys / 1e6).toFixed(1)} + typo forms ${(typos / 1e6).toFixed(1)} MB`,
    },
    heap,
    capture: median(ingests),
    captureParts: `postings alone ${postingsOnly.toFixed(0)} ms, topic tallies alone ${talliesOnly.toFixed(0)} ms`,
    later:
      `merge into the blocks: ${(merged / (captures.length - 2)).toFixed(0)} ms per capture ` +
      `(${captures.length - 2} captures: ${merges.length} transactions, longest ${Math.max(...merges).toFixed(0)} ms)`,
    results,
    build,
  };
  return { result, topics };
}

/**
 * Both designs over the same library and queries. `captures` are batches of 30 papers the library does not hold,
 * written one batch per capture after the queries: (A) writes them all; (B) captures all but the last two, which
 * time its postings and its topic tallies alone.
 */
export async function compareDesigns(
  papers: Paper[],
  queries: string[],
  captures: Paper[][],
  now: string,
): Promise<DesignComparison> {
  const previous = await measurePrevious(papers, queries, captures, now);
  await heapAfterGc();
  const postings = await measurePostings(papers, queries, captures, now);
  await heapAfterGc();
  return { previous: previous.result, postings: postings.result, barePut: previous.barePut, topics: postings.topics };
}
