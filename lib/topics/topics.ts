import type { Paper } from '@/lib/paper';
import { mentionedCandidates, namedPhrases, SOURCE_WEIGHT } from './phrases';

export type TopicWindow = '7d' | '30d' | 'all';

export interface Topic {
  key: string;
  label: string;
  paperIds: string[];
  /** Papers with this topic (in the recent window for rising topics). */
  count: number;
  score: number;
  /** Papers per week over the last 12 weeks, oldest first. */
  weekly: number[];
}

export interface TopicsResult {
  topics: Topic[];
  window: TopicWindow;
  /** Set when the library has no papers before the recent window, so rising cannot be told from frequent. */
  fallback?: 'young-library';
}

export interface TopicOptions {
  window: TopicWindow;
  now: string;
  limit?: number;
  minSupport?: number;
}

const DAY = 86_400_000;
const WEEKS = 12;
const WINDOWS = { '7d': { recent: 7, baseline: 28 }, '30d': { recent: 30, baseline: 90 } } as const;
/** A phrase inside a longer one that carries this share of its papers adds nothing of its own. */
const SUBSUMED = 0.8;
/** Pseudo-count (in weighted papers) added to both windows: a topic born with 3 papers is not infinitely rising. */
const SMOOTHING = 1;

interface Tally {
  surfaces: Map<string, number>;
  papers: { index: number; weight: number }[];
}

/** The day a paper belongs to for topics: its day on the daily list, else publication, else first sighting. */
function topicDate(paper: Paper): number {
  for (const value of [paper.submittedOnDailyAt, paper.publishedAt, paper.firstSeenAt]) {
    const time = value ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(time)) return time;
  }
  return 0;
}

const paperWeight = (paper: Paper) => 1 + Math.log1p(paper.upvotes ?? 0);

function tallyPhrases(papers: Paper[], minSupport: number): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const named = papers.map(namedPhrases);
  named.forEach((phrases, index) => {
    for (const [key, { surface, weight }] of phrases) {
      const tally = tallies.get(key) ?? { surfaces: new Map<string, number>(), papers: [] };
      tallies.set(key, tally);
      tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
      tally.papers.push({ index, weight });
    }
  });
  // Abstracts add support to phrases some title or keyword list names: running text alone does not make a topic,
  // and looking up only candidates keeps 50,000 abstracts cheap.
  const candidates = new Set(tallies.keys());
  papers.forEach((paper, index) => {
    if (!paper.abstract) return;
    for (const key of mentionedCandidates(paper.abstract, candidates)) {
      if (!named[index].has(key)) tallies.get(key)?.papers.push({ index, weight: SOURCE_WEIGHT.abstract });
    }
  });
  for (const [key, tally] of tallies) if (tally.papers.length < minSupport) tallies.delete(key);
  return tallies;
}

function dropSubsumed(tallies: Map<string, Tally>): void {
  const longest = new Map<string, number>();
  for (const [key, tally] of tallies) {
    const words = key.split(' ');
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= words.length; end++) {
        if (end - start === words.length) continue;
        const part = words.slice(start, end).join(' ');
        longest.set(part, Math.max(longest.get(part) ?? 0, tally.papers.length));
      }
    }
  }
  for (const [key, tally] of tallies) {
    if ((longest.get(key) ?? 0) >= SUBSUMED * tally.papers.length) tallies.delete(key);
  }
}

function label(surfaces: Map<string, number>): string {
  return [...surfaces].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/** What a paper contributes to topics; stars, tags, notes and sightings do not change them. */
const topicInputs = (paper: Paper) =>
  JSON.stringify([
    paper.id,
    paper.title,
    paper.abstract,
    paper.keywords,
    paper.upvotes,
    paper.submittedOnDailyAt,
    paper.publishedAt,
    paper.firstSeenAt,
  ]);

/** Whether topics can differ between two states of a library that keeps unchanged papers as the same objects. */
export function topicInputsChanged(before: readonly Paper[], after: readonly Paper[]): boolean {
  if (before.length !== after.length) return true;
  return after.some((paper, index) => paper !== before[index] && topicInputs(paper) !== topicInputs(before[index]));
}

/** What topics are made of, independent of the window: worth keeping while the library does not change. */
export interface TopicAnalysis {
  papers: Paper[];
  dates: number[];
  weights: number[];
  tallies: Map<string, Tally>;
  minSupport: number;
}

/** The expensive part (reading every title, keyword list and abstract), done once per library state. */
export function analyzeLibrary(papers: Paper[], minSupport = 3): TopicAnalysis {
  const tallies = tallyPhrases(papers, minSupport);
  dropSubsumed(tallies);
  return { papers, dates: papers.map(topicDate), weights: papers.map(paperWeight), tallies, minSupport };
}

/** Topics of a library: rising ones for 7 or 30 days against the weeks before, or the most frequent of all time. */
export function rankTopics(analysis: TopicAnalysis, options: Omit<TopicOptions, 'minSupport'>): TopicsResult {
  const { window, limit = 12 } = options;
  const { papers, dates, weights, tallies, minSupport } = analysis;
  const now = Date.parse(options.now);
  const span = window === 'all' ? null : WINDOWS[window];
  const recentStart = span ? now - span.recent * DAY : Number.NEGATIVE_INFINITY;
  const young = span !== null && !dates.some((date) => date <= recentStart);
  const weekStart = now - WEEKS * 7 * DAY;

  const topics: Topic[] = [];
  for (const [key, tally] of tallies) {
    let recent = 0;
    let baseline = 0;
    let support = 0;
    const weekly = new Array<number>(WEEKS).fill(0);
    const paperIds: string[] = [];
    for (const { index, weight } of tally.papers) {
      const date = dates[index];
      const value = weights[index] * weight;
      if (date > weekStart && date <= now) weekly[Math.min(WEEKS - 1, Math.floor((date - weekStart) / (7 * DAY)))]++;
      if (date > recentStart && date <= now) {
        recent += value;
        support++;
        paperIds.push(papers[index].id);
      } else if (span && date > recentStart - span.baseline * DAY && date <= recentStart) {
        baseline += value;
      }
    }
    if (support < minSupport) continue;
    const score =
      span && !young
        ? (Math.log((recent + SMOOTHING) / span.recent) - Math.log((baseline + SMOOTHING) / span.baseline)) *
          Math.log1p(support)
        : recent;
    if (score <= 0) continue;
    topics.push({ key, label: label(tally.surfaces), paperIds, count: support, score, weekly });
  }
  topics.sort((a, b) => b.score - a.score || b.count - a.count || a.label.localeCompare(b.label));
  return { topics: topics.slice(0, limit), window, ...(young ? { fallback: 'young-library' as const } : {}) };
}

export function computeTopics(papers: Paper[], options: TopicOptions): TopicsResult {
  return rankTopics(analyzeLibrary(papers, options.minSupport), options);
}
