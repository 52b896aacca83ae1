// A linear model over tf-idf terms, trained on the user's signals: a linear SVM (squared hinge, L2), solved by
// dual coordinate descent as liblinear does, in a fixed order so the same library always gives the same model.

import { runSteps, type Steps } from '@/lib/tasks';
import { inverseFrequency, type TermCounts } from './features';
import type { Signal } from './signals';
import type { NumberedTerms, Vocabulary } from './term-numbers';

export interface Example {
  terms: NumberedTerms;
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
 * The examples as unit-length tf-idf rows whose columns are the vocabulary's numbers, and each term's document
 * frequency counted with them: the same values as `tfidf` with `idfOf` of the examples, with no string looked up.
 */
function tfidfColumns(examples: readonly Example[], vocabulary: Vocabulary) {
  const frequency = new Uint32Array(vocabulary.size);
  for (const { terms } of examples) for (const number of terms.numbers) frequency[number]++;
  const present: number[] = [];
  const idf = new Float64Array(vocabulary.size);
  for (let number = 0; number < frequency.length; number++) {
    if (frequency[number] === 0) continue;
    present.push(number);
    idf[number] = inverseFrequency(examples.length, frequency[number]);
  }
  const rows = examples.map(({ terms: { numbers, counts } }) => {
    const values = new Float64Array(numbers.length);
    let norm = 0;
    for (let k = 0; k < numbers.length; k++) {
      const value = (1 + Math.log(counts[k])) * idf[numbers[k]];
      values[k] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < values.length; k++) values[k] /= norm;
    return values;
  });
  return { columns: examples.map(({ terms }) => terms.numbers), rows, idf, present };
}

/**
 * Weights that tell what the user chose from the rest. What the user said weighs as much in all as what they
 * passed over, however few their signals (class weights balanced, as arxiv-sanity does); a "not interested" weighs
 * like a star, so one is never drowned by the many papers passed over.
 */
function* solve(rows: Float64Array[], columns: Uint32Array[], terms: number, signals: Signal[]): Steps<Float64Array> {
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
 * The MODEL_TERMS terms of largest weight (ties by the term), as [term, column], among the `present` columns. Only
 * those at or above the MODEL_TERMS-th largest weight are sorted: the rest of the corpus's terms never are.
 */
function weightiest(
  present: readonly number[],
  terms: readonly string[],
  weights: Float64Array,
): (readonly [string, number])[] {
  const sizes = Float64Array.from(present, (column) => Math.abs(weights[column])).sort();
  const least = Math.max(sizes[sizes.length - MODEL_TERMS] ?? 0, Number.MIN_VALUE); // a zero weight is never kept
  return present
    .filter((column) => Math.abs(weights[column]) >= least)
    .map((column) => [terms[column], column] as const)
    .sort(([a, i], [b, j]) => Math.abs(weights[j]) - Math.abs(weights[i]) || (a < b ? -1 : 1))
    .slice(0, MODEL_TERMS);
}

/**
 * The model learned from `examples` (their terms numbered in `vocabulary`), or null when there is nothing to tell
 * apart. The same examples in the same order always give the same model.
 */
export function trainModel(examples: readonly Example[], vocabulary: Vocabulary): SuggestionModel | null {
  return runSteps(training(examples, vocabulary));
}

/** trainModel as steps: it may be paused after its features are counted and after each pass over the examples. */
export function* training(examples: readonly Example[], vocabulary: Vocabulary): Steps<SuggestionModel | null> {
  if (!examples.some((e) => e.signal.label === 1) || !examples.some((e) => e.signal.label === -1)) return null;
  const { columns, rows, idf, present } = tfidfColumns(examples, vocabulary);
  yield;
  const bias = vocabulary.size;
  const weights = yield* solve(
    rows,
    columns,
    bias,
    examples.map((example) => example.signal),
  );
  const kept = weightiest(present, vocabulary.terms, weights);
  // Sorted natively (a typed array needs no comparator): the corpus has hundreds of thousands of terms.
  const idfs = Float64Array.from(present, (column) => idf[column]).sort();
  return {
    bias: weights[bias],
    terms: kept.map(([term]) => term),
    weights: kept.map(([, column]) => weights[column]),
    idf: kept.map(([, column]) => idf[column]),
    otherIdf: idfs[Math.floor(idfs.length / 2)] ?? 1,
  };
}

export interface Scored {
  score: number;
  /** The terms that weigh most for the paper, strongest first ("policy optimization", "reward model"). */
  reasons: string[];
}

/**
 * A paper's score and reasons from its terms' model columns (-1: a term the model does not keep) and counts, in
 * the order the paper says them: its tf-idf as `tfidf` computes it, times the model's weights.
 */
function scoreColumns(model: SuggestionModel, columns: Int32Array, counts: ArrayLike<number>, reasonCount: number) {
  const values = new Float64Array(columns.length);
  let norm = 0;
  for (let k = 0; k < columns.length; k++) {
    const column = columns[k];
    const value = (1 + Math.log(counts[k])) * (column < 0 ? model.otherIdf : model.idf[column]);
    values[k] = value;
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
}

/** How the model rates a paper (its terms, see paperTerms), and why: the same on every page, from its own text. */
export function createScorer(model: SuggestionModel) {
  const columnOf = new Map(model.terms.map((term, i) => [term, i]));
  return (counts: TermCounts, reasonCount = 3): Scored => {
    const columns = new Int32Array(counts.size);
    const values = new Float64Array(counts.size);
    let k = 0;
    for (const [term, count] of counts) {
      columns[k] = columnOf.get(term) ?? -1;
      values[k++] = count;
    }
    return scoreColumns(model, columns, values, reasonCount);
  };
}

/** createScorer for terms numbered in `vocabulary`: the same score and reasons, with no term looked up by its text. */
export function createNumberedScorer(model: SuggestionModel, vocabulary: Vocabulary) {
  const numbers = model.terms.map((term) => vocabulary.numberOf(term));
  const columnOf = new Int32Array(vocabulary.size).fill(-1);
  numbers.forEach((number, column) => {
    columnOf[number] = column;
  });
  return ({ numbers, counts }: NumberedTerms, reasonCount = 3): Scored => {
    const columns = new Int32Array(numbers.length);
    // A term numbered after this scorer was made is none of the model's: those were numbered first.
    for (let k = 0; k < numbers.length; k++) columns[k] = numbers[k] < columnOf.length ? columnOf[numbers[k]] : -1;
    return scoreColumns(model, columns, counts, reasonCount);
  };
}
