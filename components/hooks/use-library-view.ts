import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
import { ListWindow } from '@/lib/view/list-window';
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
 * A window over the library (its model is lib/view/list-window.ts): the view is a list of ids from an index (or a
 * search), and only the rows on screen are read. A plain list pages through its sort's index as it scrolls; nothing
 * a glance needs reads the whole order. A write the background reports re-reads the top of the list and the rows it
 * touched.
 */
export function useLibraryView(library: LibraryState, options: ViewOptions): LibraryView {
  const { db, change, firstScreen } = library;
  const { sort, searchIds, searchPapers, searchComplete = true, topicIds, starredOnly, filters } = options;
  const narrowed = Boolean(topicIds || starredOnly || Object.values(filters).some(Boolean));
  const plain = !searchIds && !narrowed;
  const [, setVersion] = useState(0);
  // The first screen read with the opening, when the page's first render had it: the list starts with it.
  const [{ rows, initial }] = useState(() => {
    const opening = plain && sort === 'lastSeen' ? firstScreen : null;
    const made = new ListWindow(
      () => setVersion((version) => version + 1),
      opening ? { sort: 'lastSeen', page: opening } : undefined,
    );
    return { rows: made, initial: opening };
  });
  // A whole order is read on a connection of its own: a database answers a connection's requests in turn, and
  // that read (1.5 s at 100,000 papers) must not hold up the rows, a search or the topics.
  const bulk = useRef<Promise<LibraryReader> | undefined>(undefined);
  const readBulk = useCallback(() => {
    bulk.current ??= openLibraryReader().catch(() => db as LibraryReader);
    return bulk.current;
  }, [db]);
  useEffect(
    () => () => {
      rows.close();
      bulk.current?.then((connection) => connection.close()).catch(() => {});
    },
    [],
  );
  // The first screen read with the opening stands in for the list's first read, once.
  const firstScreenTaken = useRef(false);
  const readPapers = useCallback((ids: string[]) => (db ? getPapers(db, ids) : Promise.resolve([])), [db]);

  // Reads start in layout effects: right after a render, not a frame later after its paint.
  // The plain list: its top straight from the sort's index (after a write, as many rows as were listed).
  useLayoutEffect(() => {
    if (!db || !plain) return;
    const { list, count } = rows.beginPlain(sort, FIRST_SCREEN);
    const early = firstScreenTaken.current || sort !== 'lastSeen' ? null : firstScreen;
    firstScreenTaken.current = true;
    if (early && early === initial)
      rows.continuePlain(list, sort, early.next); // already listed
    else if (early) rows.showPlain(list, sort, early);
    else
      papersInOrder(db, sort, count)
        .then((page) => rows.showPlain(list, sort, page))
        .catch((failure) => rows.fail(list, failure));
  }, [db, sort, plain, change.stamp, firstScreen]);

  // Any other view (a search, a topic, filters, starred papers) is a list of ids worked out whole.
  useLayoutEffect(() => {
    if (!db || plain) return;
    const list = rows.beginView();
    if (searchIds && !narrowed) {
      // A search alone is its own order: no read, no second connection; its first rows came with it.
      if (searchPapers) rows.remember(searchPapers);
      rows.showIds(list, searchIds, searchComplete);
      return;
    }
    rows.working(list);
    if (searchIds && !searchComplete) return; // narrowed by what the whole ranking holds, once it is there
    readBulk()
      .then((connection) =>
        viewIds(connection, { sort, searchIds, topicIds, starredOnly, filters }, (papers) => rows.remember(papers)),
      )
      .then((ids) => rows.showIds(list, ids, true))
      .catch((failure) => rows.fail(list, failure));
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
    readBulk,
  ]);

  // Rows written by the background are read again (with many changes, every cached row is).
  useEffect(() => {
    if (db && change.stamp !== 0) rows.refresh(change.ids, readPapers);
  }, [db, change, readPapers]);

  const need = useCallback(
    (first: number, last: number) => {
      if (!db) return;
      const plainReads = plain
        ? {
            page: (count: number, after?: OrderPosition) => papersInOrder(db, sort, count, after),
            order: () => readBulk().then((connection) => orderedIds(connection, sort)),
          }
        : undefined;
      rows.need(first, last, plainReads, readPapers);
    },
    [db, plain, sort, readBulk, readPapers],
  );

  return {
    ids: rows.ids,
    complete: rows.complete,
    firstShown: rows.firstShown || (rows.complete && rows.ids.length === 0),
    paper: (id) => rows.paper(id),
    need,
    error: rows.error,
  };
}
