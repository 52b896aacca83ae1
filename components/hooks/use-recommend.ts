import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { getPapers, type LibraryReader, queuedPapers } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { type EarlyForYou, takeEarlyForYou } from '@/lib/recommend/early-read';
import { earlyForYou, type ForYou, readForYou } from '@/lib/recommend/for-you';
import { nearestInLibrary, similarSearcher } from '@/lib/recommend/nearest';
import { FIRST_WINDOW, type SuggestionWindow } from '@/lib/recommend/record';
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

/**
 * Whether the opening's read holds the last ranking published: a retrain may have ended between the page's
 * opening and the first read (a panel loaded when first shown), and no change is heard from before it listened.
 */
async function isLatest(early: Promise<EarlyForYou>): Promise<boolean> {
  const [read, published] = await Promise.all([early.catch(() => undefined), publishedSuggestions.getValue()]);
  return Boolean(read) && (!published || read?.record?.at === published.at);
}

/** The background's last ranking, within the window, without the papers acted on since it was made. */
export function useForYou(db: LibraryReader | undefined, stamp: number, windowDays: SuggestionWindow): ForYou {
  const retrained = useChanges(publishedSuggestions);
  // The first window's read began with the page's opening: the first read takes it over, once.
  const [early] = useState(takeEarlyForYou);
  // Once the opening's first rows are shown, the whole window is read.
  const [wholeWindow, setWholeWindow] = useState(false);
  const [forYou] = useRead<ForYou>(
    db &&
      (async () => {
        const begun = windowDays === FIRST_WINDOW && stamp === 0 && retrained === 0 && !wholeWindow ? early : undefined;
        const shown = begun && (await isLatest(begun)) ? await earlyForYou(begun, windowDays) : undefined;
        return shown ?? readForYou(db, windowDays, new Date().toISOString());
      }),
    { state: 'loading' },
    [db, stamp, retrained, windowDays, wholeWindow],
  );
  const partial = forYou.state === 'ready' && forYou.partial === true;
  useEffect(() => {
    if (partial) setWholeWindow(true);
  }, [partial]);
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
  const [read] = useRead<{ id: string; similar: Paper[] } | undefined>(
    searcher && paper ? async () => ({ id: paper.id, similar: await nearestInLibrary(searcher, paper) }) : undefined,
    undefined,
    [searcher, paper?.id],
  );
  // Another paper's neighbours (the detail shown before) are never shown for this one, even while its own are read.
  return read && read.id === paper?.id ? read.similar : undefined;
}
