import type { IDBPDatabase } from 'idb';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { LibrarySchema } from '@/lib/library/schema';
import { libraryChange, shownTopics } from '@/lib/settings';
import { readTopics } from '@/lib/topics/read';
import type { TopicsResult, TopicWindow } from '@/lib/topics/topics';

/** Library changes arriving in a burst (a capture, an import) re-read topics once. */
export const SETTLE_MS = 300;
const LIMIT = 12;

/** A ranking this large (all time, say) is not kept for the next opening: storage is for small things. */
const KEEP_AT_MOST_IDS = 5_000;

export interface TopicsState {
  result: TopicsResult | null;
  error: string | null;
  /** The result is the last ranking shown, and the library has changed since: a new one is on its way. */
  stale: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Keeps what was ranked for the next opening, unless it is large. */
function keep(result: TopicsResult, changeAt: number) {
  const ids = result.topics.reduce((sum, topic) => sum + topic.paperIds.length, 0);
  if (ids > KEEP_AT_MOST_IDS) return shownTopics.setValue(null);
  return shownTopics.setValue({ window: result.window, day: today(), changeAt, result });
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
  const [state, setState] = useState<TopicsState>({ result: null, error: null, stale: false });
  const readStamp = useRef<number | undefined>(undefined);
  const ranked = useRef(false);

  useEffect(() => {
    ranked.current = false;
    let current = true;
    Promise.all([shownTopics.getValue(), libraryChange.getValue()])
      .then(([shown, change]) => {
        if (!current || ranked.current || shown?.window !== window || shown.day !== today()) return;
        setState({ result: shown.result, error: null, stale: shown.changeAt !== change.at });
      })
      .catch(() => {}); // nothing kept: the ranking comes a little later
    return () => {
      current = false;
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
          const result = await readTopics(db, { window, now: new Date().toISOString(), limit: LIMIT });
          if (controller.signal.aborted) return;
          ranked.current = true;
          setState({ result, error: null, stale: false });
          await keep(result, at);
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
