// Which cards of a list page are marked "for you": the papers the user's own model ranks in the page's top tenth.

import { type PaperText, paperTerms } from '@/lib/recommend/features';
import type { SuggestionModel } from '@/lib/recommend/model';
import { createScorer } from '@/lib/recommend/model';

/** Each paper's score under `model`, from the text the page shows of it. */
export function scorePage(
  model: SuggestionModel,
  papers: readonly (PaperText & { id: string })[],
): Map<string, number> {
  const score = createScorer(model);
  return new Map(papers.map((paper) => [paper.id, score(paperTerms(paper), 0).score]));
}

/** The top tenth of the page's cards (at least one), among the papers scored that the user has not decided on. */
export function forYouOnPage(
  cardIds: readonly string[],
  scores: ReadonlyMap<string, number>,
  decided: (id: string) => boolean,
): Set<string> {
  const ids = [...new Set(cardIds)];
  const places = Math.max(1, Math.ceil(ids.length / 10));
  const ranked = ids
    .filter((id) => scores.has(id) && !decided(id))
    .sort((a, b) => (scores.get(b) as number) - (scores.get(a) as number) || (a < b ? 1 : -1));
  return new Set(ranked.slice(0, places));
}
