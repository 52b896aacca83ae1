import { plural } from '@/lib/plural';

/** Rising over the last 7 or 30 days, or the most frequent of all time. */
export type TopicWindow = '7d' | '30d' | 'all';

/** How long the recent window is, and how many days before it it is compared with. */
export const WINDOW_DAYS = { '7d': { recent: 7, baseline: 28 }, '30d': { recent: 30, baseline: 90 } } as const;

export interface Topic {
  /** The term with its variants folded ("llm" for "LLM" and "LLMs"). */
  key: string;
  /** Its commonest spelling: a phrase, never with its acronym glued on ("large language models"). */
  label: string;
  /** The acronym papers define it by, shown apart ("LLMs"). */
  acronym?: string;
  /** Every term key counted as this topic: its key and the acronym's (absent in rankings kept from before). */
  terms?: string[];
  /** Every paper with this term in the window (for all time: every paper with it). */
  paperIds: string[];
  /** Papers with this term in the window. */
  count: number;
  /** For rising topics: papers with it per window-length in the days before (7d: per week over the 28 days before). */
  before?: number;
  /** Why it is listed, in words a reader can check: "9 papers in the last 7 days, 1.2 a week before". */
  evidence: string;
  /** Papers with it per period, oldest first (7d: 5 weeks; 30d: 4 spans of 30 days; all time: 12 weeks). */
  series: number[];
  /** Longer terms folded under this one ("growing neural cellular automata" under "neural cellular automata"). */
  variants: string[];
  /**
   * What it is ranked by: the log-likelihood G² of its rise, or its count for all time, weighed by how distinctive
   * the term is and by whether HF lists it as a keyword (termhood.ts).
   */
  score: number;
}

export interface TopicsResult {
  window: TopicWindow;
  topics: Topic[];
  /** Papers dated in the window, and in the days it is compared with. */
  recentPapers: number;
  baselinePapers: number;
  /** Set when nothing is dated before the window, so rising cannot be told from frequent: ranked by count. */
  fallback?: 'young-library';
}

export interface TopicOptions {
  window: TopicWindow;
  /** ISO time; the window ends with this day (UTC). */
  now: string;
  limit?: number;
}

/** Shown when a 7- or 30-day window holds no papers: topics date a paper by its day on the daily list. */
export const EMPTY_WINDOW_HINT =
  'No papers in this window. Topics date each paper by its day on the daily list (else its publication date), ' +
  'not by when you saw it.';

const decimal = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const papers = (count: number) => plural(count, 'paper');

/** "9 papers in the last 7 days, 1.2 a week before"; without a baseline, "9 papers in the last 7 days"; all time, "42 papers". */
export function evidenceSentence(window: TopicWindow, count: number, before?: number): string {
  if (window === 'all') return papers(count);
  const recent = `${papers(count)} in the last ${WINDOW_DAYS[window].recent} days`;
  if (before === undefined) return recent;
  return `${recent}, ${decimal(Math.round(before * 10) / 10)} ${window === '7d' ? 'a week' : 'per 30 days'} before`;
}
