// The arxiv-sanity-lite baseline against values worked out by hand, and against scikit-learn 1.2.1's own output on
// the same inputs (TfidfVectorizer and LinearSVC with the settings of compute.py and serve.py).
import {
  analyze,
  baselineIndex,
  baselineSuggest,
  cosineNeighbours,
  decision,
  linearSvc,
  type SparseRow,
  tfidf,
} from '@/bench/recommend-baseline';
import { newPaper } from '@/lib/paper';

const row = (values: number[]): SparseRow => {
  const indices = values.flatMap((value, at) => (value ? [at] : []));
  return { indices: Int32Array.from(indices), values: Float32Array.from(indices, (at) => values[at]) };
};
const svc = (C: number) => ({ C, maxIter: 10_000, tol: 1e-6, seed: 1 });
const ALL_TERMS = { minDf: 1, maxDf: 1, maxFeatures: 100 };

describe('the arxiv-sanity-lite vectorizer', () => {
  it('lowercases, strips accents, drops English stop words and words starting with a digit, then adds bigrams', () => {
    expect(analyze('The Müller policy of the GPT-4o model, 3D scenes; naïve_bayes x2')).toEqual([
      'muller',
      'policy',
      'gpt',
      'model',
      'scenes',
      'naive_bayes',
      'x2',
      'muller policy',
      'policy gpt',
      'gpt model',
      'model scenes',
      'scenes naive_bayes',
      'naive_bayes x2',
    ]);
  });

  it('weighs terms by sublinear tf and smooth idf, in rows of unit length', () => {
    const { terms, rows } = tfidf(['reward model reward', 'reward policy', 'diffusion image'], ALL_TERMS);
    expect(terms).toEqual([
      'diffusion',
      'diffusion image',
      'image',
      'model',
      'model reward',
      'policy',
      'reward',
      'reward model',
      'reward policy',
    ]);
    // "reward" twice in a paper and in 2 of 3 papers; "model", "reward model", "model reward" once, in 1 paper.
    const reward = (1 + Math.log(2)) * (Math.log(4 / 3) + 1);
    const once = Math.log(4 / 2) + 1;
    const norm = Math.sqrt(reward ** 2 + 3 * once ** 2);
    expect([...rows[0].indices]).toEqual([3, 4, 6, 7]);
    const expected = [once / norm, once / norm, reward / norm, once / norm];
    for (const [at, value] of rows[0].values.entries()) expect(value).toBeCloseTo(expected[at], 6);
    // scikit-learn's values for the same row.
    expect(rows[0].values[2]).toBeCloseTo(0.59662724, 6);
    expect(rows[0].values[0]).toBeCloseTo(0.46333427, 6);
  });

  it('keeps terms in min_df papers or more and in no more than max_df of them', () => {
    const documents = ['reward model', 'reward policy', 'reward value', 'diffusion image'];
    expect(tfidf(documents, { minDf: 2, maxDf: 1, maxFeatures: 100 }).terms).toEqual(['reward']);
    expect(tfidf(documents, { minDf: 1, maxDf: 0.5, maxFeatures: 100 }).terms).not.toContain('reward');
    expect(tfidf(documents, { minDf: 1, maxDf: 1, maxFeatures: 1 }).terms).toEqual(['reward']);
    expect(() => tfidf(documents, { minDf: 5, maxDf: 0.1, maxFeatures: 100 })).toThrow(/max_df/);
  });
});

describe('the arxiv-sanity-lite LinearSVC', () => {
  it('solves a symmetric pair exactly: w = 4C / (1 + 4C), no intercept', () => {
    const model = linearSvc([row([1]), row([-1])], 1, [true, false], svc(0.1));
    expect(model.weights[0]).toBeCloseTo(0.4 / 1.4, 6);
    expect(model.bias).toBeCloseTo(0, 6);
  });

  it.each([
    [0.01, [0.03108936, -0.01056126, -0.0235739], -0.00044505],
    [1, [0.96377122, -0.40734353, -0.72056128], -0.15170711],
  ])('weighs one positive against three negatives as scikit-learn does (C=%s)', (C, coef, intercept) => {
    const rows = [row([0.9, 0.1, 0]), row([0.1, 0.8, 0.2]), row([0, 0.3, 0.9]), row([0.2, 0, 0.7])];
    const positive = [true, false, false, false];
    const model = linearSvc(rows, 3, positive, svc(C));
    for (const [at, weight] of coef.entries()) expect(model.weights[at]).toBeCloseTo(weight, 5);
    expect(model.bias).toBeCloseTo(intercept, 5);
    expect(model.iterations).toBeLessThan(10_000);
    const scores = rows.map((features) => decision(model, features));
    expect(scores[0]).toBeGreaterThan(0);
    for (const score of scores.slice(1)) expect(score).toBeLessThan(0);
    // At the optimum the primal gradient vanishes: w = 2 Σ C_i y_i x_i max(0, 1 − y_i f(x_i)), with balanced C_i.
    const cost = (is: boolean) => C * (4 / (2 * (is ? 1 : 3)));
    const gradient = [...model.weights, model.bias].map((weight, at) => {
      let sum = weight;
      rows.forEach((features, i) => {
        const y = positive[i] ? 1 : -1;
        const x = at === 3 ? 1 : (features.values[[...features.indices].indexOf(at)] ?? 0);
        sum -= 2 * cost(positive[i]) * y * x * Math.max(0, 1 - y * scores[i]);
      });
      return sum;
    });
    for (const component of gradient) expect(Math.abs(component)).toBeLessThan(1e-4);
  });

  it('is the same every run', () => {
    const rows = [row([1, 0]), row([0.5, 0.5]), row([0, 1]), row([0.1, 0.9])];
    const a = linearSvc(rows, 2, [true, false, false, false]);
    const b = linearSvc(rows, 2, [true, false, false, false]);
    expect([...a.weights, a.bias]).toEqual([...b.weights, b.bias]);
  });
});

describe('the arxiv-sanity-lite rankings', () => {
  const now = '2026-11-20T12:00:00.000Z';
  const paper = (id: string, title: string, daysAgo: number, starred = false) => ({
    ...newPaper(id, title, new Date(Date.parse(now) - daysAgo * 86_400_000).toISOString()),
    abstract: '',
    starred,
  });
  const library = [
    paper('2611.00001', 'reward models for policy learning', 20, true),
    paper('2611.00002', 'reward shaping in policy learning', 21, true),
    paper('2611.00003', 'diffusion models for images', 20),
    paper('2611.00004', 'policy learning with reward models', 2),
    paper('2611.00005', 'diffusion samplers for images', 2),
    paper('2611.00006', 'reward models again', 1, true),
    paper('2611.00007', 'policy reward learning, long ago', 30),
  ];
  const index = baselineIndex(library, ALL_TERMS);

  it('suggests unstarred papers of the window, the starred kind first', () => {
    const ranked = baselineSuggest(index, library, { now, windowDays: 7 })?.map(({ id }) => id);
    expect(ranked).toEqual(['2611.00004', '2611.00005']);
    expect(
      baselineSuggest(
        index,
        library.map((one) => ({ ...one, starred: false })),
        { now, windowDays: 7 },
      ),
    ).toBeNull();
  });

  it('finds the nearest papers by cosine, never the paper itself', () => {
    const nearest = cosineNeighbours(index, '2611.00003', 10).map(({ id }) => id);
    expect(nearest[0]).toBe('2611.00005');
    expect(nearest).toHaveLength(library.length - 1);
    expect(nearest).not.toContain('2611.00003');
  });
});
