// "For you": the papers seen lately that the user's own signals say are for them, best first, with reasons.
import type { Paper } from '@/lib/paper';
import { runSteps, type Steps } from '@/lib/tasks';
import { createNumberedScorer, type SuggestionModel, training } from './model';
import { type Suggestion, windowStart } from './record';
import { chosen, isPositive, MIN_POSITIVES, signalOf } from './signals';
import { countTerms, type TermNumbering } from './term-numbers';

export type { Suggestion };
export { MIN_POSITIVES };

/**
 * The model of a set of papers (the signals and the papers they are told apart from), or null below MIN_POSITIVES.
 * `terms` numbers their terms: counted anew, or kept from before by a caller that counts them often.
 */
export function modelOf(papers: readonly Paper[], terms: TermNumbering = countTerms()): SuggestionModel | null {
  return runSteps(modelSteps(papers, terms));
}

/** modelOf as steps (see trainModel's). */
export function* modelSteps(papers: readonly Paper[], terms: TermNumbering): Steps<SuggestionModel | null> {
  // In the order of their ids, whatever order they came in: the same papers always give the same model.
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (sorted.filter(isPositive).length < MIN_POSITIVES) return null;
  const examples = sorted.map((paper) => ({ terms: terms.termsOf(paper), signal: signalOf(paper) }));
  return yield* training(examples, terms.vocabulary);
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
  terms: TermNumbering = countTerms(),
): Suggestion[] {
  return runSteps(rankingSteps(model, candidates, terms, limit));
}

/** Candidates scored between pauses. */
const SCORED_PER_STEP = 100;

/** rankCandidates as steps: it may be paused after each SCORED_PER_STEP candidates scored. */
export function* rankingSteps(
  model: SuggestionModel,
  candidates: readonly Paper[],
  terms: TermNumbering,
  limit = Infinity,
): Steps<Suggestion[]> {
  const score = createNumberedScorer(model, terms.vocabulary);
  const scored: { paper: Paper; score: number }[] = [];
  for (const paper of candidates) {
    scored.push({ paper, score: score(terms.termsOf(paper), 0).score });
    if (scored.length % SCORED_PER_STEP === 0) yield;
  }
  // Reasons are found for the papers kept only.
  return scored
    .sort((a, b) => b.score - a.score || (a.paper.id < b.paper.id ? 1 : -1))
    .slice(0, limit)
    .map(({ paper }) => ({ id: paper.id, ...score(terms.termsOf(paper)) }));
}

/** For you over a whole library in memory: null when fewer than MIN_POSITIVES papers are wanted. */
export function suggest(
  library: readonly Paper[],
  options: { now: string; windowDays: number; limit?: number },
): Suggestion[] | null {
  const terms = countTerms();
  const model = modelOf(library, terms);
  if (!model) return null;
  const since = windowStart(options.now, options.windowDays);
  return rankCandidates(
    model,
    library.filter((paper) => isCandidate(paper, since)),
    options.limit,
    terms,
  );
}
