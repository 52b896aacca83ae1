// What the views of one page share: the search, the sort and filters, which shelf is shown, the paper whose detail
// is open, the selection and the dialogs. Signals, so each panel reads what it needs and re-renders alone; one set
// per App, handed down through a context, so every page (and every test) starts afresh.
import { signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LibraryFilters, SortKey } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import type { TopicWindow } from '@/lib/topics/topics';

/** What the list shows: the whole library (searched, filtered), the To read queue, or suggestions. */
export type Shelf = 'library' | 'to-read' | 'for-you';

export function createAppState() {
  const state = {
    shelf: signal<Shelf>('library'),
    query: signal(''),
    sort: signal<SortKey>('lastSeen'),
    starredOnly: signal(false),
    /** The full page's filters (tag, dates, code). */
    filters: signal<LibraryFilters>({}),
    /** Only the papers first seen since the last visit. */
    newOnly: signal(false),
    topicWindow: signal<TopicWindow>('7d'),
    /** The topic whose papers are shown, if one is. */
    topicKey: signal<string | null>(null),
    // The keyboard cursor follows a paper, not a position: a list refreshed by a capture does not move it.
    activeId: signal<string | null>(null),
    /** The full page's selection, as paper ids. */
    selected: signal<ReadonlySet<string>>(new Set()),
    /** The paper whose detail is open. */
    detailId: signal<string | null>(null),
    /** The paper whose tags and note are being edited, and the one whose deletion is being confirmed. */
    annotating: signal<Paper | null>(null),
    deleting: signal<Paper | null>(null),
  };
  return {
    ...state,
    toggleSelected(id: string) {
      const next = new Set(state.selected.value);
      if (!next.delete(id)) next.add(id);
      state.selected.value = next;
    },
    clearSelection() {
      state.selected.value = new Set();
    },
    openDetail(id: string | null) {
      state.detailId.value = id;
    },
    /** Another shelf; a detail open over the list closes. */
    showShelf(shelf: Shelf) {
      state.shelf.value = shelf;
      state.detailId.value = null;
    },
  };
}

export type AppState = ReturnType<typeof createAppState>;

export const AppStateContext = createContext<AppState | null>(null);

/** The state of the App this panel is part of. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState needs an App (or an AppStateContext.Provider) above it');
  return state;
}
