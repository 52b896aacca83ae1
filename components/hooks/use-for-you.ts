// For you as a page shows it; its own module so that its reads load with the list (ForYouList), not with every opening.
import { useEffect, useState } from 'preact/hooks';
import type { LibraryReader } from '@/lib/library/read';
import { type EarlyForYou, takeEarlyForYou } from '@/lib/recommend/early-read';
import { earlyForYou, type ForYou, readForYou } from '@/lib/recommend/for-you';
import { FIRST_WINDOW, type SuggestionWindow } from '@/lib/recommend/record';
import { publishedSuggestions } from '@/lib/status';
import { useRead } from './use-read';
import { useChanges } from './use-stored';

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
