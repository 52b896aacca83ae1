// A linear model over tf-idf terms, trained on the user's signals: a linear SVM (squared hinge, L2), solved by
// dual coordinate descent as liblinear does, in a fixed order so the same library always gives the same model.
import { idfOf, type SparseVector, type TermCounts, tfidf } from './features';
import type { Signal } from './signals';

export interface Example {
  counts: TermCounts;
  signal: Signal;
}

/** What the model keeps: the terms that weigh most, their weights and idf; every page can score with it. */
export interface SuggestionModel {
  bias: number;
  terms: string[];
  weights: number[];
  idf: number[];
  /** The idf of a term the model does not keep, for a paper's length: a typical one of the corpus. */
  otherIdf: number;
}

/** Terms a model keeps: enough for every reason and nearly all of the score, small enough to hand a page. */
export const MODEL_TERMS = 1500;
const C = 0.5;
const EPOCHS = 40;
const TOLERANCE = 0.01;

/** Each vector's terms as columns, numbered as first met (the order of columns changes no sum); and the terms. */
function numberTerms(vectors: readonly SparseVector[]) {
  const index = new Map<string, number>();
  const columns = vectors.map((vector) =>
    Int32Array.from(vector.terms, (term) => {
      const column = index.get(term);
      if (column !== undefined) return column;
      index.set(term, index.size);
      return index.size - 1;
    }),
  );
  return { columns, terms: [...index.keys()] };
}

/**
 * Weights that tell what the user chose from the rest. What the user said weighs as much in all as what they
 * passed over, however few their signals (class weights balanced, as arxiv-sanity does); a "not interested" weighs
 * like a star, so one is never drowned by the many papers passed over.
 */
function solve(vectors: SparseVector[], columns: Int32Array[], terms: number, signals: Signal[]): Float64Array {
  const weights = new Float64Array(terms + 1); // the last one is the bias, on a constant feature of 1
  const bias = terms;
  const sum = (keep: (signal: Signal) => boolean) =>
    signals.filter(keep).reduce((total, signal) => total + signal.strength, 0);
  const said = sum((signal) => signal.explicit && signal.label === 1);
  const inferred = sum((signal) => !signal.explicit);
  const total = said + inferred;
  const diagonal = signals.map((signal) => {
    const balance = total / (2 * (signal.explicit ? said : inferred));
    return 1 / (2 * C * balance * signal.strength);
  });
  const squaredNorms = vectors.map((vector, i) => 1 + vector.values.reduce((s, v) => s + v * v, 0) + diagonal[i]);
  const alpha = new Float64Array(vectors.length);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let largest = Number.NEGATIVE_INFINITY;
    let smallest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < vectors.length; i++) {
      const { values } = vectors[i];
      const cols = columns[i];
      const label = signals[i].label;
      let margin = weights[bias];
      for (let k = 0; k < cols.length; k++) margin += weights[cols[k]] * values[k];
      const gradient = label * margin - 1 + diagonal[i] * alpha[i];
      const projected = alpha[i] > 0 ? gradient : Math.min(gradient, 0);
      largest = Math.max(largest, projected);
      smallest = Math.min(smallest, projected);
      if (Math.abs(projected) < 1e-12) continue;
      const before = alpha[i];
      alpha[i] = Math.max(before - gradient / squaredNorms[i], 0);
      const step = (alpha[i] - before) * label;
      for (let k = 0; k < cols.length; k++) weights[cols[k]] += step * values[k];
      weights[bias] += step;
    }
    if (largest - smallest < TOLERANCE) break;
  }
  return weights;
}

/**
 * The model learned from `examples` (any order: they are sorted by their terms' content first), or null when
 * there is nothing to tell apart.
 */
export function trainModel(examples: readonly Example[]): SuggestionModel | null {
  if (!examples.some((e) => e.signal.label === 1) || !examples.some((e) => e.signal.label === -1)) return null;
  const idf = idfOf(examples.map((example) => example.counts));
  const vectors = examples.map((example) => tfidf(example.counts, idf, { sorted: false }));
  const { columns, terms } = numberTerms(vectors);
  const weights = solve(
    vectors,
    columns,
    terms.length,
    examples.map((example) => example.signal),
  );
  const kept = terms
    .map((term, i) => [term, i] as const)
    .filter(([, i]) => weights[i] !== 0)
    .sort(([a, i], [b, j]) => Math.abs(weights[j]) - Math.abs(weights[i]) || (a < b ? -1 : 1))
    .slice(0, MODEL_TERMS);
  const idfs = terms.map(idf).sort((a, b) => a - b);
  return {
    bias: weights[terms.length],
    terms: kept.map(([term]) => term),
    weights: kept.map(([, i]) => weights[i]),
    idf: kept.map(([term]) => idf(term)),
    otherIdf: idfs[Math.floor(idfs.length / 2)] ?? 1,
  };
}

export interface Scored {
  score: number;
  /** The terms that weigh most for the paper, strongest first ("policy optimization", "reward model"). */
  reasons: string[];
}

/** How the model rates a paper (its terms, see paperTerms), and why: the same on every page, from its own text. */
export function createScorer(model: SuggestionModel) {
  const weightOf = new Map(model.terms.map((term, i) => [term, model.weights[i]]));
  const idfOfTerm = new Map(model.terms.map((term, i) => [term, model.idf[i]]));
  const idf = (term: string) => idfOfTerm.get(term) ?? model.otherIdf;
  return (counts: TermCounts, reasonCount = 3): Scored => {
    const vector = tfidf(counts, idf, { sorted: false });
    let score = model.bias;
    const parts: [string, number][] = [];
    vector.terms.forEach((term, i) => {
      const weight = weightOf.get(term);
      if (weight === undefined) return;
      const part = weight * vector.values[i];
      score += part;
      if (part > 0 && reasonCount > 0) parts.push([term, part]);
    });
    parts.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    const reasons: string[] = [];
    for (const [term] of parts) {
      if (reasons.length === reasonCount) break;
      // A word already said by a phrase (or a phrase of a word already said) adds nothing.
      if (reasons.some((reason) => reason.split(' ').includes(term) || term.split(' ').includes(reason))) continue;
      reasons.push(term);
    }
    return { score, reasons };
  };
}
