import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryFilters } from '@/lib/library/read';
import { sendMessage } from '@/lib/messages';
import type { Paper } from '@/lib/paper';
import type { TopicWindow } from '@/lib/topics/topics';
import type { SortKey } from '@/lib/view/select-papers';
import { AnnotateDialog } from './AnnotateDialog';
import { useWeeklyBackup } from './AutoBackup';
import { BackupReminder } from './BackupReminder';
import { CaptureSwitch } from './CaptureSwitch';
import { EmptyState } from './EmptyState';
import { ExportPanel } from './ExportPanel';
import { FilterBar } from './FilterBar';
import { formatCount, plural } from './format';
import { ImportPanel } from './ImportPanel';
import { LibraryTools } from './LibraryTools';
import { PageSettings } from './PageSettings';
import { PaperDetail } from './PaperDetail';
import { PaperList } from './PaperList';
import { SearchBox } from './SearchBox';
import { SelectionBar } from './SelectionBar';
import { SyncSetting } from './SyncSetting';
import { TopicList } from './TopicList';
import { useKeyboard } from './use-keyboard';
import { useLibrary } from './use-library';
import { useLibraryView } from './use-library-view';
import { useSearch } from './use-search';
import { useTopics } from './use-topics';
import { WriteProblem } from './WriteProblem';

export function App({ fullPage = false }: { fullPage?: boolean }) {
  const library = useLibrary();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('lastSeen');
  const [starredOnly, setStarredOnly] = useState(false);
  const [topicWindow, setTopicWindow] = useState<TopicWindow>('7d');
  const [topicKey, setTopicKey] = useState<string | null>(null);
  // The keyboard cursor follows a paper, not a position: a list refreshed by a capture does not move it.
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [annotating, setAnnotating] = useState<Paper | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [filters, setFilters] = useState<LibraryFilters>({});
  const searchInput = useRef<HTMLInputElement>(null);

  useWeeklyBackup(library.db);
  const search = useSearch(library.db, query, library.change.stamp);
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
    filters,
  });
  useLayoutEffect(() => {
    if (view.firstShown) setListShown(true);
  }, [view.firstShown]);
  const searching = search.result !== undefined;

  useEffect(() => setActiveId(null), [query, topicKey, starredOnly, sort, filters]);
  // Nothing is active until the keyboard or a focus makes it so: the first row does not look chosen on opening.
  const activeIndex = activeId ? view.ids.indexOf(activeId) : -1;
  const setActiveIndex = (index: number) => setActiveId(view.ids[index] ?? null);
  const paperAt = (index: number) => (view.ids[index] ? view.paper(view.ids[index]) : undefined);

  const toggleStar = (paper: Paper) =>
    sendMessage('setStarred', { id: paper.id, starred: !paper.starred }).catch(console.error);
  const toggleSelect = (paper: Paper) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(paper.id)) next.add(paper.id);
      return next;
    });

  const detail = detailId ? view.paper(detailId) : undefined;
  useKeyboard({
    searchInput,
    count: view.ids.length,
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
    clearSearch: () => setQuery(''),
    closeDetail: detail ? () => setDetailId(null) : undefined,
  });

  const filtering = Boolean(searching || topicIds || starredOnly || Object.values(filters).some(Boolean));
  // Parts a keystroke or a search result leaves as they were are the same elements, which Preact does not diff again.
  const topicList = useMemo(
    () => (
      <TopicList
        result={topics.result}
        stale={topics.stale}
        error={topics.error}
        window={topicWindow}
        activeKey={topicKey}
        onWindowChange={(next) => {
          setTopicWindow(next);
          setTopicKey(null);
        }}
        onToggle={(key) => setTopicKey(key === topicKey ? null : key)}
      />
    ),
    [topics.result, topics.stale, topics.error, topicWindow, topicKey],
  );
  const exportView = !filtering ? undefined : view.complete ? view.ids : null;
  const expectedRows = searching ? search.result?.total : filtering ? undefined : (library.count ?? undefined);
  const footer = useMemo(
    () => (
      <footer class="app-footer">
        <ExportPanel library={library} view={exportView} selection={[...selected]} />
        <ImportPanel />
        <LibraryTools library={library} selection={[...selected]} onSelectionCleared={() => setSelected(new Set())} />
        <PageSettings />
        <SyncSetting />
      </footer>
    ),
    [library, exportView, selected],
  );
  const empty = library.count === 0;
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
          <a href="/library.html" target="_blank" class="open-full" rel="noreferrer">
            Open full view
          </a>
        )}
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
        <SearchBox ref={searchInput} value={query} onInput={setQuery} />
        <select
          aria-label="Sort by"
          value={searching ? 'relevance' : sort}
          disabled={searching}
          onChange={(event) => setSort(event.currentTarget.value as SortKey)}
        >
          {searching && <option value="relevance">Relevance</option>}
          <option value="lastSeen">Last seen</option>
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
          onClick={() => setStarredOnly(!starredOnly)}
        >
          ★
        </button>
      </div>
      {/* The last ranking kept shows before the library has even been counted. */}
      {!empty && (library.count !== null || topics.result !== null) && topicList}
      {fullPage && (
        <FilterBar db={library.db} changeStamp={library.change.stamp} filters={filters} onChange={setFilters} />
      )}
      <SelectionBar db={library.db} selection={[...selected]} onClear={() => setSelected(new Set())} />
      {search.result && !search.result.allWords && view.ids.length > 0 && (
        <p class="hint partial-match" role="status">
          No paper has every word of “{search.query}”; showing papers with some of them.
        </p>
      )}
      <main class="list-area" data-results-for={search.query || undefined}>
        {empty ? (
          <EmptyState />
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
            listKey={JSON.stringify([search.query, topicKey, starredOnly, sort, filters])}
            sort={searching ? 'relevance' : sort}
            onDetails={(paper) => setDetailId(paper.id)}
            activeIndex={activeIndex}
            highlightTerms={search.result?.terms ?? []}
            selected={selected}
            onActivate={setActiveIndex}
            onToggleStar={toggleStar}
            onToggleSelect={toggleSelect}
            onEdit={setAnnotating}
          />
        )}
        {detail && (
          <PaperDetail
            paper={detail}
            onClose={() => setDetailId(null)}
            onToggleStar={() => toggleStar(detail)}
            onEdit={() => setAnnotating(detail)}
          />
        )}
      </main>
      {footer}
      <AnnotateDialog paper={annotating} onClose={() => setAnnotating(null)} />
    </div>
  );
}
