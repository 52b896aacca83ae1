import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { FIRST_SCREEN } from '@/lib/library/first-screen';
import {
  filteredIds,
  getPapers,
  isPaper,
  type LibraryFilters,
  type LibraryReader,
  type OrderPosition,
  openLibraryReader,
  orderedIds,
  papersInOrder,
  type SortKey,
  starredPapers,
} from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { filterIds, sortPapers } from '@/lib/view/select-papers';
import type { LibraryState } from './use-library';

export interface ViewOptions {
  sort: SortKey;
  /** Ranked ids of a search; undefined without a query. */
  searchIds: string[] | undefined;
  /** The papers of the search's first screen, read with it. */
  searchPapers?: Paper[];
  /** False while `searchIds` holds only the top of the ranking. */
  searchComplete?: boolean;
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

/** Rows read per step as the list scrolls; a jump further than JUMP rows reads the whole order instead. */
const PAGE = 100;
const JUMP = 600;
/** A capture re-reads at most this many rows from the top of the list; rows below are paged in again. */
const REREAD_LIMIT = 1_000;
/** Rows kept in memory; far-away ones are read again if the user scrolls back. */
const CACHE_LIMIT = 2_000;
/** A topic or filter with at most this many papers is read whole and sorted here, not by the whole order. */
const SORT_IN_MEMORY = 1_500;

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
  const filtered = await filteredIds(db, options.filters);
  const topicIds =
    options.topicIds && filtered
      ? new Set([...filtered].filter((id) => options.topicIds?.has(id)))
      : (options.topicIds ?? filtered);
  if (!ids && topicIds && topicIds.size <= SORT_IN_MEMORY) {
    const papers = sortPapers((await getPapers(db, [...topicIds])).filter(isPaper), options.sort);
    remember(papers);
    ids = papers.map((paper) => paper.id);
  }
  return filterIds(ids ?? (await orderedIds(db, options.sort)), { topicIds, starredIds });
}

/**
 * A window over the library: the view is a list of ids from an index (or a search), and only the rows on
 * screen are read. A plain list pages through its sort's index as it scrolls; nothing a glance needs reads the
 * whole order. A write the background reports re-reads the top of the list and the rows it touched.
 */
export function useLibraryView(library: LibraryState, options: ViewOptions): LibraryView {
  const { db, change, firstScreen } = library;
  const { sort, searchIds, searchPapers, searchComplete = true, topicIds, starredOnly, filters } = options;
  const narrowed = Boolean(topicIds || starredOnly || Object.values(filters).some(Boolean));
  const plain = !searchIds && !narrowed;
  // The first screen read with the opening, when the page's first render had it: the list starts with it.
  const [initial] = useState(() => (plain && sort === 'lastSeen' ? firstScreen : null));
  // A ref whose first value is built once.
  const [cache] = useState(() => ({ current: new Map(initial?.papers.map((paper) => [paper.id, paper])) }));
  const pending = useRef(new Set<string>());
  const [ids, setIds] = useState<string[]>(() => initial?.papers.map((paper) => paper.id) ?? []);
  const [complete, setComplete] = useState(initial ? initial.next === null : false);
  const [firstShown, setFirstShown] = useState(Boolean(initial));
  // A whole order is read on a connection of its own: a database answers a connection's requests in turn, and
  // that read (1.5 s at 100,000 papers) must not hold up the rows, a search or the topics.
  const bulk = useRef<Promise<LibraryReader> | undefined>(undefined);
  const readBulk = useCallback(() => {
    bulk.current ??= openLibraryReader().catch(() => db as LibraryReader);
    return bulk.current;
  }, [db]);
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
  // Where the plain list's next page starts (null: at the end), and which list it belongs to.
  const paging = useRef<{ list: number; next: OrderPosition | null; busy: boolean }>({
    list: 0,
    next: initial?.next ?? null,
    busy: false,
  });
  // The sort of the plain list on screen (null: another view is): a write refreshes that list in place.
  const plainShown = useRef<SortKey | null>(initial ? 'lastSeen' : null);
  // The first screen read with the opening stands in for the list's first read, once.
  const firstScreenTaken = useRef(false);

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

  // Reads start in layout effects: right after a render, not a frame later after its paint.
  // The plain list: its top straight from the sort's index (after a write, as many rows as were listed).
  useLayoutEffect(() => {
    if (!db || !plain) return;
    const list = ++paging.current.list;
    paging.current.busy = true;
    const listed = plainShown.current === sort ? Math.min(latestIds.current.length, REREAD_LIMIT) : 0;
    const show = ({ papers, next }: { papers: Paper[]; next: OrderPosition | null }) => {
      if (paging.current.list !== list) return;
      paging.current = { list, next, busy: false };
      plainShown.current = sort;
      remember(papers);
      setIds(papers.map((paper) => paper.id));
      setComplete(next === null);
      setFirstShown(true);
      setError(null);
    };
    const early = firstScreenTaken.current || sort !== 'lastSeen' ? null : firstScreen;
    firstScreenTaken.current = true;
    if (early && early === initial)
      paging.current = { list, next: early.next, busy: false }; // already listed
    else if (early) show(early);
    else
      papersInOrder(db, sort, Math.max(FIRST_SCREEN, listed))
        .then(show)
        .catch((failure) => paging.current.list === list && setError(errorMessage(failure)));
  }, [db, sort, plain, change.stamp, firstScreen, remember]);

  // Any other view (a search, a topic, filters, starred papers) is a list of ids worked out whole.
  useLayoutEffect(() => {
    if (!db || plain) return;
    let current = true;
    paging.current = { list: paging.current.list + 1, next: null, busy: false };
    plainShown.current = null;
    if (searchIds && !narrowed) {
      // A search alone is its own order: no read, no second connection; its first rows came with it.
      if (searchPapers) remember(searchPapers);
      setIds(searchIds);
      setComplete(searchComplete);
      setError(null);
      return;
    }
    setComplete(false);
    if (searchIds && !searchComplete) return; // narrowed by what the whole ranking holds, once it is there
    readBulk()
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
  }, [
    db,
    plain,
    narrowed,
    sort,
    searchIds,
    searchPapers,
    searchComplete,
    topicIds,
    starredOnly,
    filters,
    change.stamp,
    remember,
    readBulk,
  ]);

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
        remember(papers.filter(isPaper));
      })
      .catch((failure) => setError(errorMessage(failure)));
  }, [db, change, remember]);

  /** More of the plain list: the next page from the index, or the whole order for a long jump of the scrollbar. */
  const extend = useCallback(
    (last: number) => {
      const state = paging.current;
      if (!db || !plain || state.busy || !state.next) return;
      const { list, next } = state;
      const known = latestIds.current.length;
      state.busy = true;
      const done = (more: string[], after: OrderPosition | null) => {
        if (paging.current.list !== list) return;
        paging.current = { list, next: after, busy: false };
        setIds((shown) => [...shown, ...more]);
        setComplete(after === null);
      };
      const read =
        last - known <= JUMP
          ? papersInOrder(db, sort, Math.max(PAGE, last - known), next).then(({ papers, next: after }) => {
              remember(papers);
              done(
                papers.map((paper) => paper.id),
                after,
              );
            })
          : readBulk()
              .then((connection) => orderedIds(connection, sort))
              .then((order) => done(order.slice(known), null));
      read.catch((failure) => {
        if (paging.current.list !== list) return;
        paging.current.busy = false;
        setError(errorMessage(failure));
      });
    },
    [db, plain, sort, remember, readBulk],
  );

  const need = useCallback(
    (first: number, last: number) => {
      if (!db) return;
      if (last > latestIds.current.length) extend(last);
      const missing = latestIds.current
        .slice(Math.max(0, first), last)
        .filter((id) => !cache.current.has(id) && !pending.current.has(id));
      if (missing.length === 0) return;
      for (const id of missing) pending.current.add(id);
      getPapers(db, missing)
        .then((papers) => remember(papers.filter(isPaper)))
        .catch((failure) => setError(errorMessage(failure)))
        .finally(() => {
          for (const id of missing) pending.current.delete(id);
        });
    },
    [db, remember, extend],
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
