// "Similar papers": the papers nearest in content (tf-idf cosine over title, keywords and abstract). No signals needed.
import type { Paper } from '@/lib/paper';
import { cosine, idfOf, paperTerms, tfidf } from './features';

export interface Neighbour {
  id: string;
  score: number;
}

/** Up to `limit` papers of `library` nearest to `target`, nearest first; idf from `library` and the target. */
export function similarTo(target: Paper, library: readonly Paper[], limit = 10): Neighbour[] {
  const others = library.filter((paper) => paper.id !== target.id);
  const counts = others.map(paperTerms);
  const targetCounts = paperTerms(target);
  const idf = idfOf([targetCounts, ...counts]);
  const vector = tfidf(targetCounts, idf);
  return others
    .map((paper, i) => ({ id: paper.id, score: cosine(vector, tfidf(counts[i], idf)) }))
    .filter((neighbour) => neighbour.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1))
    .slice(0, limit);
}
