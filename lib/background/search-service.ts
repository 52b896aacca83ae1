import { countPapers, getAllPapers, getPapers, getPapersChangedSince, type LibraryDB } from '@/lib/library/db';
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
import { nextTask } from '@/lib/tasks';

const SNAPSHOT_KEY = 'searchIndex';
// Every write stamps changedAt and a loading snapshot catches up on later ones, so saving can wait:
// a 50,000-paper snapshot is ~85 MB of JSON. Deletions leave no stamp behind, so they are saved at once.
const PERSIST_DELAY_MS = 20_000;
/** Past this many changed papers (an import), reading the whole library is cheaper than looking each one up. */
const REBUILD_ABOVE = 2_000;
/** A load that caught up on this many papers saves a new snapshot, so the next load does not repeat the work. */
const CATCH_UP_SAVE_ABOVE = 200;
/** Indexing yields to the worker's other messages this often, so captures are not held up by a big rebuild. */
const SLICE = 1_000;
/**
 * A write is stamped a moment before it commits: a snapshot claims only what was written this long before it.
 * Kept short, so a load does not re-index a recent import that the snapshot already holds.
 */
const CLOCK_MARGIN_MS = 5_000;

interface Snapshot {
  json: string;
  /** Every paper written before this time is in the snapshot; later ones are caught up on load. */
  asOf: string;
  count: number;
}

/**
 * The search index lives here, next to the only writer, and is kept in step with every write.
 * A persisted snapshot plus a catch-up over the changedAt index means opening a large library
 * never re-indexes it from scratch, even after the worker was killed.
 */
export function createSearchService(db: () => Promise<LibraryDB>) {
  let loading: Promise<SearchIndex> | undefined;
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  let persistDue = 0;
  // Updates and saves run one after another: a save sees every change reported before it,
  // and a rebuild never overtakes a later write's update.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>, failure: string) => {
    queue = queue.then(work).catch((error) => console.warn(`[papershelf] ${failure}:`, error));
    return queue;
  };

  async function rebuild(database: LibraryDB): Promise<SearchIndex> {
    const index = createSearchIndex();
    const papers = await getAllPapers(database);
    for (let start = 0; start < papers.length; start += SLICE) {
      addOrReplace(index, papers.slice(start, start + SLICE));
      await nextTask();
    }
    return index;
  }

  async function fromSnapshot(database: LibraryDB): Promise<SearchIndex | undefined> {
    const snapshot = (await getMeta(database, SNAPSHOT_KEY)) as Partial<Snapshot> | undefined;
    if (typeof snapshot?.json !== 'string' || typeof snapshot.asOf !== 'string') return undefined;
    try {
      const index = loadIndex(snapshot.json);
      const changed = await getPapersChangedSince(database, snapshot.asOf);
      addOrReplace(index, changed);
      if (changed.length > CATCH_UP_SAVE_ABOVE) schedulePersist(PERSIST_DELAY_MS);
      return index;
    } catch (error) {
      console.warn('[papershelf] search snapshot unusable, rebuilding:', error);
      return undefined;
    }
  }

  async function load(): Promise<SearchIndex> {
    const database = await db();
    let index = await fromSnapshot(database);
    // A snapshot that disagrees with the library (a deletion not saved before the worker died) is rebuilt.
    if (!index || index.documentCount !== (await countPapers(database))) {
      index = await rebuild(database);
      schedulePersist(0);
    }
    return index;
  }

  /** Makes `building` the index searches wait for; a failure leaves none, so the next search tries again. */
  function track(building: Promise<SearchIndex>): Promise<SearchIndex> {
    loading = building.catch((error) => {
      loading = undefined;
      throw error;
    });
    return loading;
  }

  const ready = (): Promise<SearchIndex> => loading ?? track(load());

  async function persist() {
    const asOf = new Date(Date.now() - CLOCK_MARGIN_MS).toISOString();
    const index = await ready();
    const snapshot: Snapshot = { json: serializeIndex(index), asOf, count: index.documentCount };
    await setMeta(await db(), SNAPSHOT_KEY, snapshot);
  }

  /** Saves the snapshot after `delay`, or sooner if a save is already due sooner. */
  function schedulePersist(delay: number) {
    const due = Date.now() + delay;
    if (persistTimer !== undefined && persistDue <= due) return;
    clearTimeout(persistTimer);
    persistDue = due;
    persistTimer = setTimeout(() => {
      persistTimer = undefined;
      enqueue(persist, 'saving the search index failed');
    }, delay);
  }

  async function update(ids: string[] | undefined, options: { captured: boolean }) {
    const whole = !ids || ids.length > REBUILD_ABOVE;
    // Not loaded yet: loading catches up on stamped writes, and rebuilds if papers were deleted.
    if (!loading && (options.captured || whole)) {
      if (whole) await ready();
      return;
    }
    const database = await db();
    const index = await ready();
    if (whole) {
      // Searches wait for the rebuild (the popup shows quick matches meanwhile) rather than miss what changed.
      await track(rebuild(database));
      schedulePersist(0);
      return;
    }
    const papers = await getPapers(database, ids);
    const removed = ids.filter((id, position) => !papers[position] && index.has(id));
    removeFromIndex(index, removed);
    addOrReplace(
      index,
      papers.filter((paper): paper is Paper => Boolean(paper)),
    );
    schedulePersist(removed.length ? 0 : PERSIST_DELAY_MS);
  }

  return {
    async search(query: string, limit: number): Promise<SearchHit[]> {
      return searchPapers(await ready(), query, { limit });
    },
    /** Papers were written (`ids`), or the whole library was (`undefined`): the index follows. */
    changed(ids: string[] | undefined, options: { captured: boolean }): Promise<void> {
      return enqueue(() => update(ids, options), 'search index update failed');
    },
  };
}
