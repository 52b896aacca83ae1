import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useKeyboard } from '@/components/hooks/use-keyboard';
import { useLibrary } from '@/components/hooks/use-library';
import { useLibraryView } from '@/components/hooks/use-library-view';
import { useModule } from '@/components/hooks/use-module';
import { useNewSince } from '@/components/hooks/use-new-since';
import { usePaper, useQueue, useSimilar } from '@/components/hooks/use-recommend';
import { useSearch } from '@/components/hooks/use-search';
import { useTopics } from '@/components/hooks/use-topics';
import { useWeeklyBackup } from '@/components/hooks/use-weekly-backup';
import { PaperList } from '@/components/list/PaperList';
import { AppMenu } from '@/components/menu/AppMenu';
import { ImportPanel } from '@/components/menu/ImportPanel';
import { AppStateContext, createAppState, useAppState } from '@/components/state/app-state';
import { setReadingState, toggleStar } from '@/components/state/paper-actions';
import type { SortKey } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { formatCount, plural } from '@/lib/plural';
import type { ExportSubject } from '@/lib/transfer/export-library';
import { BackupReminder } from './BackupReminder';
import { CaptureSwitch } from './CaptureSwitch';
import { EmptyState } from './EmptyState';
import { SearchBox } from './SearchBox';
import { TopicList } from './TopicList';
import { WriteProblem } from './WriteProblem';

const loadDeleteDialog = () => import('@/components/dialogs/DeletePaperDialog');
const loadAnnotateDialog = () => import('@/components/dialogs/AnnotateDialog');
// The full page's filters and selection: never part of what the popup loads.
const loadFilterBar = () => import('./FilterBar');
const loadSelectionBar = () => import('./SelectionBar');
// Suggestions are a shelf of their own, a click away from the list.
const loadForYou = () => import('./ForYouList');
// A paper's detail (its links, upvote history and similar papers) loads with the first one opened.
const loadDetail = () => import('@/components/detail/PaperDetail');

/** The popup, or the full page: one set of shared state per page, read by each panel where it needs it. */
export function App({ fullPage = false }: { fullPage?: boolean }) {
  const [state] = useState(createAppState);
  return (
    <AppStateContext.Provider value={state}>
      <AppView fullPage={fullPage} />
    </AppStateContext.Provider>
  );
}

function AppView({ fullPage }: { fullPage: boolean }) {
  const library = useLibrary();
  const state = useAppState();
  const shelf = state.shelf.value;
  const query = state.query.value;
  const sort = state.sort.value;
  const starredOnly = state.starredOnly.value;
  const topicWindow = state.topicWindow.value;
  const topicKey = state.topicKey.value;
  const activeId = state.activeId.value;
  const selected = state.selected.value;
  const deleting = state.deleting.value;
  const deleteDialog = useModule(loadDeleteDialog, deleting !== null);
  const annotateDialog = useModule(loadAnnotateDialog, state.annotating.value !== null);
  const filterBar = useModule(loadFilterBar, fullPage);
  const selectionBar = useModule(loadSelectionBar, fullPage);
  const forYou = useModule(loadForYou, shelf === 'for-you');
  const detailId = state.detailId.value;
  const detailPanel = useModule(loadDetail, detailId !== null);
  const filters = state.filters.value;
  const newOnly = state.newOnly.value;
  const setActiveId = (id: string | null) => {
    state.activeId.value = id;
  };
  const searchInput = useRef<HTMLInputElement>(null);

  useWeeklyBackup(library.db);
  const search = useSearch(library.db, query, library.change.stamp);
  const fresh = useNewSince(library.db, library.change.stamp);
  const viewFilters = useMemo(
    () => (newOnly && fresh.since ? { ...filters, firstSeenAfter: fresh.since } : filters),
    [filters, newOnly, fresh.since],
  );
  // Topics are read once the first rows are on screen, so they never hold those up.
  const [listShown, setListShown] = useState(false);
  const topics = useTopics(listShown ? library.db : undefined, library.change.stamp, topicWindow);
  const topicIds = useMemo(() => {
    const topic = topics.result?.topics.find((candidate) => candidate.key === topicKey);
    return topic ? new Set(topic.paperIds) : undefined;
  }, [topics.result, topicKey]);
  const view = useLibraryView(library, {
    sort,
    searchIds: search.result?.ids,
    searchPapers: search.result?.firstPapers,
    searchComplete: !search.result?.rest,
    topicIds,
    starredOnly,
    filters: viewFilters,
  });
  useLayoutEffect(() => {
    if (view.firstShown) setListShown(true);
  }, [view.firstShown]);
  const searching = search.result !== undefined;
  const queue = useQueue(library.db, library.change.stamp);
  const queued = useMemo(() => new Map(queue.map((paper) => [paper.id, paper])), [queue]);
  // The list the keyboard and rows work on: the library's view, or the queue.
  const onQueue = shelf === 'to-read';
  const listIds = onQueue ? queue.map((paper) => paper.id) : view.ids;
  const listPaper = onQueue ? (id: string) => queued.get(id) : view.paper;

  useEffect(() => setActiveId(null), [query, topicKey, starredOnly, sort, viewFilters, shelf]);
  // Typing a search looks in the whole library.
  useEffect(() => {
    if (query) state.shelf.value = 'library';
  }, [query]);
  // Nothing is active until the keyboard or a focus makes it so: the first row does not look chosen on opening.
  const activeIndex = activeId ? listIds.indexOf(activeId) : -1;
  const setActiveIndex = (index: number) => setActiveId(listIds[index] ?? null);
  const paperAt = (index: number) => (listIds[index] ? listPaper(listIds[index]) : undefined);

  const toggleSelect = (paper: Paper) => state.toggleSelected(paper.id);
  const openDetail = (paper: Paper) => state.openDetail(paper.id);
  const annotate = (paper: Paper) => {
    state.annotating.value = paper;
  };
  const confirmDeletion = (paper: Paper) => {
    state.deleting.value = paper;
  };

  // A detail opened from a suggestion or a similar paper may be of a paper the list does not hold.
  const detailRead = usePaper(library.db, detailId, library.change.stamp);
  const detail = detailId ? (listPaper(detailId) ?? (detailRead?.id === detailId ? detailRead : undefined)) : undefined;
  // Read from the click on, while the detail's panel may still be loading: its similar papers are what it waits for.
  const similar = useSimilar(library.db, detail);
  useKeyboard({
    searchInput,
    count: shelf === 'for-you' ? 0 : listIds.length,
    activeIndex,
    setActiveIndex,
    open: (index) => {
      const paper = paperAt(index);
      if (paper) window.open(paper.url, '_blank', 'noopener');
    },
    star: (index) => {
      const paper = paperAt(index);
      if (paper) toggleStar(paper);
    },
    mark: (index, reading) => {
      const paper = paperAt(index);
      if (paper) setReadingState(paper, paper.readingState === reading ? null : reading);
    },
    clearSearch: () => {
      state.query.value = '';
    },
    toggleNew: fresh.since
      ? () => {
          state.newOnly.value = !state.newOnly.value;
        }
      : undefined,
    closeDetail: detail ? () => state.openDetail(null) : undefined,
  });

  const filtering = Boolean(searching || topicIds || starredOnly || Object.values(viewFilters).some(Boolean));
  const topicList = (
    <TopicList result={topics.result} stale={topics.stale} error={topics.error} compact={!fullPage} db={library.db} />
  );
  const exportView = !filtering ? undefined : view.complete ? view.ids : null;
  const topicPhrase = topics.result?.topics.find((candidate) => candidate.key === topicKey)?.label;
  const viewSubject: ExportSubject = search.query
    ? { kind: 'search', query: search.query }
    : topicPhrase
      ? { kind: 'topic', topic: topicPhrase }
      : { kind: 'view' };
  const expectedRows = searching ? search.result?.total : filtering ? undefined : (library.count ?? undefined);
  const menu = <AppMenu library={library} view={exportView} viewSubject={viewSubject} />;
  const empty = library.count === 0;
  // In the popup a paper's detail takes the whole area below the search: the topics wait behind it.
  const reading = Boolean(detail && detailPanel) && !fullPage;
  // Bulk selection belongs to the full page; a popup row keeps to its own actions.
  const rowSelection = fullPage ? selected : undefined;
  // What a row does, the same in the library's list and in the queue.
  const rowActions = {
    activeIndex,
    selected: rowSelection,
    onActivate: setActiveIndex,
    onDetails: openDetail,
    onToggleStar: toggleStar,
    onToggleSelect: toggleSelect,
    onEdit: annotate,
    onDelete: confirmDeletion,
  };
  const error = library.error ?? view.error;
  return (
    <div class={fullPage ? 'app full-page' : 'app'}>
      <header class="app-header">
        <h1>Papershelf</h1>
        <output aria-label="Paper count" class="count">
          {filtering && view.complete ? `${formatCount(view.ids.length)} of ` : ''}
          {library.count !== null ? plural(library.count, 'paper') : 'Loading…'}
        </output>
        <CaptureSwitch />
        {!fullPage && (
          <a href="/library.html" target="_blank" class="open-full" rel="noreferrer" title="Open full view">
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <path
                d="M9 2h5v5M14 2 7.5 8.5M12 9.5V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3.5"
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
            <span class="visually-hidden">Open full view</span>
          </a>
        )}
        {menu}
      </header>
      {library.stale && (
        <p role="alert" class="error">
          Papershelf was updated while this view was open. Reopen it to see your library.
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          The library could not be read: {error}. Close and reopen this view; if it keeps failing, restart the browser.
          Your papers stay where they are.
        </p>
      )}
      <WriteProblem />
      {library.count !== null && <BackupReminder count={library.count} />}
      <div class="toolbar">
        <SearchBox ref={searchInput} />
        <select
          aria-label="Sort by"
          value={searching ? 'relevance' : sort}
          disabled={searching}
          onChange={(event) => {
            state.sort.value = event.currentTarget.value as SortKey;
          }}
        >
          {searching && <option value="relevance">Relevance</option>}
          <option value="lastSeen">Last seen</option>
          <option value="firstSeen">First seen</option>
          <option value="published">Published</option>
          <option value="upvotes">Upvotes</option>
          <option value="velocity">Rising fastest</option>
        </select>
        <button
          type="button"
          aria-pressed={starredOnly}
          aria-label="Starred only"
          title="Starred only"
          class="starred-only"
          onClick={() => {
            state.starredOnly.value = !starredOnly;
          }}
        >
          ★
        </button>
      </div>
      {!empty && (
        <nav class="shelves" aria-label="Shelves">
          {(
            [
              ['library', 'All papers'],
              ['to-read', `To read${queue.length ? ` (${formatCount(queue.length)})` : ''}`],
              ['for-you', 'For you'],
            ] as const
          ).map(([value, label]) => (
            <button key={value} type="button" aria-pressed={shelf === value} onClick={() => state.showShelf(value)}>
              {label}
            </button>
          ))}
          {fresh.since && (
            <button
              type="button"
              class="new-since"
              aria-pressed={newOnly}
              title="Papers first seen since your last visit (n)"
              onClick={() => {
                state.newOnly.value = !newOnly;
                state.shelf.value = 'library';
              }}
            >
              New since your last visit ({formatCount(fresh.count)})
            </button>
          )}
        </nav>
      )}
      {/* The last ranking kept shows before the library has even been counted. */}
      {!empty && !reading && (library.count !== null || topics.result !== null) && topicList}
      {fullPage && filterBar && <filterBar.FilterBar db={library.db} changeStamp={library.change.stamp} />}
      {fullPage && selectionBar && <selectionBar.SelectionBar db={library.db} />}
      {search.result && !search.result.allWords && view.ids.length > 0 && (
        <p class="hint partial-match" role="status">
          No paper has every word of “{search.query}”; showing papers with some of them.
        </p>
      )}
      <main class={reading ? 'list-area reading' : 'list-area'} data-results-for={search.query || undefined}>
        {empty ? (
          <EmptyState />
        ) : shelf === 'for-you' ? (
          forYou && <forYou.ForYouList db={library.db} stamp={library.change.stamp} onDetails={openDetail} />
        ) : onQueue && queue.length === 0 ? (
          <p class="hint no-results" role="status">
            Nothing to read yet: mark a paper To read (t) and it waits here, oldest first.
          </p>
        ) : onQueue ? (
          <PaperList
            ids={listIds}
            paper={listPaper}
            need={() => {}}
            listKey="to-read"
            sort="lastSeen"
            highlightTerms={[]}
            {...rowActions}
          />
        ) : view.ids.length === 0 && view.complete ? (
          <p class="hint no-results" role="status">
            {search.error
              ? `Search failed: ${search.error}`
              : `No saved paper matches${search.query ? ` “${search.query}”` : ' these filters'}.`}
          </p>
        ) : (
          <PaperList
            ids={view.ids}
            // Until the whole list is known, it already has its length (the library's, or the search's): the
            // scrollbar is right.
            total={view.complete ? undefined : expectedRows}
            paper={view.paper}
            need={view.need}
            listKey={JSON.stringify([search.query, topicKey, starredOnly, sort, viewFilters])}
            sort={searching ? 'relevance' : sort}
            highlightTerms={search.result?.terms ?? []}
            {...rowActions}
          />
        )}
        {detail && detailPanel && <detailPanel.PaperDetail paper={detail} similar={similar} />}
      </main>
      <ImportPanel />
      {annotateDialog && <annotateDialog.AnnotateDialog />}
      {deleting && deleteDialog && (
        <deleteDialog.DeletePaperDialog
          db={library.db}
          paper={deleting}
          onClose={() => {
            state.deleting.value = null;
            if (state.detailId.value === deleting.id) state.openDetail(null);
          }}
        />
      )}
    </div>
  );
}
