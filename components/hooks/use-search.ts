import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { LibraryReader } from '@/lib/library/read';
import { createSearcher, type SearchAnswer } from '@/lib/search/store';

export interface SearchState {
  /** The query these results answer (results of an older query stay up until the new ones arrive). */
  query: string;
  /** Undefined when the box is blank. */
  result: SearchAnswer | undefined;
  error: string | null;
}

const IDLE: SearchState = { query: '', result: undefined, error: null };
const NOTHING: SearchAnswer = { ids: [], total: 0, terms: [], allWords: true, firstPapers: [] };

/** After the next frame has been painted (or a moment, where frames are not drawn). */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });

/**
 * Searches the on-disk index from this page: no worker to wake, no index to load. A query is searched at once
 * when no search is running; keystrokes that come while one runs are searched together when it ends (only the
 * latest), so fast typing never queues searches and a pause never waits on a timer. Asks again after every write
 * the background reports. A blank box clears at once.
 */
export function useSearch(db: LibraryReader | undefined, query: string, changeStamp: number): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  const searcher = useMemo(() => db && createSearcher(db), [db]);
  const text = query.trim();
  const running = useRef(false);
  // The query to search once the running search ends (the latest wins).
  const waiting = useRef<string | null>(null);
  const wanted = useRef('');
  wanted.current = text;

  // Layout effects: a query is searched right after the keystroke's render, not a frame later.
  useLayoutEffect(() => {
    if (!text || !searcher) {
      waiting.current = null;
      setState(IDLE);
      return;
    }
    const run = async (next: string) => {
      running.current = true;
      let answer: SearchState;
      try {
        answer = { query: next, result: await searcher.search(next), error: null };
      } catch (error) {
        answer = { query: next, result: NOTHING, error: errorMessage(error) };
      }
      if (next === wanted.current) setState(answer);
      // A long ranking's top is shown first; the rest is ranked once that is on screen, unless the box moved on.
      const { result } = answer;
      if (result?.rest && next === wanted.current) {
        try {
          await afterPaint();
          const ids = next === wanted.current ? await result.rest() : null;
          if (ids && next === wanted.current) setState({ ...answer, result: { ...result, ids, rest: undefined } });
        } catch (error) {
          if (next === wanted.current) setState({ ...answer, error: errorMessage(error) });
        }
      }
      running.current = false;
      const queued = waiting.current;
      waiting.current = null;
      if (queued && queued === wanted.current) void run(queued);
    };
    if (running.current) waiting.current = text;
    else void run(text);
  }, [text, searcher, changeStamp]);

  return text ? state : IDLE;
}
