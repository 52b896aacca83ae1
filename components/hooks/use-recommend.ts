import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { getPapers, isPaper, type LibraryReader, queuedPapers } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { nearestInLibrary, similarSearcher } from '@/lib/recommend/nearest';
import type { SuggestionWindow } from '@/lib/recommend/record';
import { storedSuggestions } from '@/lib/recommend/record';
import { MIN_POSITIVES } from '@/lib/recommend/signals';
import { isCandidate, windowStart } from '@/lib/recommend/suggest';
import { publishedSuggestions } from '@/lib/status';
import { useChanges } from './use-stored';

/** Reads `read` again whenever one of `deps` changes (not when `read`, rebuilt every render, does); a late answer to an earlier read is dropped. */
function useRead<T>(read: (() => Promise<T>) | undefined, initial: T, deps: unknown[]): [T, string | null] {
  const [value, setValue] = useState<[T, string | null]>([initial, null]);
  // Sent with the render that needs it, not after the next paint: the answer is what the user waits for.
  useLayoutEffect(() => {
    if (!read) return;
    let current = true;
    read().then(
      (next) => current && setValue([next, null]),
      (error) => current && setValue((before) => [before[0], String(error?.message ?? error)]),
    );
    return () => {
      current = false;
    };
  }, deps);
  return value;
}

export interface ForYouItem {
  paper: Paper;
  reasons: string[];
}

export type ForYou =
  | { state: 'loading' }
  /** Too few papers chosen yet: how many more it takes. */
  | { state: 'learning'; missing: number }
  | { state: 'ready'; items: ForYouItem[] };

/** Shown at most: a morning's reading and then some. */
const FOR_YOU_ROWS = 30;

/** The background's last ranking, within the window, without the papers acted on since it was made. */
export function useForYou(db: LibraryReader | undefined, stamp: number, windowDays: SuggestionWindow): ForYou {
  const retrained = useChanges(publishedSuggestions);
  const [forYou] = useRead<ForYou>(
    db &&
      (async () => {
        const record = await storedSuggestions(db);
        if (!record?.model)
          return { state: 'learning', missing: Math.max(1, MIN_POSITIVES - (record?.positives ?? 0)) };
        const since = windowStart(new Date().toISOString(), windowDays);
        const ranked = record.ranked.filter((entry) => entry.lastSeenAt >= since).slice(0, FOR_YOU_ROWS * 2);
        const papers = await getPapers(
          db,
          ranked.map((entry) => entry.id),
        );
        const items = ranked
          .map((entry, i) => ({ paper: papers[i], reasons: entry.reasons }))
          .filter((item): item is ForYouItem => isPaper(item.paper) && isCandidate(item.paper, since))
          .slice(0, FOR_YOU_ROWS);
        return { state: 'ready', items };
      }),
    { state: 'loading' },
    [db, stamp, retrained, windowDays],
  );
  return forYou;
}

/** The To read queue, oldest first. */
export function useQueue(db: LibraryReader | undefined, stamp: number): Paper[] {
  return useRead(db && (() => queuedPapers(db)), [], [db, stamp])[0];
}

/** One paper by id, kept current as the library changes (a detail opened from anywhere). */
export function usePaper(db: LibraryReader | undefined, id: string | null, stamp: number): Paper | undefined {
  return useRead(db && id ? async () => (await getPapers(db, [id]))[0] : undefined, undefined, [db, id, stamp])[0];
}

/** The papers nearest in content to `paper`, read when its detail opens. */
export function useSimilar(db: LibraryReader | undefined, paper: Paper | undefined): Paper[] | undefined {
  const searcher = useMemo(() => db && similarSearcher(db), [db]);
  const [similar] = useRead<Paper[] | undefined>(
    searcher && paper ? () => nearestInLibrary(searcher, paper) : undefined,
    undefined,
    [searcher, paper?.id],
  );
  return similar;
}
