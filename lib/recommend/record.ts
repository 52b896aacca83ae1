import type { LibraryReader } from '@/lib/library/read';
import type { SuggestionModel } from './model';
import type { Suggestion } from './suggest';

/** The `meta` key of the last ranking, written by the background after every retrain. */
export const SUGGESTIONS_KEY = 'suggestions';

export interface RankedSuggestion extends Suggestion {
  /** When the paper was last seen: a page shows the last 7 or 30 days of the one ranking. */
  lastSeenAt: string;
}

/** For you as the background left it: best first over the longest window, or why there is none. */
export interface SuggestionsRecord {
  at: string;
  /** Papers the user showed they want (the model needs MIN_POSITIVES). */
  positives: number;
  model: SuggestionModel | null;
  ranked: RankedSuggestion[];
}

/** The windows For you offers, in days; the ranking covers the longest. */
export const SUGGESTION_WINDOWS = [7, 30] as const;
export type SuggestionWindow = (typeof SUGGESTION_WINDOWS)[number];

/** The last For you ranking the background stored, if any. */
export async function storedSuggestions(db: LibraryReader): Promise<SuggestionsRecord | undefined> {
  return (await db.get('meta', SUGGESTIONS_KEY)) as SuggestionsRecord | undefined;
}
