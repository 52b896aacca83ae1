// "For you": the papers seen lately that the user's own signals say are for them, best first, with reasons.
import type { Paper } from '@/lib/paper';
import { runSteps, type Steps } from '@/lib/tasks';
import { paperTerms, type TermCounts } from './features';
import { createScorer, type SuggestionModel, training } from './model';
import { type Suggestion, windowStart } from './record';
import { chosen, isPositive, MIN_POSITIVES, signalOf } from './signals';

export type { Suggestion };
export { MIN_POSITIVES };

/** A paper's terms: paperTerms, or the same counted once beforehand by a caller that needs them twice. */
type TermsOf = (paper: Paper) => TermCounts;

/** The model of a set of papers (the signals and the papers they are told apart from), or null below MIN_POSITIVES. */
export function modelOf(papers: readonly Paper[], termsOf: TermsOf = paperTerms): SuggestionModel | null {
  return runSteps(modelSteps(papers, termsOf));
}

/** modelOf as steps (see trainModel's). */
export function* modelSteps(papers: readonly Paper[], termsOf: TermsOf = paperTerms): Steps<SuggestionModel | null> {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (sorted.filter(isPositive).length < MIN_POSITIVES) return null;
  return yield* training(sorted.map((paper) => ({ counts: termsOf(paper), signal: signalOf(paper) })));
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
  return runSteps(rankingSteps(model, candidates, limit, termsOf));
}

/** Candidates scored between pauses. */
const SCORED_PER_STEP = 100;

/** rankCandidates as steps: it may be paused after each SCORED_PER_STEP candidates scored. */
export function* rankingSteps(
  model: SuggestionModel,
  candidates: readonly Paper[],
  limit = Infinity,
  termsOf: TermsOf = paperTerms,
): Steps<Suggestion[]> {
  const score = createScorer(model);
  const scored: { paper: Paper; score: number }[] = [];
  for (const paper of candidates) {
    scored.push({ paper, score: score(termsOf(paper), 0).score });
    if (scored.length % SCORED_PER_STEP === 0) yield;
  }
  // Reasons are found for the papers kept only.
  return scored
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
