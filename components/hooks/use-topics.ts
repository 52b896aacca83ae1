import type { IDBPDatabase } from 'idb';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { LibrarySchema } from '@/lib/library/schema';
import { libraryChange } from '@/lib/status';
import { keepTopics, keptTopics } from '@/lib/topics/kept-topics';
import type { TopicsResult, TopicWindow } from '@/lib/topics/topics';

/** Library changes arriving in a burst (a capture, an import) re-read topics once. */
export const SETTLE_MS = 300;
/** The popup's list holds the top ten, whether its one line shows them all or not. */
const LIMIT = 10;
// The ranking and its term lexicon load after the first rows are shown, never with them.
const loadReader = () => import('@/lib/topics/read');

export interface TopicsState {
  result: TopicsResult | null;
  error: string | null;
  /** The result is the last ranking shown, and the library has changed since: a new one is on its way. */
  stale: boolean;
}

/**
 * Topics of the window, read from the day tallies (a few small records, never the papers): at once when the popup
 * opens or the window changes, and again ~300 ms after the library last changed. Until the first ranking of this
 * view is done, the last one shown (same window, same day) stands in: exact when the library has not changed since,
 * marked stale when it has. A failed read is shown, not retried forever.
 */
export function useTopics(
  db: IDBPDatabase<LibrarySchema> | undefined,
  changeStamp: number,
  window: TopicWindow,
): TopicsState {
  // The first render already shows the last ranking of this window, if one was kept today.
  const [state, setState] = useState<TopicsState>(() => ({
    result: keptTopics(window)?.result ?? null,
    error: null,
    stale: false,
  }));
  const readStamp = useRef<number | undefined>(undefined);
  const ranked = useRef(false);

  useEffect(() => {
    ranked.current = false;
    const kept = keptTopics(window);
    if (!kept) return;
    setState((current) =>
      current.result?.window === window ? current : { result: kept.result, error: null, stale: false },
    );
    let live = true;
    libraryChange
      .getValue()
      .then((change) => {
        if (live && !ranked.current && change.at !== kept.changeAt)
          setState({ result: kept.result, error: null, stale: true });
      })
      .catch(() => {}); // the ranking comes a little later either way
    return () => {
      live = false;
    };
  }, [window]);

  useEffect(() => {
    if (!db) return;
    const changed = readStamp.current !== undefined && readStamp.current !== changeStamp;
    readStamp.current = changeStamp;
    const controller = new AbortController();
    const timer = setTimeout(
      async () => {
        try {
          const { at } = await libraryChange.getValue();
          const { readTopics } = await loadReader();
          const result = await readTopics(db, { window, now: new Date().toISOString(), limit: LIMIT });
          if (controller.signal.aborted) return;
          ranked.current = true;
          setState({ result, error: null, stale: false });
          keepTopics(result, at);
        } catch (error) {
          if (!controller.signal.aborted) setState({ result: null, error: errorMessage(error), stale: false });
        }
      },
      changed ? SETTLE_MS : 0,
    );
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [db, changeStamp, window]);

  return state;
}
