// For you as a page shows it: the background's last ranking, within the window, without the papers acted on since
// it was made. Read with the page's opening when it can be (early-read.ts), else when the list asks.
import { getPapers, isPaper, type LibraryReader } from '@/lib/library/read';
import { toPaper } from '@/lib/library/stored';
import type { Paper, StoredPaper } from '@/lib/paper';
import type { EarlyForYou } from './early-read';
import {
  type StoredSuggestions,
  type SuggestionWindow,
  storedSuggestions,
  suggestionsWithin,
  windowStart,
} from './record';
import { MIN_POSITIVES } from './signals';
import { isCandidate } from './suggest';

export interface ForYouItem {
  paper: Paper;
  reasons: string[];
}

export type ForYou =
  | { state: 'loading' }
  /** Too few papers chosen yet: how many more it takes. */
  | { state: 'learning'; missing: number }
  /** `partial`: only the first rows were read (with the page's opening); the rest of the window is still to read. */
  | { state: 'ready'; items: ForYouItem[]; partial?: boolean };

/** Shown at most: a morning's reading and then some. */
export const FOR_YOU_ROWS = 30;

/** For you from a stored ranking and the papers of its window (`papers[i]` for the window's i-th suggestion). */
export function forYouOf(
  record: StoredSuggestions | undefined,
  windowDays: SuggestionWindow,
  now: string,
  papers: readonly (Paper | undefined)[],
): ForYou {
  if (!record?.learned) return { state: 'learning', missing: Math.max(1, MIN_POSITIVES - (record?.positives ?? 0)) };
  const since = windowStart(now, windowDays);
  const items = suggestionsWithin(record, windowDays, now)
    .map((entry, i) => ({ paper: papers[i], reasons: entry.reasons }))
    .filter((item): item is ForYouItem => isPaper(item.paper) && isCandidate(item.paper, since))
    .slice(0, FOR_YOU_ROWS);
  return { state: 'ready', items };
}

/** For you as the library holds it now. */
export async function readForYou(db: LibraryReader, windowDays: SuggestionWindow, now: string): Promise<ForYou> {
  const record = await storedSuggestions(db);
  const wanted = record?.learned ? suggestionsWithin(record, windowDays, now) : [];
  const papers = await getPapers(
    db,
    wanted.map((entry) => entry.id),
  );
  return forYouOf(record, windowDays, now, papers);
}

/** For you from the read the page's opening began (see early-read.ts), its first rows; undefined if it failed. */
export async function earlyForYou(
  early: Promise<EarlyForYou>,
  windowDays: SuggestionWindow,
): Promise<ForYou | undefined> {
  const read = await early.catch(() => undefined);
  if (!read) return undefined;
  const papers = read.papers.map((stored) => (stored ? toPaper(stored as StoredPaper) : undefined));
  const shown = forYouOf(read.record, windowDays, read.at, papers);
  const unread = read.record?.learned && suggestionsWithin(read.record, windowDays, read.at).length > papers.length;
  return shown.state === 'ready' && unread ? { ...shown, partial: true } : shown;
}
