import type { IDBPDatabase } from 'idb';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { LibrarySchema } from '@/lib/library/schema';
import { readTopics } from '@/lib/topics/read';
import type { TopicsResult, TopicWindow } from '@/lib/topics/topics';

/** Library changes arriving in a burst (a capture, an import) re-read topics once. */
export const SETTLE_MS = 300;
const LIMIT = 12;

export interface TopicsState {
  result: TopicsResult | null;
  error: string | null;
}

/**
 * Topics of the window, read from the day tallies (a few small records, never the papers): at once when the popup
 * opens or the window changes, and again ~300 ms after the library last changed. A failed read is shown, not
 * retried forever.
 */
export function useTopics(
  db: IDBPDatabase<LibrarySchema> | undefined,
  changeStamp: number,
  window: TopicWindow,
): TopicsState {
  const [state, setState] = useState<TopicsState>({ result: null, error: null });
  const readStamp = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!db) return;
    const changed = readStamp.current !== undefined && readStamp.current !== changeStamp;
    readStamp.current = changeStamp;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        readTopics(db, { window, now: new Date().toISOString(), limit: LIMIT }).then(
          (result) => controller.signal.aborted || setState({ result, error: null }),
          (error: unknown) => controller.signal.aborted || setState({ result: null, error: errorMessage(error) }),
        );
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
