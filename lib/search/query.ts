import { parseArxivId } from '@/lib/arxiv';
import type { PostingField } from '@/lib/library/schema';
import { DocScores } from './doc-scores';
import { nearTerms } from './fuzzy';
import { FIELDS, isStopword, tokenize } from './tokens';

/** What a search found: every matching paper, best first. */
export interface SearchResult {
  ids: string[];
  /** The indexed words the query matched, for highlighting. */
  terms: string[];
  /** False when no paper has every word and papers with some of them are shown instead. */
  allWords: boolean;
}

/** Where a search reads its postings: the library on disk, or an in-memory stand-in in tests. */
export interface PostingsSource {
  /** Papers (by number) having `term` in each field, in FIELDS order. */
  postings(terms: string[]): Promise<Map<string, Uint32Array[]>>;
  /** Indexed terms that start with `prefix`, longer than it. */
  termsWithPrefix(prefix: string): Promise<string[]>;
  /** Every indexed term, for typo tolerance. */
  vocabulary(): Promise<readonly string[]>;
  paperCount(): Promise<number>;
  idsOf(docs: number[]): Promise<string[]>;
  hasPaper(id: string): Promise<boolean>;
}

// Title first, then what people said a paper is about (keywords, authors, tags, note), then the abstract.
const BOOST: Record<PostingField, number> = { 0: 4, 1: 2, 2: 1 };
/** Completions of a word still being typed: the shortest are the likeliest. */
const PREFIX_TERMS = 48;
const FUZZY_QUALITY = [1, 0.45, 0.25];

interface Candidate {
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

async function candidates(source: PostingsSource, word: string): Promise<Candidate[]> {
  const completions = word.length >= 2 ? await source.termsWithPrefix(word) : [];
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

async function matchWord(source: PostingsSource, word: string, paperCount: number, matched: Set<string>) {
  let wanted = await candidates(source, word);
  let scores = scoreWord(await source.postings(wanted.map((c) => c.term)), wanted, paperCount, matched);
  if (scores.size === 0) {
    // Nothing starts with this word: a typo, probably.
    wanted = nearTerms(word, await source.vocabulary()).map(({ term, distance }) => ({
      term,
      quality: FUZZY_QUALITY[distance],
    }));
    if (wanted.length)
      scores = scoreWord(await source.postings(wanted.map((c) => c.term)), wanted, paperCount, matched);
  }
  return scores;
}

function combine(perWord: DocScores[], allWords: boolean): DocScores {
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
 * typo away. An arXiv id or link goes straight to its paper. Ties go to the newer arXiv id.
 */
export async function searchPostings(source: PostingsSource, query: string): Promise<SearchResult> {
  const id = queryArxivId(query);
  if (id) return { ids: (await source.hasPaper(id)) ? [id] : [], terms: [], allWords: true };
  const words = queryWords(query);
  if (words.length === 0) return { ids: [], terms: [], allWords: true };
  const paperCount = Math.max(1, await source.paperCount());
  const matched = new Set<string>();
  const perWord = await Promise.all(words.map((word) => matchWord(source, word, paperCount, matched)));
  let allWords = true;
  let scores = combine(perWord, true);
  if (scores.size === 0 && words.length > 1) {
    allWords = false;
    scores = combine(perWord, false);
  }
  return { ids: await source.idsOf(scores.ranked()), terms: [...matched], allWords };
}
