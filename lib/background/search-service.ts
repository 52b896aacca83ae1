import { countPapers, getAllPapers, getPaper, getPapersChangedSince, type LibraryDB } from '@/lib/library/db';
import { getMeta, setMeta } from '@/lib/library/ingest';
import type { SearchHit } from '@/lib/messages';
import type { Paper } from '@/lib/paper';
import {
  addOrReplace,
  createSearchIndex,
  loadIndex,
  removeFromIndex,
  type SearchIndex,
  searchPapers,
  serializeIndex,
} from '@/lib/search/search-index';

const SNAPSHOT_KEY = 'searchIndex';
// Captures are caught up from the lastSeenAt index when a snapshot loads, so saving them can wait:
// a 50,000-paper snapshot is ~85 MB of JSON. Other writes are saved at once.
const CAPTURE_PERSIST_DELAY_MS = 20_000;

interface Snapshot {
  json: string;
  /** Every paper last seen up to this time is in the snapshot; later ones are caught up on load. */
  asOf: string;
  count: number;
}

/** The latest lastSeenAt among papers, ignoring times from the future (an imported file's clock may be ahead). */
function newest(papers: Paper[], since: string): string {
  const now = new Date().toISOString();
  return papers.reduce(
    (latest, { lastSeenAt }) => (lastSeenAt > latest && lastSeenAt <= now ? lastSeenAt : latest),
    since,
  );
}

/**
 * The search index lives here, next to the only writer, and is kept in step with every write.
 * A persisted snapshot plus a catch-up over the lastSeenAt index means opening a large library
 * never re-indexes it from scratch, even after the worker was killed.
 */
export function createSearchService(db: () => Promise<LibraryDB>) {
  let loading: Promise<SearchIndex> | undefined;
  let asOf = '';
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  let persistDue = 0;
  // Updates run one after another: a rebuild must not overtake a later write's update.
  let updates: Promise<void> = Promise.resolve();

  async function rebuild(database: LibraryDB): Promise<SearchIndex> {
    const papers = await getAllPapers(database);
    const index = createSearchIndex();
    addOrReplace(index, papers);
    asOf = newest(papers, '');
    return index;
  }

  async function load(): Promise<SearchIndex> {
    const database = await db();
    const snapshot = (await getMeta(database, SNAPSHOT_KEY)) as Snapshot | undefined;
    let index: SearchIndex | undefined;
    if (snapshot && typeof snapshot.json === 'string') {
      try {
        index = loadIndex(snapshot.json);
        const changed = await getPapersChangedSince(database, snapshot.asOf);
        addOrReplace(index, changed);
        asOf = newest(changed, snapshot.asOf);
      } catch (error) {
        console.warn('[papershelf] search snapshot unusable, rebuilding:', error);
        index = undefined;
      }
    }
    // A snapshot that disagrees with the library (e.g. the worker died before saving it) is rebuilt.
    if (!index || index.documentCount !== (await countPapers(database))) {
      index = await rebuild(database);
      schedulePersist(0);
    }
    return index;
  }

  function ready(): Promise<SearchIndex> {
    loading ??= load().catch((error) => {
      loading = undefined;
      throw error;
    });
    return loading;
  }

  /** Saves the snapshot after `delay`, or sooner if a save is already due sooner. */
  function schedulePersist(delay: number) {
    const due = Date.now() + delay;
    if (persistTimer !== undefined && persistDue <= due) return;
    clearTimeout(persistTimer);
    persistDue = due;
    persistTimer = setTimeout(async () => {
      persistTimer = undefined;
      const index = await ready();
      const snapshot: Snapshot = { json: serializeIndex(index), asOf, count: index.documentCount };
      await setMeta(await db(), SNAPSHOT_KEY, snapshot);
    }, delay);
  }

  return {
    async search(query: string, limit: number): Promise<SearchHit[]> {
      return searchPapers(await ready(), query, { limit });
    },
    /**
     * Papers were written. Captures move lastSeenAt forward, so a snapshot catches up on them by itself;
     * other writes (stars, notes, deletes, imports) must reach the index now.
     */
    changed(ids: string[] | undefined, options: { captured: boolean }): Promise<void> {
      updates = updates
        .then(() => update(ids, options))
        .catch((error) => console.warn('[papershelf] search index update failed:', error));
      return updates;
    },
  };

  async function update(ids: string[] | undefined, options: { captured: boolean }) {
    if (options.captured && !loading) return;
    const database = await db();
    const index = await ready();
    if (!ids) {
      loading = Promise.resolve(await rebuild(database));
    } else {
      const papers = await Promise.all(ids.map((id) => getPaper(database, id)));
      const present = papers.filter((paper): paper is Paper => Boolean(paper));
      removeFromIndex(
        index,
        ids.filter((_, position) => !papers[position]),
      );
      addOrReplace(index, present);
      if (options.captured) asOf = newest(present, asOf);
    }
    schedulePersist(options.captured ? CAPTURE_PERSIST_DELAY_MS : 0);
  }
}
