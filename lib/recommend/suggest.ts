// "For you": the papers seen lately that the user's own signals say are for them, best first, with reasons.
import type { Paper } from '@/lib/paper';
import { paperTerms, type TermCounts } from './features';
import { createScorer, type SuggestionModel, trainModel } from './model';
import { type Suggestion, windowStart } from './record';
import { chosen, isPositive, MIN_POSITIVES, signalOf } from './signals';

export type { Suggestion };
export { MIN_POSITIVES };

/** A paper's terms: paperTerms, or the same counted once beforehand by a caller that needs them twice. */
type TermsOf = (paper: Paper) => TermCounts;

/** The model of a set of papers (the signals and the papers they are told apart from), or null below MIN_POSITIVES. */
export function modelOf(papers: readonly Paper[], termsOf: TermsOf = paperTerms): SuggestionModel | null {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (sorted.filter(isPositive).length < MIN_POSITIVES) return null;
  return trainModel(sorted.map((paper) => ({ counts: termsOf(paper), signal: signalOf(paper) })));
}

/** A paper that may be suggested: seen within the window, with no reading state, not starred, nothing done with it. */
export function isCandidate(paper: Paper, since: string): boolean {
  return paper.lastSeenAt >= since && !paper.readingState && !chosen(paper);
}

export { windowStart };

/** Candidates ranked by the model, best first; ties go to the newer arXiv id. */
export function rankCandidates(
  model: SuggestionModel,
  candidates: readonly Paper[],
  limit = Infinity,
  termsOf: TermsOf = paperTerms,
): Suggestion[] {
  const score = createScorer(model);
  // Reasons are found for the papers kept only.
  return candidates
    .map((paper) => ({ paper, score: score(termsOf(paper), 0).score }))
    .sort((a, b) => b.score - a.score || (a.paper.id < b.paper.id ? 1 : -1))
    .slice(0, limit)
    .map(({ paper }) => ({ id: paper.id, ...score(termsOf(paper)) }));
}

/** For you over a whole library in memory: null when fewer than MIN_POSITIVES papers are wanted. */
export function suggest(
  library: readonly Paper[],
  options: { now: string; windowDays: number; limit?: number },
): Suggestion[] | null {
  const model = modelOf(library);
  if (!model) return null;
  const since = windowStart(options.now, options.windowDays);
  return rankCandidates(
    model,
    library.filter((paper) => isCandidate(paper, since)),
    options.limit,
  );
}
