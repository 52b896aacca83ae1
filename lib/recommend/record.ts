import type { LibraryReader } from '@/lib/library/read';
import type { SuggestionModel } from './model';

/**
 * The `meta` key of the last ranking, written by the background after every retrain. A page reads it on every
 * opening, so it holds the ranking only, never the model (which pages get through the published suggestions).
 */
export const FOR_YOU_KEY = 'forYou';
/** Where rankings were kept with their model before: removed when the next one is stored. */
export const FORMER_SUGGESTIONS_KEY = 'suggestions';

/** A paper suggested: how the model rates it, and the terms that weigh most for it. */
export interface Suggestion {
  id: string;
  score: number;
  reasons: string[];
}

export interface RankedSuggestion extends Suggestion {
  /** When the paper was last seen: a page shows the last 7 or 30 days of the one ranking. */
  lastSeenAt: string;
}

/** For you as the background left it: best first over the longest window, or why there is none. */
export interface StoredSuggestions {
  at: string;
  /** Papers the user showed they want (the model needs MIN_POSITIVES). */
  positives: number;
  /** A model was learned (enough papers wanted): `ranked` is its ranking. */
  learned: boolean;
  ranked: RankedSuggestion[];
}

/** A retrain's outcome: what is stored, and the model the pages score their own cards with. */
export interface SuggestionsRecord extends StoredSuggestions {
  model: SuggestionModel | null;
}

/** The windows For you offers, in days; the ranking covers the longest. */
export const SUGGESTION_WINDOWS = [7, 30] as const;
export type SuggestionWindow = (typeof SUGGESTION_WINDOWS)[number];

/** The window For you opens with. */
export const FIRST_WINDOW: SuggestionWindow = 7;

/** Suggestions a page reads for a window: twice what it shows, as some may have been acted on since the ranking. */
export const ROWS_READ = 60;

const DAY = 86_400_000;

/** When a window of `windowDays` ending at `now` (ISO) begins. */
export const windowStart = (now: string, windowDays: number) =>
  new Date(Date.parse(now) - windowDays * DAY).toISOString();

/** The first ROWS_READ suggestions of the ranking seen within `windowDays` before `now` (ISO). */
export function suggestionsWithin(
  record: StoredSuggestions,
  windowDays: SuggestionWindow,
  now: string,
): RankedSuggestion[] {
  const since = windowStart(now, windowDays);
  return record.ranked.filter((entry) => entry.lastSeenAt >= since).slice(0, ROWS_READ);
}

/** What is stored of a retrain's outcome. */
export function toStored({ model, ...stored }: SuggestionsRecord): StoredSuggestions {
  return stored;
}

/** The last For you ranking the background stored, if any. */
export async function storedSuggestions(db: LibraryReader): Promise<StoredSuggestions | undefined> {
  return (await db.get('meta', FOR_YOU_KEY)) as StoredSuggestions | undefined;
}
