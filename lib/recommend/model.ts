// A linear model over tf-idf terms, trained on the user's signals: a linear SVM (squared hinge, L2), solved by
// dual coordinate descent as liblinear does, in a fixed order so the same library always gives the same model.

import { runSteps, type Steps } from '@/lib/tasks';
import { inverseFrequency, type TermCounts } from './features';
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

/**
 * The examples as unit-length tf-idf rows over numbered columns, in one pass over their terms: each term is numbered
 * as first met (the order of columns changes no sum) and its document frequency counted with it. The same values
 * as `tfidf` with `idfOf` of the examples, for a fraction of the lookups.
 */
function tfidfColumns(examples: readonly Example[]) {
  const index = new Map<string, number>();
  const frequency: number[] = [];
  const columns = examples.map(({ counts }) => {
    const row = new Int32Array(counts.size);
    let k = 0;
    for (const term of counts.keys()) {
      let column = index.get(term);
      if (column === undefined) {
        column = index.size;
        index.set(term, column);
        frequency.push(0);
      }
      frequency[column]++;
      row[k++] = column;
    }
    return row;
  });
  const idf = Float64Array.from(frequency, (count) => inverseFrequency(examples.length, count));
  const rows = examples.map(({ counts }, i) => {
    const row = columns[i];
    const values = new Float64Array(row.length);
    let norm = 0;
    let k = 0;
    for (const count of counts.values()) {
      const value = (1 + Math.log(count)) * idf[row[k]];
      values[k++] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < values.length; j++) values[j] /= norm;
    return values;
  });
  return { columns, rows, idf, terms: [...index.keys()] };
}

/**
 * Weights that tell what the user chose from the rest. What the user said weighs as much in all as what they
 * passed over, however few their signals (class weights balanced, as arxiv-sanity does); a "not interested" weighs
 * like a star, so one is never drowned by the many papers passed over.
 */
function* solve(rows: Float64Array[], columns: Int32Array[], terms: number, signals: Signal[]): Steps<Float64Array> {
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
  const squaredNorms = rows.map((values, i) => 1 + values.reduce((s, v) => s + v * v, 0) + diagonal[i]);
  const alpha = new Float64Array(rows.length);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let largest = Number.NEGATIVE_INFINITY;
    let smallest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < rows.length; i++) {
      const values = rows[i];
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
    yield;
  }
  return weights;
}

/**
 * The MODEL_TERMS terms of largest weight (ties by the term), as [term, column]. Only those at or above the
 * MODEL_TERMS-th largest weight are sorted: the rest of the corpus's terms never are.
 */
function weightiest(terms: readonly string[], weights: Float64Array): (readonly [string, number])[] {
  const sizes = Float64Array.from(terms, (_, i) => Math.abs(weights[i])).sort();
  const least = Math.max(sizes[sizes.length - MODEL_TERMS] ?? 0, Number.MIN_VALUE); // a zero weight is never kept
  return terms
    .map((term, i) => [term, i] as const)
    .filter(([, i]) => Math.abs(weights[i]) >= least)
    .sort(([a, i], [b, j]) => Math.abs(weights[j]) - Math.abs(weights[i]) || (a < b ? -1 : 1))
    .slice(0, MODEL_TERMS);
}

/**
 * The model learned from `examples` (any order: they are sorted by their terms' content first), or null when
 * there is nothing to tell apart.
 */
export function trainModel(examples: readonly Example[]): SuggestionModel | null {
  return runSteps(training(examples));
}

/** trainModel as steps: it may be paused after its features are counted and after each pass over the examples. */
export function* training(examples: readonly Example[]): Steps<SuggestionModel | null> {
  if (!examples.some((e) => e.signal.label === 1) || !examples.some((e) => e.signal.label === -1)) return null;
  const { columns, rows, idf, terms } = tfidfColumns(examples);
  yield;
  const weights = yield* solve(
    rows,
    columns,
    terms.length,
    examples.map((example) => example.signal),
  );
  const kept = weightiest(terms, weights);
  // Sorted natively (a typed array needs no comparator): the corpus has hundreds of thousands of terms.
  const idfs = idf.slice().sort();
  return {
    bias: weights[terms.length],
    terms: kept.map(([term]) => term),
    weights: kept.map(([, i]) => weights[i]),
    idf: kept.map(([, i]) => idf[i]),
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
  const columnOf = new Map(model.terms.map((term, i) => [term, i]));
  return (counts: TermCounts, reasonCount = 3): Scored => {
    // The paper's tf-idf (as `tfidf` computes it), each term looked up once: its column, if the model keeps it.
    const columns = new Int32Array(counts.size);
    const values = new Float64Array(counts.size);
    let norm = 0;
    let k = 0;
    for (const [term, count] of counts) {
      const column = columnOf.get(term) ?? -1;
      const value = (1 + Math.log(count)) * (column < 0 ? model.otherIdf : model.idf[column]);
      columns[k] = column;
      values[k++] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    let score = model.bias;
    const parts: [number, number][] = [];
    for (let i = 0; i < values.length; i++) {
      const column = columns[i];
      if (column < 0) continue;
      const part = model.weights[column] * (values[i] / norm);
      score += part;
      if (part > 0 && reasonCount > 0) parts.push([column, part]);
    }
    const named = parts.map(([column, part]) => [model.terms[column], part] as const);
    named.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    const reasons: string[] = [];
    for (const [term] of named) {
      if (reasons.length === reasonCount) break;
      // A word already said by a phrase (or a phrase of a word already said) adds nothing.
      if (reasons.some((reason) => reason.split(' ').includes(term) || term.split(' ').includes(reason))) continue;
      reasons.push(term);
    }
    return { score, reasons };
  };
}
