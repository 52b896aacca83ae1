// "For you" and "Similar papers" against arxiv-sanity-lite's method, computed in the same run over the same planted
// library; and the time of one call of each at 50,000 papers. `npx tsx bench/recommend-quality.ts` prints both tables.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { similarTo } from '@/lib/recommend/similar';
import { suggest } from '@/lib/recommend/suggest';
import { ms, table } from './measure';
import {
  type BenchPaper,
  NOW,
  plantedLibrary,
  plantedUsers,
  type ReadingState,
  THEME_NAMES,
  type Theme,
  WINDOW_DAYS,
  withReading,
} from './planted-interests';
import {
  ARXIV_SANITY_SVC,
  baselineIndex,
  baselineSuggest,
  cosineNeighbours,
  exemplarSvmNeighbours,
  isCandidate,
} from './recommend-baseline';
import { syntheticLibrary } from './synthetic-library';

const TOP = 10;

export interface ForYouRow {
  user: string;
  /** Candidates of the wanted themes: the most a top 10 can hold is min(10, this) / 10. */
  inWindow: number;
  /** Precision@10 (share of the top 10 in a wanted theme); null when suggest() declined (too few signals). */
  ours: number | null;
  baseline: number;
  /** Starred papers among the suggestions: must be 0. */
  oursStarred: number;
  baselineStarred: number;
  /** For the user who marked a theme "not interested": share of the top 10 in it and in no wanted theme. */
  oursUnwanted: number | null;
  baselineUnwanted: number | null;
}

export interface SimilarRow {
  theme: Theme;
  /** The starred papers whose 10 nearest others are scored. */
  targets: number;
  ours: number;
  cosine: number;
  exemplarSvm: number;
}

export interface QualityReport {
  forYou: ForYouRow[];
  similar: SimilarRow[];
  /** Both, as markdown. */
  table: string;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/** Scores both recommenders for every planted user, and both neighbour methods for every starred paper. */
export function recommendQuality(): QualityReport {
  const planted = plantedLibrary();
  const index = baselineIndex(planted.papers);
  const users = plantedUsers();
  const now = Date.parse(NOW);
  const share = (ids: string[], counts: (themes: Theme[]) => boolean) =>
    ids.filter((id) => counts(planted.themes.get(id) ?? [])).length / TOP;

  const forYou = users.map((user): ForYouRow => {
    const wanted = (themes: Theme[]) => themes.some((theme) => user.wanted.includes(theme));
    const unwanted = (themes: Theme[]) => user.unwanted !== null && themes.includes(user.unwanted) && !wanted(themes);
    const ours = suggest(user.library, { now: NOW, windowDays: WINDOW_DAYS, limit: TOP })?.map(({ id }) => id) ?? null;
    const baseline = (
      baselineSuggest(index, user.library, { now: NOW, windowDays: WINDOW_DAYS, limit: TOP }) ?? []
    ).map(({ id }) => id);
    const starred = (ids: string[]) => ids.filter((id) => user.starred.includes(id)).length;
    return {
      user: user.name,
      inWindow: user.library.filter(
        (paper) => isCandidate(paper, now, WINDOW_DAYS) && wanted(planted.themes.get(paper.id) ?? []),
      ).length,
      ours: ours && share(ours.slice(0, TOP), wanted),
      baseline: share(baseline, wanted),
      oursStarred: ours ? starred(ours) : 0,
      baselineStarred: starred(baseline),
      oursUnwanted: user.unwanted && ours ? share(ours.slice(0, TOP), unwanted) : null,
      baselineUnwanted: user.unwanted ? share(baseline, unwanted) : null,
    };
  });

  const similar = users
    .filter((user) => user.wanted.length === 1 && !user.unwanted)
    .map((user): SimilarRow => {
      const [theme] = user.wanted;
      const sameTheme = (themes: Theme[]) => themes.includes(theme);
      const byId = new Map(user.library.map((paper) => [paper.id, paper]));
      const scores = user.starred.map((id) => ({
        ours: share(
          similarTo(byId.get(id) as BenchPaper, user.library, TOP).map((neighbour) => neighbour.id),
          sameTheme,
        ),
        cosine: share(
          cosineNeighbours(index, id, TOP).map((neighbour) => neighbour.id),
          sameTheme,
        ),
        exemplarSvm: share(
          exemplarSvmNeighbours(index, id, TOP).map((neighbour) => neighbour.id),
          sameTheme,
        ),
      }));
      return {
        theme,
        targets: scores.length,
        ours: mean(scores.map((score) => score.ours)),
        cosine: mean(scores.map((score) => score.cosine)),
        exemplarSvm: mean(scores.map((score) => score.exemplarSvm)),
      };
    });

  return { forYou, similar, table: qualityTables(forYou, similar, planted.papers.length) };
}

const p = (value: number | null) => (value === null ? '–' : value.toFixed(2));

function qualityTables(forYou: ForYouRow[], similar: SimilarRow[], papers: number): string {
  const single = forYou.filter((row) => (THEME_NAMES as string[]).includes(row.user));
  const meanOf = (pickValue: (row: ForYouRow) => number | null) =>
    single.some((row) => pickValue(row) === null) ? null : mean(single.map((row) => pickValue(row) as number));
  const forYouRows = (rows: ForYouRow[]) =>
    rows.map((row) => [
      row.user,
      row.inWindow,
      p(Math.min(TOP, row.inWindow) / TOP),
      p(row.ours),
      p(row.baseline),
      `${row.oursStarred} / ${row.baselineStarred}`,
      row.oursUnwanted === null && row.baselineUnwanted === null
        ? ''
        : `${p(row.oursUnwanted)} / ${p(row.baselineUnwanted)}`,
    ]);
  const forYouTable = table(
    [
      'user (starred the theme)',
      'theme papers in window',
      'best possible',
      'ours P@10',
      'arxiv-sanity P@10',
      'starred suggested (ours / baseline)',
      'not-interested theme in top 10',
    ],
    [
      ...forYouRows(single),
      [
        '**mean**',
        '',
        p(mean(single.map((row) => Math.min(TOP, row.inWindow) / TOP))),
        p(meanOf((row) => row.ours)),
        p(meanOf((row) => row.baseline)),
        '',
        '',
      ],
      ...forYouRows(forYou.filter((row) => !single.includes(row))),
    ],
  );
  const similarTable = table(
    ['theme', 'starred papers', 'ours P@10', 'tf-idf cosine P@10', 'arxiv-sanity one-paper SVM P@10'],
    [
      ...similar.map((row) => [row.theme, row.targets, p(row.ours), p(row.cosine), p(row.exemplarSvm)]),
      [
        '**mean**',
        similar.reduce((sum, row) => sum + row.targets, 0),
        p(mean(similar.map((row) => row.ours))),
        p(mean(similar.map((row) => row.cosine))),
        p(mean(similar.map((row) => row.exemplarSvm))),
      ],
    ],
  );
  return [
    `For you: ${papers} real papers over ${THEME_NAMES.length} themes, a user per theme who starred 4–6 of its papers seen before the last ${WINDOW_DAYS} days; suggestions from the papers seen in those days, top ${TOP}. Baseline: arxiv-sanity-lite (tf-idf, LinearSVC C=${ARXIV_SANITY_SVC.C} on the stars).\n`,
    forYouTable,
    `\nSimilar papers: for each starred paper of the one-theme users, its ${TOP} nearest others in the library, share in its theme.\n`,
    similarTable,
  ].join('\n');
}

// A few reading states, as a real library has: about 1 % read, 1 % to read, 0.7 % not interested.
const readingStateAt = (at: number): ReadingState =>
  at % 97 === 0 ? 'read' : at % 89 === 0 ? 'to-read' : at % 149 === 0 ? 'not-interested' : null;

/** The time of suggest() and similarTo() at `size` papers of the synthetic library (one call, then a few more). */
export function recommendSpeed(size = 50_000, repeats = 3): string {
  const library = syntheticLibrary(size, Date.parse(NOW)).map((paper, at) => ({
    ...withReading(paper),
    readingState: readingStateAt(at),
  }));
  const target = library.findLast((paper) => paper.starred) as BenchPaper;
  const time = (call: () => unknown) => {
    const start = performance.now();
    call();
    return performance.now() - start;
  };
  const row = (name: string, call: () => unknown) => {
    const first = time(call);
    const more = Array.from({ length: repeats }, () => time(call)).sort((a, b) => a - b);
    return [name, ms(first), ms(more[Math.floor(repeats / 2)])];
  };
  return [
    `Speed at ${size.toLocaleString('en-US')} papers (synthetic library, Node ${process.version}):\n`,
    table(
      ['call', 'first call', `median of ${repeats} more`],
      [
        row(`suggest (last ${WINDOW_DAYS} days, top ${TOP})`, () =>
          suggest(library, { now: NOW, windowDays: WINDOW_DAYS, limit: TOP }),
        ),
        row(`similarTo (top ${TOP})`, () => similarTo(target, library, TOP)),
      ],
    ),
  ].join('\n');
}

/** The section npm run bench prints. */
export function printRecommendations(size = 50_000) {
  console.log('## Recommendations: For you and Similar papers against arxiv-sanity-lite\n');
  console.log(recommendQuality().table);
  console.log('');
  console.log(recommendSpeed(size));
  console.log('');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) printRecommendations();
