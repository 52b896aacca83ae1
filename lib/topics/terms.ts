import type { Paper } from '@/lib/paper';
import { isAcronym, type WordInfo, wordInfo } from './words';

/** The words a term may have: "retrieval-augmented generation for long-context question answering" is two. */
const MAX_WORDS = 5;
// Words and phrase breaks in one pass: sentence punctuation and a spaced dash end a phrase; hyphens and apostrophes
// inside words do not. Plain strings (no match objects) keep 50,000 abstracts fast.
const TOKEN = /[^\s.,;:!?()[\]{}"“”«»/|<>=—–]+|[.,;:!?()[\]{}"“”«»/|<>=—–]/g;
const WORD_START = /^[\p{L}\p{N}]/u;

/** Term key (variants folded, see keyWords) → how this paper writes it. */
export type PaperTerms = Map<string, string>;

/** Runs of words that may belong to one term: split at punctuation, function words, paper-speak and verbs. */
function runs(text: string): WordInfo[][] {
  const result: WordInfo[][] = [];
  let run: WordInfo[] = [];
  for (const token of text.match(TOKEN) ?? []) {
    const info = WORD_START.test(token) ? wordInfo(token) : undefined;
    if (info && !info.breaks) {
      run.push(info);
      continue;
    }
    if (run.length) result.push(run);
    run = [];
  }
  if (run.length) result.push(run);
  return result;
}

type Candidates = Map<string, { surface: string; count: number }>;

/**
 * Every candidate term of a text, with its number of occurrences: each stretch of a run that ends in a noun-like
 * word (the part-of-speech-free boundary rule), of at most MAX_WORDS words; a single word only if it stands alone.
 * With `repeated`, only stretches whose every word occurs twice, the only ones that can occur twice.
 */
function candidates(text: string, repeated: boolean): Candidates {
  const found: Candidates = new Map();
  const textRuns = runs(text);
  const words = new Map<string, number>();
  if (repeated) for (const run of textRuns) for (const { key } of run) words.set(key, (words.get(key) ?? 0) + 1);
  const usable = (info: WordInfo) => !repeated || (words.get(info.key) ?? 0) >= 2;
  for (const run of textRuns) {
    for (let end = 0; end < run.length; end++) {
      if (!run[end].canEnd || !usable(run[end])) continue;
      let key = run[end].key;
      let surface = run[end].surface;
      for (let start = end; start >= 0 && start > end - MAX_WORDS && usable(run[start]); start--) {
        if (start < end) {
          key = `${run[start].key} ${key}`;
          surface = `${run[start].surface} ${surface}`;
        } else if (!run[end].standsAlone) {
          continue;
        }
        if (!run[start].canStart) continue;
        const seen = found.get(key);
        if (seen) seen.count++;
        else found.set(key, { surface, count: 1 });
      }
    }
  }
  return found;
}

/** Marks a term key that records an acronym's definition rather than a term: "=rl=reinforcement learning". */
export const DEFINITION = '=';
/** Marks a term key that records a keyword Hugging Face gives the paper: "#dense retrieval". */
export const KEYWORD = '#';

/** The term a keyword is, when the whole keyword is one ("dense retrieval"; not "we study X"). */
function keywordTerm(keyword: string): string | undefined {
  const textRuns = runs(keyword);
  if (textRuns.length !== 1) return undefined;
  const key = textRuns[0].map((info) => info.key).join(' ');
  return candidates(keyword, false).has(key) ? key : undefined;
}

/** Words an acronym's letters may skip: "mixture of experts (MoE)". */
const LINKING = new Set(['of', 'and', 'for', 'from', 'the', 'to', 'in', 'with', 'on']);

/** Whether `letters` are the initials of `words` (hyphenated parts count apart; linking words may be skipped). */
function spells(letters: string, words: string[]): boolean {
  const parts = words.flatMap((word) => word.toLowerCase().split('-')).filter(Boolean);
  let at = 0;
  for (const part of parts) {
    if (part[0] === letters[at]) at++;
    else if (!LINKING.has(part)) return false;
  }
  return at === letters.length && parts[0][0] === letters[0];
}

/**
 * The acronyms a text defines ("reinforcement learning (RL)"), as [acronym key, expansion key] pairs, found as in
 * Schwartz & Hearst (2003): the fewest words before the parenthesis whose initials spell the acronym. Only an
 * expansion that is itself a candidate term counts.
 */
function definitions(text: string): [string, string][] {
  const found: [string, string][] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open);
    const acronym = text.slice(open + 1, close).trim();
    if (close < 0 || acronym.length > 12 || !isAcronym(acronym) || !/^[\p{L}\d-]+$/u.test(acronym)) continue;
    const singular = acronym.replace(/(?<=\p{Lu})s$/u, '');
    const spellings = [
      singular.toLowerCase().replace(/[^\p{L}]/gu, ''),
      singular.replace(/[^\p{Lu}]/gu, '').toLowerCase(),
    ];
    const before = text
      .slice(Math.max(0, open - 120), open)
      .split(/\s+/)
      .filter(Boolean);
    for (let count = 1; count <= Math.min(8, before.length); count++) {
      const words = before.slice(-count);
      if (!spellings.some((letters) => letters.length > 1 && spells(letters, words))) continue;
      const infos = words.map(wordInfo);
      if (infos.some((info) => info.breaks) || !infos[infos.length - 1].canEnd) break;
      found.push([wordInfo(singular).key, infos.map((info) => info.key).join(' ')]);
      break;
    }
  }
  return found;
}

/**
 * The terms a paper is about, decided from the paper alone so that what it added can be taken back: every candidate
 * of its title and keywords, and those its abstract repeats (a term an abstract names once is seldom its subject);
 * plus the acronyms it defines, which join an acronym to its expansion when topics are ranked, and the terms its
 * keywords are (evidence, when topics are ranked, that a phrase is a term).
 */
export function paperTerms(paper: Pick<Paper, 'title' | 'abstract' | 'keywords'>): PaperTerms {
  const terms: PaperTerms = new Map();
  for (const text of [paper.title, ...paper.keywords]) {
    for (const [key, { surface }] of candidates(text, false)) if (!terms.has(key)) terms.set(key, surface);
  }
  if (paper.abstract) {
    for (const [key, { surface, count }] of candidates(paper.abstract, true)) {
      if (count >= 2 && !terms.has(key)) terms.set(key, surface);
    }
  }
  for (const text of [paper.title, paper.abstract ?? '']) {
    for (const [acronym, expansion] of definitions(text))
      terms.set(`${DEFINITION}${acronym}${DEFINITION}${expansion}`, '');
  }
  for (const keyword of paper.keywords) {
    const key = keywordTerm(keyword);
    if (key) terms.set(`${KEYWORD}${key}`, '');
  }
  return terms;
}

/** The day a paper belongs to for topics (UTC, "2026-11-20"): its day on the daily list, else publication, else first sighting. */
export function topicDay(paper: Pick<Paper, 'submittedOnDailyAt' | 'publishedAt' | 'firstSeenAt'>): string | null {
  for (const value of [paper.submittedOnDailyAt, paper.publishedAt, paper.firstSeenAt]) {
    const time = value ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(time)) return new Date(time).toISOString().slice(0, 10);
  }
  return null;
}

/** Whether two states of a paper give the same topics: a star, a note or a new sighting does not. */
export function sameTopicInputs(before: Paper, after: Paper): boolean {
  return (
    before.title === after.title &&
    before.abstract === after.abstract &&
    before.keywords.length === after.keywords.length &&
    before.keywords.every((keyword, index) => keyword === after.keywords[index]) &&
    topicDay(before) === topicDay(after)
  );
}
