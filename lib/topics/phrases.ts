import { stemmer } from 'stemmer';
import type { Paper } from '@/lib/paper';
import { FILLER, GENERIC, STOPWORDS } from './stoplist';

const MAX_WORDS = 3;
/** An abstract's opening states its subject; reading only that keeps topics of 50,000 papers fast. */
const ABSTRACT_CHARS = 700;
// Words and phrase breaks in one pass. Letter ranges rather than \p{L}: several times faster on 50,000 abstracts.
// Sentence punctuation ends a phrase; hyphens and apostrophes inside words do not.
const TOKEN =
  /([A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u9FFF][A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u9FFF'’+-]*)|[.,;:!?()[\]{}"“”«»/|<>=—–]|\s-\s/g;

export interface Phrase {
  /** Stemmed, lowercased words: "gui agent" for "GUI agents" and "GUI agent". */
  key: string;
  surface: string;
}

const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Acronyms keep their case ("LLM", "GUI"); everything else is shown lowercased. */
function surfaceWord(word: string): string {
  if (isAcronym(word)) return word;
  // "LLM-based": each part of a compound keeps its own case.
  return word.includes('-') ? word.split('-').map(surfaceWord).join('-') : word.toLowerCase();
}

function isAcronym(word: string): boolean {
  const capitals = word.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 && capitals >= 0.4 * word.replace(/[^\p{L}]/gu, '').length;
}

function usable(word: string): boolean {
  if (word.length <= 2) return /^\p{Lu}[\p{Lu}\d]$/u.test(word);
  return !/^[\d.,%+-]+$/.test(word);
}

const isBreakWord = (lower: string) => STOPWORDS.has(lower) || FILLER.has(lower);

/** Runs of content words between punctuation, stopwords and filler words. */
function runs(text: string): string[][] {
  const result: string[][] = [];
  let run: string[] = [];
  for (const [, word] of text.matchAll(TOKEN)) {
    if (word && usable(word) && !isBreakWord(word.toLowerCase())) {
      run.push(word);
      continue;
    }
    if (run.length) result.push(run);
    run = [];
  }
  if (run.length) result.push(run);
  return result;
}

/** "LLM-based", "training-free": a compound that only describes something else. */
const MODIFIER =
  /-(?:based|driven|aware|free|level|scale|style|like|guided|powered|specific|oriented|only|wise|agnostic)$/i;

/** A single word is a topic only when it is a term of its own: an acronym ("LLM", "LoRA") or a compound ("fine-tuning"). */
function standsAlone(word: string): boolean {
  return !MODIFIER.test(word) && (isAcronym(word) || /\p{L}-\p{L}+ing$/iu.test(word));
}

/**
 * The 1–3-word phrases of a text. A phrase made only of generic words ("large models") is not a topic.
 * Variants share a stemmed key: "agent", "agents" and "agentic" all stem to "agent", and are grouped.
 */
export function textPhrases(text: string, singleWords: 'all' | 'terms' = 'terms'): Phrase[] {
  const phrases: Phrase[] = [];
  for (const run of runs(text)) {
    const lower = run.map((word) => word.toLowerCase());
    const stems = lower.map(stem);
    const surfaces = run.map(surfaceWord);
    for (let start = 0; start < run.length; start++) {
      let key = '';
      let surface = '';
      let allGeneric = true;
      for (let end = start; end < run.length && end < start + MAX_WORDS; end++) {
        key = end === start ? stems[end] : `${key} ${stems[end]}`;
        surface = end === start ? surfaces[end] : `${surface} ${surfaces[end]}`;
        allGeneric &&= GENERIC.has(lower[end]);
        if (allGeneric) continue;
        if (end === start && singleWords === 'terms' && !standsAlone(run[end])) continue;
        phrases.push({ key, surface });
      }
    }
  }
  return phrases;
}

export const SOURCE_WEIGHT = { keyword: 2, title: 2, abstract: 1 } as const;

export type NamedPhrases = Map<string, { surface: string; weight: number }>;

/**
 * The phrases a paper names in its keywords (curated: single words allowed) and title: the topic candidates.
 * Both weigh 2; a paper counts once per phrase.
 */
export function namedPhrases(paper: Pick<Paper, 'title' | 'keywords'>): NamedPhrases {
  const named: NamedPhrases = new Map();
  const add = (phrases: Phrase[], weight: number) => {
    for (const { key, surface } of phrases) if (!named.has(key)) named.set(key, { surface, weight });
  };
  for (const keyword of paper.keywords) add(textPhrases(keyword, 'all'), SOURCE_WEIGHT.keyword);
  add(textPhrases(paper.title), SOURCE_WEIGHT.title);
  return named;
}

/** Which of the candidate phrases an abstract mentions (found by key, without building phrases it cannot use). */
export function mentionedCandidates(abstract: string, candidates: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const run of runs(abstract.slice(0, ABSTRACT_CHARS))) {
    const stems = run.map((word) => stem(word.toLowerCase()));
    for (let start = 0; start < stems.length; start++) {
      let key = '';
      for (let end = start; end < stems.length && end < start + MAX_WORDS; end++) {
        key = key ? `${key} ${stems[end]}` : stems[end];
        if (candidates.has(key)) found.add(key);
      }
    }
  }
  return found;
}
