import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import {
  filteredIds,
  firstPapers,
  getPapers,
  type LibraryFilters,
  type LibraryReader,
  openLibraryReader,
  orderedIds,
  starredPapers,
} from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { filterIds, type SortKey, sortPapers } from '@/lib/view/select-papers';
import type { LibraryState } from './use-library';

export interface ViewOptions {
  sort: SortKey;
  /** Ranked ids of a search; undefined without a query. */
  searchIds: string[] | undefined;
  topicIds: ReadonlySet<string> | undefined;
  starredOnly: boolean;
  /** The full page's filters (tag, dates, code). */
  filters: LibraryFilters;
}

export interface LibraryView {
  /** The view's papers in order, as ids: rows are read only when they scroll into sight. */
  ids: string[];
  /** False while only the first screen is known. */
  complete: boolean;
  /** The first screen has been read: slower reads (the whole order, topics) may start without holding it up. */
  firstShown: boolean;
  paper: (id: string) => Paper | undefined;
  /** Rows [first, last) are on screen: read the ones not read yet. */
  need: (first: number, last: number) => void;
  error: string | null;
}

const FIRST_SCREEN = 30;
/** Rows kept in memory; far-away ones are read again if the user scrolls back. */
const CACHE_LIMIT = 2_000;

async function viewIds(db: LibraryReader, options: ViewOptions, remember: (papers: Paper[]) => void) {
  let starredIds: Set<string> | undefined;
  let ids = options.searchIds;
  if (options.starredOnly) {
    // Starred papers are few: read them whole and sort here.
    const starred = sortPapers(await starredPapers(db), options.sort);
    remember(starred);
    starredIds = new Set(starred.map((paper) => paper.id));
    ids ??= starred.map((paper) => paper.id);
  }
  const [ordered, filtered] = await Promise.all([
    ids ?? orderedIds(db, options.sort),
    filteredIds(db, options.filters),
  ]);
  const topicIds =
    options.topicIds && filtered
      ? new Set([...filtered].filter((id) => options.topicIds?.has(id)))
      : (options.topicIds ?? filtered);
  return filterIds(ordered, { topicIds, starredIds });
}

/**
 * A window over the library: the view is a list of ids from an index (or a search), and only the rows on
 * screen are read. A write the background reports re-reads the rows it touched and the order, never the library.
 */
export function useLibraryView(library: LibraryState, options: ViewOptions): LibraryView {
  const { db, change } = library;
  const cache = useRef(new Map<string, Paper>());
  const pending = useRef(new Set<string>());
  const [ids, setIds] = useState<string[]>([]);
  const [complete, setComplete] = useState(false);
  const [firstShown, setFirstShown] = useState(false);
  // The whole order is read on a connection of its own: a database answers a connection's requests in turn, and
  // that read (1.5 s at 100,000 papers) must not hold up the rows, a search or the topics.
  const bulk = useRef<Promise<LibraryReader> | undefined>(undefined);
  useEffect(
    () => () => {
      bulk.current?.then((connection) => connection.close()).catch(() => {});
    },
    [],
  );
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const latestIds = useRef(ids);
  latestIds.current = ids;

  const remember = useCallback((papers: Paper[]) => {
    for (const paper of papers) cache.current.set(paper.id, paper);
    if (cache.current.size > CACHE_LIMIT) {
      const visible = new Set(papers.map((paper) => paper.id));
      for (const id of cache.current.keys()) {
        if (cache.current.size <= CACHE_LIMIT / 2) break;
        if (!visible.has(id)) cache.current.delete(id);
      }
    }
    setVersion((version) => version + 1);
  }, []);

  const { sort, searchIds, topicIds, starredOnly, filters } = options;
  const plain = !searchIds && !topicIds && !starredOnly && !Object.values(filters).some(Boolean);

  // The first screen straight from the sort's index, before the order of the whole view is known.
  useEffect(() => {
    if (!db || !plain) return;
    let current = true;
    firstPapers(db, sort, FIRST_SCREEN)
      .then((first) => {
        if (!current) return;
        remember(first);
        setIds((shown) => (shown.length ? shown : first.map((paper) => paper.id)));
        setFirstShown(true);
      })
      .catch((failure) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [db, sort, plain, remember]);

  const orderReady = firstShown || !plain;
  useEffect(() => {
    if (!db || !orderReady) return;
    let current = true;
    setComplete(false);
    bulk.current ??= openLibraryReader().catch(() => db);
    bulk.current
      .then((connection) => viewIds(connection, { sort, searchIds, topicIds, starredOnly, filters }, remember))
      .then((next) => {
        if (!current) return;
        setIds(next);
        setComplete(true);
        setError(null);
      })
      .catch((failure) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [db, orderReady, sort, searchIds, topicIds, starredOnly, filters, change.stamp, remember]);

  // Rows written by the background are read again (with many changes, every cached row is); each keeps showing
  // what it showed until its new version arrives, so a starred row never flickers out.
  useEffect(() => {
    if (!db || change.stamp === 0) return;
    const stale = change.ids ? change.ids.filter((id) => cache.current.has(id)) : [...cache.current.keys()];
    if (stale.length === 0) return;
    getPapers(db, stale)
      .then((papers) => {
        stale.forEach((id, index) => {
          if (!papers[index]) cache.current.delete(id);
        });
        remember(papers.filter((paper): paper is Paper => Boolean(paper)));
      })
      .catch((failure) => setError(errorMessage(failure)));
  }, [db, change, remember]);

  const need = useCallback(
    (first: number, last: number) => {
      if (!db) return;
      const missing = latestIds.current
        .slice(Math.max(0, first), last)
        .filter((id) => !cache.current.has(id) && !pending.current.has(id));
      if (missing.length === 0) return;
      for (const id of missing) pending.current.add(id);
      getPapers(db, missing)
        .then((papers) => remember(papers.filter((paper): paper is Paper => Boolean(paper))))
        .catch((failure) => setError(errorMessage(failure)))
        .finally(() => {
          for (const id of missing) pending.current.delete(id);
        });
    },
    [db, remember],
  );

  return {
    ids,
    complete,
    firstShown: firstShown || (complete && ids.length === 0),
    paper: (id) => cache.current.get(id),
    need,
    error,
  };
}
