import { parseArxivId } from '@/lib/arxiv';
import type { PostingField } from '@/lib/library/schema';
import { DocScores } from './doc-scores';
import { FIELDS, isStopword, tokenize } from './tokens';

/** What a search found: every matching paper, best first. */
export interface SearchResult {
  /** The matching papers, best first: all of them, or while `rest` is there, only the best. */
  ids: string[];
  /** How many papers match. */
  total: number;
  /** The whole ranking, when `ids` holds only its top: ranked and named after the top is on screen. */
  rest?: () => Promise<string[]>;
  /** The indexed words the query matched, for highlighting. */
  terms: string[];
  /** False when no paper has every word and papers with some of them are shown instead. */
  allWords: boolean;
}

/** Where a search reads its postings: the library on disk, or an in-memory stand-in in tests. */
export interface PostingsSource {
  /** Papers (by number) having `term` in each field, in FIELDS order. */
  postings(terms: string[]): Promise<Map<string, Uint32Array[]>>;
  /** Indexed terms that begin with `word`, the word itself included when it is indexed. */
  termsBeginning(word: string): Promise<string[]>;
  /** Indexed terms `word` may be a misspelling of, closest first (see fuzzy.ts's nearTerms). */
  termsNear(word: string): Promise<{ term: string; distance: number }[]>;
  paperCount(): Promise<number>;
  idsOf(docs: number[]): Promise<string[]>;
  hasPaper(id: string): Promise<boolean>;
}

// Title first, then what people said a paper is about (keywords, authors, tags, note), then the abstract.
const BOOST: Record<PostingField, number> = { 0: 4, 1: 2, 2: 1 };
/** Completions of a word still being typed: the shortest are the likeliest. */
const PREFIX_TERMS = 48;
const FUZZY_QUALITY = [1, 0.45, 0.25];

export interface Candidate {
  term: string;
  quality: number;
}

/** An arXiv id typed or pasted as a link (`2509.24002v2`, `arxiv.org/abs/…`, `huggingface.co/papers/…`). */
export function queryArxivId(query: string): string | null {
  const text = query.trim();
  const fromUrl = /(?:arxiv\.org\/(?:abs|pdf)|huggingface\.co\/papers)\/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$/i.exec(text);
  return parseArxivId(fromUrl ? fromUrl[1] : text);
}

/** The words a query searches for: function words only count when there is nothing else. */
export function queryWords(query: string): string[] {
  const words = [...new Set(tokenize(query))];
  const content = words.filter((word) => !isStopword(word));
  return content.length ? content : words;
}

/** How a query's words match: `exact` takes each word as it is (no completions, no typos), `anyWord` ranks papers
 * with any of them together, never only those with all (a paper's words looking for its neighbours). */
export interface SearchOptions {
  exact?: boolean;
  anyWord?: boolean;
}

/** The word and the terms it begins; none when nothing indexed begins with it, not even itself (a typo, probably). */
async function candidates(source: PostingsSource, word: string, exact = false): Promise<Candidate[]> {
  if (exact || word.length < 2) return [{ term: word, quality: 1 }];
  const begun = await source.termsBeginning(word);
  if (begun.length === 0) return [];
  const completions = begun.filter((term) => term !== word);
  const shortest = completions.sort((a, b) => a.length - b.length || a.localeCompare(b)).slice(0, PREFIX_TERMS);
  return [
    { term: word, quality: 1 },
    ...shortest.map((term) => ({ term, quality: 0.3 + 0.5 * (word.length / term.length) })),
  ];
}

/** Each paper's best score for one query word, over every term and field it matched. */
function scoreWord(
  found: Map<string, Uint32Array[]>,
  wanted: Candidate[],
  paperCount: number,
  matched: Set<string>,
): DocScores {
  let expected = 0;
  for (const fields of found.values()) for (const docs of fields) expected += docs.length;
  const scores = new DocScores(expected);
  for (const { term, quality } of wanted) {
    const fields = found.get(term);
    if (!fields) continue;
    for (const field of FIELDS) {
      const docs = fields[field];
      if (!docs.length) continue;
      matched.add(term);
      const weight = BOOST[field] * Math.log(1 + paperCount / docs.length) * quality;
      for (const doc of docs) scores.raise(doc, weight);
    }
  }
  return scores;
}

/**
 * Terms a typo away, by how close they are; a term that extends a closer one (the plural "transformers" of
 * "transformer") is as close as it, so a misspelling finds its word's family before other words ("transfer").
 */
export function typoCandidates(near: { term: string; distance: number }[]): Candidate[] {
  return near.map(({ term, distance }) => {
    const closest = near.reduce(
      (best, other) => (other.distance < best && term.startsWith(other.term) ? other.distance : best),
      distance,
    );
    return { term, quality: FUZZY_QUALITY[closest] };
  });
}

async function matchWord(
  source: PostingsSource,
  word: string,
  counted: Promise<number>,
  matched: Set<string>,
  exact = false,
) {
  let wanted = await candidates(source, word, exact);
  let scores = new DocScores(0);
  if (wanted.length) {
    const [found, paperCount] = await Promise.all([source.postings(wanted.map((c) => c.term)), counted]);
    scores = scoreWord(found, wanted, paperCount, matched);
  }
  if (scores.size === 0 && !exact) {
    // No paper has this word or one it begins: a typo, probably. (Nothing indexed begins with it: straight here.)
    const [near, paperCount] = await Promise.all([source.termsNear(word), counted]);
    wanted = typoCandidates(near);
    if (wanted.length)
      scores = scoreWord(await source.postings(wanted.map((c) => c.term)), wanted, paperCount, matched);
  }
  return scores;
}

function combine(perWord: DocScores[], allWords: boolean): DocScores {
  if (perWord.length === 1) return perWord[0];
  if (allWords) {
    const [smallest, ...rest] = [...perWord].sort((a, b) => a.size - b.size);
    const total = new DocScores(smallest.size);
    smallest.forEach((doc, score) => {
      let sum = score;
      for (const other of rest) {
        const more = other.get(doc);
        if (more === 0) return;
        sum += more;
      }
      total.add(doc, sum);
    });
    return total;
  }
  const total = new DocScores(Math.max(...perWord.map((scores) => scores.size)));
  for (const scores of perWord)
    scores.forEach((doc, score) => {
      total.add(doc, score);
    });
  return total;
}

/**
 * Every paper matching the query, best first: papers with all the words, or, if none has them all, those with
 * any. A word matches itself, words it begins (it may still be being typed), or, when neither exists, words a
 * typo away. An arXiv id or link goes straight to its paper. Ties go to the newer arXiv id. Given `first`, a
 * larger result comes as its best `first` papers and the rest of the ranking on request: a common word matches
 * most of the library, and ranking and naming all of it can wait until its top is on screen.
 */
export async function searchPostings(
  source: PostingsSource,
  query: string,
  first?: number,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const id = queryArxivId(query);
  if (id) {
    const ids = (await source.hasPaper(id)) ? [id] : [];
    return { ids, total: ids.length, terms: [], allWords: true };
  }
  const words = queryWords(query);
  if (words.length === 0) return { ids: [], total: 0, terms: [], allWords: true };
  // Counted while the words' candidates are looked up: only the scoring needs it.
  const counted = source.paperCount().then((count) => Math.max(1, count));
  counted.catch(() => {}); // awaited by every word: a failure is reported there
  const matched = new Set<string>();
  const perWord = await Promise.all(words.map((word) => matchWord(source, word, counted, matched, options.exact)));
  let allWords = !options.anyWord;
  let scores = combine(perWord, allWords);
  if (scores.size === 0 && words.length > 1 && allWords) {
    allWords = false;
    scores = combine(perWord, false);
  }
  const found = { total: scores.size, terms: [...matched], allWords };
  if (first === undefined || scores.size <= first) return { ids: await source.idsOf(scores.ranked()), ...found };
  const ranking = scores; // the final scores, for the rest asked for later
  return { ids: await source.idsOf(ranking.ranked(first)), rest: () => source.idsOf(ranking.ranked()), ...found };
}
