// Every schema version that was ever written, opened by today's code: nothing lost, everything derived.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDB } from 'idb';
import { openLibraryReader } from '@/lib/library/read';
import { DB_NAME, DB_VERSION } from '@/lib/library/schema';
import { toPaper, toStored } from '@/lib/library/stored';
import { docNumber } from '@/lib/search/doc-ids';
import { createSearcher } from '@/lib/search/store';
import { fieldTerms } from '@/lib/search/tokens';
import { openLibrary } from '@/lib/writes/db';
import { makePaper } from '../helpers/papers';

interface StoreShape {
  keyPath: string | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; multiEntry: boolean }[];
}
interface VersionFixture {
  version: number;
  description: string;
  stores: Record<string, StoreShape>;
  records: Record<string, ({ id: string } | { key: IDBValidKey; value: unknown })[]>;
}

const DIR = path.resolve(import.meta.dirname, '../fixtures/library');
const fixtures: VersionFixture[] = readdirSync(DIR)
  .filter((name) => /^v\d+\.json$/.test(name))
  .map((name) => JSON.parse(readFileSync(path.join(DIR, name), 'utf8')))
  .sort((a, b) => a.version - b.version);

/** Writes a database exactly as `fixture`'s version of the extension left it. */
async function writeOldLibrary(fixture: VersionFixture) {
  const db = await openDB(DB_NAME, fixture.version, {
    upgrade(database) {
      for (const [name, shape] of Object.entries(fixture.stores)) {
        const store = database.createObjectStore(name, {
          keyPath: shape.keyPath ?? undefined,
          autoIncrement: shape.autoIncrement,
        });
        for (const index of shape.indexes)
          store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry });
      }
    },
  });
  for (const [store, records] of Object.entries(fixture.records)) {
    for (const record of records) {
      if ('key' in record) await db.put(store, record.value, record.key);
      else await db.put(store, record);
    }
  }
  db.close();
}

/** What a database holds: every store, its key options and its indexes. */
function shapeOf(db: IDBDatabase): Record<string, StoreShape> {
  const tx = db.transaction([...db.objectStoreNames]);
  return Object.fromEntries(
    [...db.objectStoreNames].map((name) => {
      const store = tx.objectStore(name);
      const indexes = [...store.indexNames].map((indexName) => {
        const index = store.index(indexName);
        return { name: indexName, keyPath: index.keyPath, multiEntry: index.multiEntry };
      });
      return [name, { keyPath: store.keyPath as string | null, autoIncrement: store.autoIncrement, indexes }];
    }),
  );
}

const sortShape = (shape: Record<string, StoreShape>) =>
  Object.fromEntries(
    Object.entries(shape).map(([name, store]) => [
      name,
      { ...store, indexes: [...store.indexes].sort((a, b) => a.name.localeCompare(b.name)) },
    ]),
  );

describe('schema versions', () => {
  it('has a fixture for every version up to the current one (bumping the version needs a new fixture)', () => {
    expect(fixtures.map((fixture) => fixture.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
    for (const fixture of fixtures) expect(fixture.description.length).toBeGreaterThan(10);
  });

  it('matches the current version’s fixture store for store, index for index', async () => {
    const db = await openLibrary();
    const current = fixtures[fixtures.length - 1];
    expect(sortShape(shapeOf(db as unknown as IDBDatabase))).toEqual(sortShape(current.stores));
  });

  for (const fixture of fixtures.slice(0, -1)) {
    it(`upgrades a version ${fixture.version} library without losing a record, and indexes it for search`, async () => {
      await writeOldLibrary(fixture);
      const db = await openLibrary();
      expect(db.version).toBe(DB_VERSION);
      const papers = (await db.getAll('papers')).map(toPaper);
      const old = (fixture.records.papers ?? []) as { id: string }[];
      expect(papers.map((paper) => paper.id).sort()).toEqual(old.map((paper) => paper.id).sort());
      for (const before of old) {
        const after = papers.find((paper) => paper.id === before.id);
        // Every field the old version knew survives as it was (bookkeeping aside).
        const { recentViewIds: _, changedAt: __, ...known } = before as Record<string, unknown>;
        expect(after).toMatchObject(known);
      }
      db.close();
      const searcher = createSearcher(await openLibraryReader());
      for (const paper of papers) {
        expect((await searcher.search(paper.title)).ids, paper.title).toContain(paper.id);
      }
    });
  }

  it('gives version 4 papers no reading state, an empty queue, and keeps every field', async () => {
    const v4 = fixtures.find((fixture) => fixture.version === 4) as VersionFixture;
    const {
      readingState: _,
      queuedAt: __,
      openedAt: ___,
      ...old
    } = {
      ...makePaper('2501.00007', { title: 'Quokka planning', starred: true, tags: ['rl'], note: 'read §3' }),
      recentViewIds: ['view-1'],
      changedAt: '2026-01-02T00:00:00.000Z',
      publishedOrder: '',
      upvoteOrder: -1,
      velocityOrder: -1,
      starredOrder: '2026-01-01T00:00:00.000Z',
    };
    await writeOldLibrary({ ...v4, records: { papers: [old] } });
    const db = await openLibrary();
    const [paper] = await db.getAll('papers');
    expect(paper).toEqual({ ...old, readingState: null, queuedAt: null, openedAt: null });
    expect(await db.getAllKeysFromIndex('papers', 'queue')).toEqual([]);
    db.close();
  });

  // Version 5 kept terms without forms; version 6 filed each under itself and itself with one letter left out.
  const oldTermEntry: Record<number, (term: string) => unknown> = {
    5: () => 1,
    6: (term) => ({ forms: [term, ...[...term].map((_, at) => term.slice(0, at) + term.slice(at + 1))] }),
  };
  for (const [version, entry] of Object.entries(oldTermEntry)) {
    it(`files every term of a version ${version} library under its halves, so a misspelled word finds its paper`, async () => {
      const fixture = fixtures.find((candidate) => candidate.version === Number(version)) as VersionFixture;
      const paper = makePaper('2501.00007', { title: 'Quokka trajectories', abstract: 'Marsupials hopping.' });
      const { doc } = docNumber(paper.id);
      // Its postings and term list as that version wrote them (merged into blocks, no segment left).
      const postings = fieldTerms(paper).flatMap((terms, field) =>
        [...terms].map((term) => ({ key: [field, term, 0], value: Uint32Array.of(doc) })),
      );
      const terms = [...new Set(fieldTerms(paper).flatMap((set) => [...set]))].map((term) => ({
        key: term,
        value: entry(term),
      }));
      await writeOldLibrary({
        ...fixture,
        records: { papers: [toStored({ ...paper, recentViewIds: [] }, paper.lastSeenAt)], postings, terms },
      });
      const db = await openLibrary();
      expect(await db.getAllKeysFromIndex('terms', 'typoForm', '12<trajec')).toEqual(['trajectories']);
      expect(await db.getAllKeysFromIndex('terms', 'typoForm', 'trajctories')).toEqual([]);
      expect(await db.count('terms', undefined)).toBe(terms.length);
      expect(await db.countFromIndex('terms', 'typoForm')).toBe(2 * terms.length);
      db.close();
      const searcher = createSearcher(await openLibraryReader());
      for (const typo of ['trajcetories', 'quokak', 'marsupails', 'hoping']) {
        expect((await searcher.search(typo)).ids, typo).toEqual([paper.id]);
      }
    });
  }

  it('refuses to open a library written by a newer version, and leaves it as it was', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade: (database) => void database.createObjectStore('papers', { keyPath: 'id' }),
    });
    await newer.put('papers', { id: '2601.00001', title: 'From the future' });
    newer.close();
    await expect(openLibrary()).rejects.toMatchObject({ name: 'VersionError' });
    const again = await openDB(DB_NAME, DB_VERSION + 1);
    expect(await again.getAll('papers')).toEqual([{ id: '2601.00001', title: 'From the future' }]);
    again.close();
  });
});
