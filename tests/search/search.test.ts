import { createSegmentMerger } from '@/lib/background/segment-merger';
import { openLibraryReader } from '@/lib/library/read';
import { WRITE_STORES } from '@/lib/library/schema';
import type { Paper } from '@/lib/paper';
import { docId, docNumber } from '@/lib/search/doc-ids';
import { BLOCK, mergeSegments } from '@/lib/search/postings';
import { queryArxivId, typoCandidates } from '@/lib/search/query';
import { createSearcher } from '@/lib/search/store';
import { openLibrary } from '@/lib/writes/db';
import { annotatePaper } from '@/lib/writes/edits';
import { applyImport, ingestCapture } from '@/lib/writes/ingest';
import { clearLibrary, deletePapers } from '@/lib/writes/removal';
import { allSeedPapers, makePaper } from '../helpers/papers';

/** A library holding `papers`, written through the background's own write path, and a searcher over it. */
async function libraryOf(papers: Paper[]) {
  const db = await openLibrary();
  await applyImport(db, papers);
  const reader = await openLibraryReader();
  const searcher = createSearcher(reader);
  // The whole ranking: a long one comes as its top, then the rest.
  const search = async (query: string) => {
    const answer = await searcher.search(query);
    return answer.rest ? answer.rest() : answer.ids;
  };
  return { db, reader, searcher, search };
}

const capture = (id: string, title: string) => ({
  viewId: `view-${id}`,
  pageUrl: 'https://huggingface.co/papers',
  papers: [{ id, title }],
});

describe('search over the on-disk index', () => {
  const library = allSeedPapers();
  const titleOf = (id: string) => library.find((paper) => paper.id === id)?.title ?? '';
  // The real-text library is written once and only read by the tests that use it.
  let seeded: Awaited<ReturnType<typeof libraryOf>>;
  beforeAll(async () => {
    seeded = await libraryOf(library);
  }, 30_000); // hundreds of real papers written through the import path, on a machine that may be busy

  it('forgives typos, completes the word being typed, and needs every word when some paper has them all', async () => {
    const { search, searcher } = seeded;
    const titles = async (query: string) => (await search(query)).slice(0, 5).map(titleOf);
    expect((await titles('difusion')).some((title) => /diffusion/i.test(title))).toBe(true);
    expect((await titles('reinforcment learning')).some((title) => /reinforcement learning/i.test(title))).toBe(true);
    expect((await titles('parameter-effic')).some((title) => /parameter-efficient/i.test(title))).toBe(true);
    expect((await titles('reinforcement lea')).some((title) => /reinforcement learning/i.test(title))).toBe(true);

    const merging = await searcher.search('model merging');
    expect(merging.allWords).toBe(true);
    expect(merging.ids.length).toBeGreaterThan(0);
    for (const id of merging.ids) {
      const paper = library.find((item) => item.id === id);
      const text = [paper?.title, paper?.abstract, ...(paper?.keywords ?? [])].join(' ').toLowerCase();
      expect(text).toMatch(/merg/);
      expect(text).toMatch(/model/);
    }
  });

  it('ranks a misspelled word’s own family (its plural too) above other words as near', async () => {
    const papers = [
      makePaper('2601.00009', { title: 'Transfer learning for tables', abstract: null }), // the newest: it would win a tie
      makePaper('2601.00002', { title: 'Transformers for tables', abstract: null }),
      makePaper('2601.00003', { title: 'A transformer for tables', abstract: null }),
    ];
    const { search } = await libraryOf(papers);
    const ranked = await search('transfomer');
    expect(ranked.slice(0, 2).sort()).toEqual(['2601.00002', '2601.00003']);
    expect(ranked.at(-1)).toBe('2601.00009');
    expect(
      typoCandidates([
        { term: 'transformer', distance: 1 },
        { term: 'transformers', distance: 2 },
        { term: 'transfer', distance: 2 },
      ]),
    ).toEqual([
      { term: 'transformer', quality: typoCandidates([{ term: 'x', distance: 1 }])[0].quality },
      { term: 'transformers', quality: typoCandidates([{ term: 'x', distance: 1 }])[0].quality },
      { term: 'transfer', quality: typoCandidates([{ term: 'x', distance: 2 }])[0].quality },
    ]);
  });

  it('returns every match, uncapped, in agreement with a plain scan of titles and abstracts', async () => {
    const { search } = seeded;
    const scan = library.filter((paper) => /\bagents?\b/i.test(`${paper.title} ${paper.abstract}`)).map((p) => p.id);
    const found = new Set(await search('agent'));
    expect(scan.length).toBeGreaterThan(10);
    for (const id of scan) expect(found.has(id), titleOf(id)).toBe(true);
  });

  it('gives a long ranking’s top first, then the rest, together the whole ranking', async () => {
    const whole = createSearcher(seeded.reader, Number.POSITIVE_INFINITY);
    const inSteps = createSearcher(seeded.reader, 5);
    for (const query of ['model', 'learning agent', 'reinforcment', 'diffusion mod']) {
      const all = await whole.search(query);
      expect(all.rest).toBeUndefined();
      expect(all.ids.length, query).toBeGreaterThan(5);
      const answer = await inSteps.search(query);
      expect(answer.ids).toEqual(all.ids.slice(0, 5));
      expect(answer.total).toBe(all.ids.length);
      expect(answer.firstPapers.map((paper) => paper.id)).toEqual(answer.ids);
      expect(await answer.rest?.()).toEqual(all.ids);
    }
  });

  it('ranks a title match above an abstract-only one, and ties to the newer arXiv id', async () => {
    const { search } = await libraryOf([
      makePaper('2601.00003', { title: 'A study of sparse networks', abstract: 'We revisit quokka pruning at scale.' }),
      makePaper('2601.00002', { title: 'Quokka: pruning for everyone', abstract: 'Sparse networks again.' }),
      makePaper('2601.00001', { title: 'Wombat', abstract: null }),
      makePaper('2601.00004', { title: 'Wombat', abstract: null }),
    ]);
    expect(await search('quokka')).toEqual(['2601.00002', '2601.00003']);
    expect(await search('wombat')).toEqual(['2601.00004', '2601.00001']);
  });

  it('says when no paper has every word and shows papers with some of them', async () => {
    const { searcher } = await libraryOf([makePaper('2601.00001', { title: 'Quantum annealing', abstract: null })]);
    expect(await searcher.search('quantum chromodynamics lattice')).toMatchObject({
      ids: ['2601.00001'],
      allWords: false,
    });
  });

  it('finds a paper by its arXiv id or link, and only a paper the library holds', async () => {
    const { search } = seeded;
    const { id } = library[7];
    for (const query of [id, `${id}v2`, `https://arxiv.org/abs/${id}`, `https://huggingface.co/papers/${id}`]) {
      expect(await search(query)).toEqual([id]);
    }
    expect(await search('2609.99999')).toEqual([]);
    expect(queryArxivId('diffusion')).toBeNull();
  });

  it('searches authors, tags and notes, accents folded', async () => {
    const { search } = await libraryOf([
      makePaper('2601.00001', { authors: ['Łukasz Kaiser', 'José Müller'], tags: ['to-read'], note: 'ask Wojtek' }),
    ]);
    for (const query of ['kaiser', 'to-read', 'wojtek', 'muller', 'Müller', 'jose']) {
      expect(await search(query), query).toEqual(['2601.00001']);
    }
  });

  it('stays in step with every write: new words found, old ones gone, deleted papers vanish', async () => {
    const { db, search } = await libraryOf([makePaper('2601.00001', { title: 'Kangaroo decoding' })]);
    await annotatePaper(db, '2601.00001', ['marsupial'], 'line one\nline two');
    expect(await search('marsupial')).toEqual(['2601.00001']);
    await ingestCapture(db, capture('2601.00002', 'Platypus tricks'), new Date().toISOString());
    expect(await search('platypus')).toEqual(['2601.00002']);
    await annotatePaper(db, '2601.00001', [], null);
    expect(await search('marsupial')).toEqual([]);
    expect(await search('kangaroo')).toEqual(['2601.00001']);
    await deletePapers(db, ['2601.00001']);
    expect(await search('kangaroo')).toEqual([]);
    await clearLibrary(db);
    expect(await search('platypus')).toEqual([]);
    expect(await search('platypsu')).toEqual([]);
  });

  it('keeps every posting of a term that spans several blocks, and old-style ids', async () => {
    const many = Array.from({ length: BLOCK + 50 }, (_, index) =>
      makePaper(`2602.${String(index + 1).padStart(5, '0')}`, { title: `Echidna ${index}`, abstract: null }),
    );
    const { db, search } = await libraryOf([...many, makePaper('hep-th/9901001', { title: 'Echidna strings' })]);
    expect(await search('echidna')).toHaveLength(BLOCK + 51);
    expect(await search('strings')).toEqual(['hep-th/9901001']);
    await deletePapers(db, ['2602.00001', 'hep-th/9901001']);
    const left = await search('echidna');
    expect(left).toHaveLength(BLOCK + 49);
    expect(left).not.toContain('2602.00001');
    // A capture after a bulk write appends to the last block rather than losing it.
    await ingestCapture(db, capture('2603.00001', 'Echidna again'), new Date().toISOString());
    expect(await search('echidna')).toHaveLength(BLOCK + 50);
  });
});

describe('segments of recent writes', () => {
  it('are searched like the blocks, take removals, and merge into the blocks with every answer unchanged', async () => {
    const { db, search } = await libraryOf([makePaper('2601.00001', { title: 'Kangaroo decoding' })]);
    const merger = createSegmentMerger(async () => db);
    const titles = ['Kangaroo steps', 'Kangaroo jumps', 'Wallaby decoding', 'Quokka decoding'];
    for (const [index, title] of titles.entries()) {
      await ingestCapture(db, capture(`2601.0001${index}`, title), new Date().toISOString());
    }
    // One segment per write: the first paper's, then one per capture.
    expect(await db.count('segments')).toBe(titles.length + 1);
    const queries = ['kangaroo', 'decoding', 'kang', 'wallabi', 'quokka'];
    const before = await Promise.all(queries.map(search));
    expect(before[0]).toHaveLength(3);
    expect(before[1]).toHaveLength(3);

    // A paper whose words sit in a segment loses them from there too.
    await deletePapers(db, ['2601.00013']);
    expect(await search('quokka')).toEqual([]);
    before[1] = before[1].filter((id) => id !== '2601.00013');
    before[4] = [];

    await merger.run();
    expect(await db.count('segments')).toBe(0);
    expect(await Promise.all(queries.map(search))).toEqual(before);
  });

  it('merge a little at a time, each posting always in exactly one place', async () => {
    const { db, search } = await libraryOf([]);
    for (let index = 0; index < 5; index++) {
      await ingestCapture(
        db,
        capture(`2601.0002${index}`, `Numbat study ${index} of marsupial ecology`),
        new Date().toISOString(),
      );
    }
    const everything = await search('numbat');
    expect(everything).toHaveLength(5);
    for (let left = await db.count('segments'); left > 0; ) {
      const tx = db.transaction(WRITE_STORES, 'readwrite');
      left = await mergeSegments(tx, 2);
      await tx.done;
      expect(await search('numbat')).toEqual(everything);
      expect(await search('marsupial ecology')).toEqual(everything);
    }
  });
});

describe('misspelled words, found through the typo forms on disk', () => {
  const filedUnder = async (db: Awaited<ReturnType<typeof openLibrary>>, form: string) =>
    db.getAllKeysFromIndex('terms', 'typoForm', form);

  it('are found from a capture’s segment, then from the forms its merge files, until the paper is deleted', async () => {
    const { db, search } = await libraryOf([]);
    await ingestCapture(db, capture('2601.00001', 'Kangaroo decoding'), new Date().toISOString());
    expect(await filedUnder(db, '8<kang')).toEqual([]); // still in its segment
    for (const typo of ['kanagroo', 'kangroo', 'kangarooo', 'kungaroo', 'decodign']) {
      expect(await search(typo), typo).toEqual(['2601.00001']);
    }
    await createSegmentMerger(async () => db).run();
    expect(await db.count('segments')).toBe(0);
    // Filed under its halves, each with its length.
    expect(await filedUnder(db, '8<kang')).toEqual(['kangaroo']);
    expect(await filedUnder(db, '8>aroo')).toEqual(['kangaroo']);
    for (const typo of ['kanagroo', 'kangroo', 'kangarooo', 'kungaroo', 'decodign']) {
      expect(await search(typo), typo).toEqual(['2601.00001']);
    }
    await deletePapers(db, ['2601.00001']);
    expect(await search('kanagroo')).toEqual([]);
    await ingestCapture(db, capture('2601.00002', 'Kangaroo again'), new Date().toISOString());
    expect(await search('kanagroo')).toEqual(['2601.00002']);
    await clearLibrary(db);
    expect(await db.count('terms')).toBe(0);
  });

  it('are found right after an import, every term filed in its transaction', async () => {
    const papers = Array.from({ length: 201 }, (_, index) =>
      makePaper(`2602.${String(index + 1).padStart(5, '0')}`, {
        title: `Wombat ${index} burrowing${index}`,
        abstract: null,
      }),
    );
    const { db, search } = await libraryOf(papers);
    expect(await db.count('segments')).toBe(0); // a bulk write goes straight into the blocks
    expect(await filedUnder(db, '11>wing17')).toEqual(['burrowing17']);
    // Its own word first; in a long word, words two typos away (burrowing117, …) come after.
    expect((await search('burrowign17'))[0]).toBe('2602.00018');
    expect(await search('wmobat')).toHaveLength(201);
  }, 20_000); // a bulk write of a few hundred papers, on a machine that may be busy

  it('read only the forms of the word typed, not the term list', async () => {
    const { reader, search } = await libraryOf([
      makePaper('2601.00001', { title: 'Diffusion models', abstract: 'Denoising diffusion, explained.' }),
    ]);
    const read: string[] = [];
    const transaction = reader.transaction.bind(reader);
    // Every store a search opens is watched for reads of the whole term list.
    reader.transaction = ((...args: Parameters<typeof transaction>) => {
      const tx = transaction(...args);
      const objectStore = tx.objectStore.bind(tx);
      tx.objectStore = ((name: Parameters<typeof objectStore>[0]) => {
        const store = objectStore(name);
        const getAllKeys = store.getAllKeys.bind(store);
        store.getAllKeys = ((query?: IDBKeyRange | null, count?: number) => {
          read.push(`${String(name)}${query ? ' range' : ' all'}`);
          return getAllKeys(query, count);
        }) as typeof store.getAllKeys;
        const index = store.index.bind(store);
        store.index = ((indexName: Parameters<typeof index>[0]) => {
          const found = index(indexName);
          const getKeys = found.getAllKeys.bind(found);
          found.getAllKeys = ((query?: IDBValidKey | IDBKeyRange | null, count?: number) => {
            read.push(`${String(name)}.${String(indexName)}${query == null ? ' all' : ' lookup'}`);
            return getKeys(query as never, count);
          }) as typeof found.getAllKeys;
          return found;
        }) as typeof store.index;
        return store;
      }) as typeof tx.objectStore;
      return tx;
    }) as typeof reader.transaction;
    expect(await search('difusion')).toEqual(['2601.00001']);
    expect(read).toContain('terms.typoForm lookup');
    expect(read).not.toContain('terms all');
  });
});

describe('doc numbers', () => {
  it('round-trip every id shape, and give irregular ones a number they are remembered by', () => {
    for (const id of ['2509.24002', '0704.0001', '1412.9999', '1501.00001']) {
      const { doc, irregular } = docNumber(id);
      expect(irregular).toBe(false);
      expect(docId(doc, {})).toBe(id);
    }
    for (const id of ['hep-th/9901001', '2401.0001']) {
      const { doc, irregular } = docNumber(id);
      expect(irregular).toBe(true);
      expect(docId(doc, { [doc]: id })).toBe(id);
    }
  });
});
