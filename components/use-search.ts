import { useEffect, useMemo, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { createSearcher, type LibraryReader } from '@/lib/library/read';
import type { SearchResult } from '@/lib/search/query';

export interface SearchState {
  /** The query these results answer (results of an older query stay up until the new ones arrive). */
  query: string;
  /** Undefined when the box is blank. */
  result: SearchResult | undefined;
  error: string | null;
}

const IDLE: SearchState = { query: '', result: undefined, error: null };
/** Keystrokes closer than this are one query. */
const TYPING_PAUSE_MS = 30;

/**
 * Searches the on-disk index from this page: no worker to wake, no index to load. Asks again after every write
 * the background reports; the latest query wins when answers arrive out of order. A blank box clears at once.
 */
export function useSearch(db: LibraryReader | undefined, query: string, changeStamp: number): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  const searcher = useMemo(() => db && createSearcher(db), [db]);
  const text = query.trim();

  useEffect(() => {
    if (!text || !searcher) {
      setState(IDLE);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const result = await searcher.search(text);
        if (current) setState({ query: text, result, error: null });
      } catch (error) {
        if (current)
          setState({ query: text, result: { ids: [], terms: [], allWords: true }, error: errorMessage(error) });
      }
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, searcher, changeStamp]);

  useEffect(() => searcher?.refresh(), [searcher, changeStamp]);
  return text ? state : IDLE;
}
