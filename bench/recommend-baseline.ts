// arxiv-sanity-lite's recommender, as its compute.py and serve.py make it, in TypeScript: scikit-learn's
// TfidfVectorizer with the settings compute.py passes, and a LinearSVC (liblinear's dual coordinate descent for the
// L2-regularised squared hinge loss) trained on the starred papers against all the others, ranked by its decision
// function. Plus tf-idf cosine neighbours, the usual content baseline for "Similar papers".
import type { Paper } from '@/lib/paper';
import { random } from './synthetic-library';

/** compute.py's TfidfVectorizer: min_df=5 papers, max_df=10 % of papers, max_features=20,000; (1, 2)-grams. */
export interface TfidfOptions {
  /** A term in fewer papers is dropped (a count). */
  minDf: number;
  /** A term in more than this share of papers is dropped. */
  maxDf: number;
  /** The most frequent terms kept, by their count over all papers. */
  maxFeatures: number;
}
export const ARXIV_SANITY_TFIDF: TfidfOptions = { minDf: 5, maxDf: 0.1, maxFeatures: 20_000 };

/** The LinearSVC of serve.py (max_iter=10000, tol=1e-6, class_weight='balanced'), at the C this benchmark is set at. */
export interface SvcOptions {
  C: number;
  maxIter: number;
  tol: number;
  /** liblinear shuffles the order of the papers each pass; a fixed seed makes every run the same. */
  seed: number;
}
// arxiv-sanity-lite's own default (serve.py, send_emails.py) is C=0.01.
export const ARXIV_SANITY_SVC: SvcOptions = { C: 0.1, maxIter: 10_000, tol: 1e-6, seed: 1 };

// scikit-learn's stop_words='english' (the Glasgow IR group's list), less "couldn't", "hasn't" and "no one", which
// its token pattern can never produce.
const ENGLISH_STOP_WORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among
  amongst amount an and another any anyhow anyone anything anyway anywhere are around as at back be became because
  become becomes becoming been before beforehand behind being below beside besides between beyond bill both bottom but
  by call can cannot cant co con could cry de describe detail do done down due during each eg eight either eleven else
  elsewhere empty enough etc even ever every everyone everything everywhere except few fifteen fifty fill find fire
  first five for former formerly forty found four from front full further get give go had has have he hence her here
  hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in inc indeed interest
  into is it its itself keep last latter latterly least less ltd made many may me meanwhile might mill mine more
  moreover most mostly move much must my myself name namely neither never nevertheless next nine no nobody none nor not
  nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
  part per perhaps please put rather re same see seem seemed seeming seems serious several she should show side since
  sincere six sixty so some somehow someone something sometime sometimes somewhere still such system take ten than
  that the their them themselves then thence there thereafter thereby therefore therein thereupon these they thick
  thin third this those though three through throughout thru thus to together too top toward towards twelve twenty two
  un under until up upon us very via was we well were what whatever when whence whenever where whereafter whereas
  whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within
  without would yet you your yours yourself yourselves`.split(/\s+/),
);

// compute.py's token_pattern (?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b: Python's \b is Unicode-aware, JavaScript's is not.
const TOKEN = /(?<![\p{L}\p{N}_])[a-zA-Z_][a-zA-Z0-9_]+(?![\p{L}\p{N}_])/gu;

/** scikit-learn's word analyzer as compute.py sets it: lowercase, accents stripped, stop words out, then 1- and 2-grams. */
export function analyze(text: string): string[] {
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '');
  const words = (folded.match(TOKEN) ?? []).filter((word) => !ENGLISH_STOP_WORDS.has(word));
  const terms = [...words];
  for (let at = 0; at + 1 < words.length; at++) terms.push(`${words[at]} ${words[at + 1]}`);
  return terms;
}

/** What compute.py feeds the vectorizer: title, abstract and author names, joined by spaces. */
export const paperText = (paper: Paper) => [paper.title, paper.abstract ?? '', paper.authors.join(' ')].join(' ');

/** One paper's features, sorted by term index. */
export interface SparseRow {
  indices: Int32Array;
  values: Float32Array;
}

export interface TfidfFeatures {
  /** The kept terms, in scikit-learn's order (sorted). */
  terms: string[];
  idf: Float64Array;
  rows: SparseRow[];
}

/** fit_transform: sublinear tf, smooth idf, rows of unit length; float32 values, as compute.py stores them. */
export function tfidf(documents: readonly string[], options: TfidfOptions = ARXIV_SANITY_TFIDF): TfidfFeatures {
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const total: number[] = [];
  const counts = documents.map((document) => {
    const count = new Map<number, number>();
    for (const term of analyze(document)) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        df.push(0);
        total.push(0);
      }
      count.set(id, (count.get(id) ?? 0) + 1);
      total[id]++;
    }
    for (const id of count.keys()) df[id]++;
    return count;
  });
  const high = options.maxDf * documents.length;
  if (high < options.minDf) throw new Error('max_df corresponds to < documents than min_df');
  let kept = [...termIds].filter(([, id]) => df[id] >= options.minDf && df[id] <= high);
  if (kept.length > options.maxFeatures) {
    // scikit-learn's tie order among equal counts is numpy's unstable argsort; terms in sorted order stand in for it.
    kept.sort(([a, x], [b, y]) => total[y] - total[x] || (a < b ? -1 : 1));
    kept = kept.slice(0, options.maxFeatures);
  }
  if (!kept.length) throw new Error('After pruning, no terms remain. Try a lower min_df or a higher max_df.');
  kept.sort(([a], [b]) => (a < b ? -1 : 1));
  const column = new Map(kept.map(([, id], index) => [id, index]));
  const idf = Float64Array.from(kept, ([, id]) => Math.log((documents.length + 1) / (df[id] + 1)) + 1);
  const rows = counts.map((count) => {
    const cells = [...count].flatMap(([id, n]) => {
      const at = column.get(id);
      return at === undefined ? [] : [[at, (1 + Math.log(n)) * idf[at]]];
    });
    cells.sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, value] of cells) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    return {
      indices: Int32Array.from(cells, ([at]) => at),
      values: Float32Array.from(cells, ([, value]) => value / norm),
    };
  });
  return { terms: kept.map(([term]) => term), idf, rows };
}

export interface LinearModel {
  weights: Float64Array;
  bias: number;
  /** Passes over the data; maxIter means it stopped before the tolerance was met. */
  iterations: number;
}

const dotRow = (weights: Float64Array, row: SparseRow) => {
  let sum = 0;
  for (let k = 0; k < row.indices.length; k++) sum += weights[row.indices[k]] * row.values[k];
  return sum;
};

export const decision = (model: LinearModel, row: SparseRow) => dotRow(model.weights, row) + model.bias;

/**
 * LinearSVC(loss='squared_hinge', penalty='l2', dual=True, fit_intercept=True, intercept_scaling=1,
 * class_weight='balanced'): liblinear's solve_l2r_l1l2_svc with its shrinking. The intercept is a constant feature
 * of 1 and is regularised, as in liblinear. Balanced weights give each class n / (2 · its size) times C.
 */
export function linearSvc(
  rows: readonly SparseRow[],
  dimensions: number,
  positive: readonly boolean[],
  options: SvcOptions = ARXIV_SANITY_SVC,
): LinearModel {
  const l = rows.length;
  const positives = positive.filter(Boolean).length;
  if (positives === 0 || positives === l) throw new Error('LinearSVC needs papers of both classes');
  const cost = [options.C * (l / (2 * (l - positives))), options.C * (l / (2 * positives))];
  const y = Int8Array.from(positive, (is) => (is ? 1 : -1));
  const diag = Float64Array.from(positive, (is) => 0.5 / cost[is ? 1 : 0]);
  const qd = Float64Array.from(rows, (row, i) => {
    let sum = diag[i] + 1;
    for (const value of row.values) sum += value * value;
    return sum;
  });
  const weights = new Float64Array(dimensions);
  let bias = 0;
  const alpha = new Float64Array(l);
  const index = Int32Array.from({ length: l }, (_, i) => i);
  const next = random(options.seed);
  let active = l;
  // The squared hinge has no upper bound on alpha, so only liblinear's lower-bound shrinking (PGmax_old) applies.
  let pgMaxOld = Number.POSITIVE_INFINITY;
  let iteration = 0;
  while (iteration < options.maxIter) {
    let pgMax = Number.NEGATIVE_INFINITY;
    let pgMin = Number.POSITIVE_INFINITY;
    for (let i = 0; i < active; i++) {
      const j = i + Math.floor(next() * (active - i));
      [index[i], index[j]] = [index[j], index[i]];
    }
    for (let s = 0; s < active; s++) {
      const i = index[s];
      const row = rows[i];
      const g = y[i] * (dotRow(weights, row) + bias) - 1 + alpha[i] * diag[i];
      let pg = 0;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          // Shrinking: a paper well on its side of the margin leaves the active set until the last check.
          active--;
          [index[s], index[active]] = [index[active], index[s]];
          s--;
          continue;
        }
        if (g < 0) pg = g;
      } else pg = g;
      pgMax = Math.max(pgMax, pg);
      pgMin = Math.min(pgMin, pg);
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i];
        alpha[i] = Math.max(old - g / qd[i], 0);
        const step = (alpha[i] - old) * y[i];
        for (let k = 0; k < row.indices.length; k++) weights[row.indices[k]] += step * row.values[k];
        bias += step;
      }
    }
    iteration++;
    if (pgMax - pgMin <= options.tol) {
      if (active === l) break;
      active = l;
      pgMaxOld = Number.POSITIVE_INFINITY;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Number.POSITIVE_INFINITY : pgMax;
  }
  return { weights, bias, iterations: iteration };
}

/** A library's arxiv-sanity features, computed once and shared by every user of that library. */
export interface BaselineIndex {
  ids: string[];
  features: TfidfFeatures;
}

export function baselineIndex(library: readonly Paper[], options: TfidfOptions = ARXIV_SANITY_TFIDF): BaselineIndex {
  return { ids: library.map((paper) => paper.id), features: tfidf(library.map(paperText), options) };
}

type WithReadingState = Paper & { readingState?: string | null };

/** suggest()'s candidates, so both rank the same papers: arxiv-sanity's time_filter plus skip_have. */
export function isCandidate(paper: Paper, now: number, windowDays: number): boolean {
  const seen = Date.parse(paper.lastSeenAt);
  return (
    seen <= now && now - seen < windowDays * 86_400_000 && !paper.starred && !(paper as WithReadingState).readingState
  );
}

/** serve.py's svm_rank for a tag (here the stars), then the candidates, best first; null without a star. */
export function baselineSuggest(
  index: BaselineIndex,
  library: readonly Paper[],
  options: { now: string; windowDays: number; limit?: number; svc?: SvcOptions },
): { id: string; score: number }[] | null {
  const positive = library.map((paper) => paper.starred);
  if (!positive.includes(true)) return null;
  const { rows, terms } = index.features;
  const model = linearSvc(rows, terms.length, positive, options.svc);
  const now = Date.parse(options.now);
  return library
    .flatMap((paper, at) =>
      isCandidate(paper, now, options.windowDays) ? [{ id: paper.id, score: decision(model, rows[at]) }] : [],
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, options.limit ?? 10);
}

const ranked = (index: BaselineIndex, target: number, scores: (row: SparseRow) => number, limit: number) =>
  index.features.rows
    .flatMap((row, at) => (at === target ? [] : [{ id: index.ids[at], score: scores(row) }]))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);

/** The papers nearest to one, by tf-idf cosine (rows are of unit length: a dot product). */
export function cosineNeighbours(index: BaselineIndex, targetId: string, limit = 10) {
  const target = index.ids.indexOf(targetId);
  const dense = new Float64Array(index.features.terms.length);
  const { indices, values } = index.features.rows[target];
  indices.forEach((column, k) => {
    dense[column] = values[k];
  });
  return ranked(index, target, (row) => dotRow(dense, row), limit);
}

/** serve.py's own "similar": svm_rank with the one paper as the only positive (rank=pid). */
export function exemplarSvmNeighbours(index: BaselineIndex, targetId: string, limit = 10, svc = ARXIV_SANITY_SVC) {
  const target = index.ids.indexOf(targetId);
  const positive = index.ids.map((_, at) => at === target);
  const model = linearSvc(index.features.rows, index.features.terms.length, positive, svc);
  return ranked(index, target, (row) => decision(model, row), limit);
}
