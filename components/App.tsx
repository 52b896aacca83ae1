import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import type { Paper } from '@/lib/paper';
import type { TopicWindow } from '@/lib/topics/topics';
import { type SortKey, selectPapers, sortPapers } from '@/lib/view/select-papers';
import { AnnotateDialog } from './AnnotateDialog';
import { BackupReminder } from './BackupReminder';
import { CaptureSwitch } from './CaptureSwitch';
import { EmptyState } from './EmptyState';
import { ExportPanel } from './ExportPanel';
import { plural } from './format';
import { ImportPanel } from './ImportPanel';
import { LibraryTools } from './LibraryTools';
import { PaperList } from './PaperList';
import { SearchBox } from './SearchBox';
import { TopicList } from './TopicList';
import { useKeyboard } from './use-keyboard';
import { useLibrary } from './use-library';
import { useSearch } from './use-search';
import { useTopics } from './use-topics';

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
  const searchInput = useRef<HTMLInputElement>(null);

  const sorted = useMemo(() => sortPapers(library.papers, sort), [library.papers, sort]);
  const search = useSearch(query, sorted, library.papers);
  const topics = useTopics(library.papers, library.complete, topicWindow);
  const topicIds = useMemo(() => {
    const topic = topics?.topics.find((candidate) => candidate.key === topicKey);
    return topic ? new Set(topic.paperIds) : undefined;
  }, [topics, topicKey]);
  const shown = useMemo(
    () => selectPapers(sorted, library.byId, { searchHits: search.ids, topicIds, starredOnly }),
    [sorted, library.byId, search.ids, topicIds, starredOnly],
  );
  const selectedPapers = useMemo(
    () => library.papers.filter((paper) => selected.has(paper.id)),
    [library.papers, selected],
  );

  useEffect(() => setActiveId(null), [query, topicKey, starredOnly, sort]);
  const activeIndex = Math.max(
    0,
    shown.findIndex((paper) => paper.id === activeId),
  );
  const setActiveIndex = (index: number) => setActiveId(shown[index]?.id ?? null);

  const toggleStar = (paper: Paper) =>
    sendMessage('setStarred', { id: paper.id, starred: !paper.starred }).catch(console.error);
  const toggleSelect = (paper: Paper) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(paper.id)) next.add(paper.id);
      return next;
    });

  useKeyboard({
    searchInput,
    count: shown.length,
    activeIndex,
    setActiveIndex,
    open: (index) => shown[index] && window.open(shown[index].url, '_blank', 'noopener'),
    star: (index) => shown[index] && toggleStar(shown[index]),
  });

  const filtering = Boolean(search.ids || topicIds || starredOnly);
  return (
    <div class={fullPage ? 'app full-page' : 'app'}>
      <header class="app-header">
        <h1>Papershelf</h1>
        <output aria-label="Paper count" class="count">
          {filtering ? `${shown.length.toLocaleString('en-US')} of ` : ''}
          {library.counted ? plural(library.count, 'paper') : 'Loading…'}
        </output>
        <CaptureSwitch />
        {!fullPage && (
          <a href="/library.html" target="_blank" class="open-full" rel="noreferrer">
            Open full view
          </a>
        )}
      </header>
      {library.error && (
        <p role="alert" class="error">
          The library could not be opened: {library.error}
        </p>
      )}
      {library.counted && <BackupReminder count={library.count} />}
      <div class="toolbar">
        <SearchBox ref={searchInput} value={query} onInput={setQuery} />
        <select aria-label="Sort by" value={sort} onChange={(event) => setSort(event.currentTarget.value as SortKey)}>
          <option value="lastSeen">Last seen</option>
          <option value="published">Published</option>
          <option value="upvotes">Upvotes</option>
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
      {library.count > 0 && (
        <TopicList
          result={topics}
          window={topicWindow}
          activeKey={topicKey}
          onWindowChange={(next) => {
            setTopicWindow(next);
            setTopicKey(null);
          }}
          onToggle={(key) => setTopicKey(key === topicKey ? null : key)}
        />
      )}
      {search.quick && (
        <p class="hint quick-results" role="status">
          Matches in titles, authors and keywords; full-text search is starting…
        </p>
      )}
      <main class="list-area" data-results-for={search.quick ? undefined : search.query}>
        {library.count === 0 && library.complete ? (
          <EmptyState />
        ) : shown.length === 0 && library.complete ? (
          <p class="hint no-results" role="status">
            {search.error
              ? `Search failed: ${search.error}`
              : `No saved paper matches${search.query ? ` “${search.query}”` : ' these filters'}.`}
          </p>
        ) : (
          <PaperList
            papers={shown}
            listKey={JSON.stringify([search.query, topicKey, starredOnly, sort])}
            activeIndex={activeIndex}
            highlightTerms={search.terms}
            selected={selected}
            onActivate={setActiveIndex}
            onToggleStar={toggleStar}
            onToggleSelect={toggleSelect}
            onEdit={setAnnotating}
          />
        )}
      </main>
      <footer class="app-footer">
        <ExportPanel library={library} view={shown} selection={selectedPapers} />
        <ImportPanel />
        <LibraryTools library={library} selection={selectedPapers} onSelectionCleared={() => setSelected(new Set())} />
      </footer>
      <AnnotateDialog paper={annotating} onClose={() => setAnnotating(null)} />
    </div>
  );
}
