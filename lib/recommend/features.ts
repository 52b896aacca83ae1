// What a paper is about, as weighted terms: the words and two-word phrases of its title, keywords and abstract.
import type { Paper } from '@/lib/paper';
import { singular } from '@/lib/plural';
import { tokenize } from '@/lib/search/tokens';
import { STOPWORDS } from '@/lib/stopwords';
import { PAPER_SPEAK } from '@/lib/topics/stoplist';

export type PaperText = Pick<Paper, 'title' | 'abstract' | 'keywords'>;
/** term → how often the paper uses it (title and keywords count twice: they say what the paper is about). */
export type TermCounts = Map<string, number>;

/** A unit-length tf-idf vector: terms and their weights, in the same order. */
export interface SparseVector {
  terms: string[];
  values: Float64Array;
}

export const meaningful = (word: string) =>
  word.length > 1 && !/^\d+$/.test(word) && !STOPWORDS.has(word) && !PAPER_SPEAK.has(word);

/** A word's term (its singular), or null for a word that is no term. */
export const wordTerm = (word: string): string | null => (meaningful(word) ? singular(word) : null);

// Each word's term as met: a library says the same few thousand words over and over, and a retrain reads hundreds
// of thousands. Forgotten when it grows past a vocabulary's size.
const TERM_OF_WORD_LIMIT = 50_000;
let termOfWord = new Map<string, string | null>();

function termOf(word: string): string | null {
  let term = termOfWord.get(word);
  if (term === undefined) {
    if (termOfWord.size >= TERM_OF_WORD_LIMIT) termOfWord = new Map();
    term = wordTerm(word);
    termOfWord.set(word, term);
  }
  return term;
}

/**
 * Called with each term of a text as met (as `termOf` names it: its text, or a number standing for it), its
 * weight, and the term before it in the same phrase (or null).
 */
export type TermVisitor<Term> = (term: Term, weight: number, previous: Term | null) => void;

function visitText<Term>(
  text: string | null,
  weight: number,
  termOf: (word: string) => Term | null,
  visit: TermVisitor<Term>,
) {
  if (!text) return;
  let previous: Term | null = null;
  for (const word of tokenize(text)) {
    const term = termOf(word);
    if (term === null) {
      previous = null; // a phrase never spans a function word
      continue;
    }
    visit(term, weight, previous);
    previous = term;
  }
}

/** Each term of a paper as met: its title, keywords and abstract, in that order (see paperTerms). */
export function visitTerms<Term>(paper: PaperText, termOf: (word: string) => Term | null, visit: TermVisitor<Term>) {
  visitText(paper.title, 2, termOf, visit);
  for (const keyword of paper.keywords) visitText(keyword, 2, termOf, visit);
  visitText(paper.abstract, 1, termOf, visit);
}

/** A paper's words and two-word phrases (a word and the one before it), each with its count. */
export function paperTerms(paper: PaperText): TermCounts {
  const counts: TermCounts = new Map();
  visitTerms(paper, termOf, (term, weight, previous) => {
    counts.set(term, (counts.get(term) ?? 0) + weight);
    if (previous) {
      const phrase = `${previous} ${term}`;
      counts.set(phrase, (counts.get(phrase) ?? 0) + weight);
    }
  });
  return counts;
}

/** Smoothed inverse document frequency, as scikit-learn computes it. */
export const inverseFrequency = (documents: number, frequency: number) =>
  Math.log((1 + documents) / (1 + frequency)) + 1;

/** Document frequencies of a corpus, and the idf they give. */
export function idfOf(corpus: readonly TermCounts[]): (term: string) => number {
  const frequency = new Map<string, number>();
  for (const counts of corpus) for (const term of counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return (term) => inverseFrequency(corpus.length, frequency.get(term) ?? 0);
}

/**
 * Sublinear tf times idf, scaled to unit length: a long abstract weighs no more than a short one. Its terms sorted,
 * as `cosine` needs them; or, where only sums over them are taken, in the order the paper says them.
 */
export function tfidf(counts: TermCounts, idf: (term: string) => number, { sorted = true } = {}): SparseVector {
  const terms = sorted ? [...counts.keys()].sort() : [...counts.keys()];
  const values = new Float64Array(terms.length);
  let norm = 0;
  terms.forEach((term, index) => {
    const value = (1 + Math.log(counts.get(term) as number)) * idf(term);
    values[index] = value;
    norm += value * value;
  });
  norm = Math.sqrt(norm) || 1;
  for (let index = 0; index < values.length; index++) values[index] /= norm;
  return { terms, values };
}

/** Cosine of two unit vectors (their terms sorted). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) sum += a.values[i++] * b.values[j++];
    else if (a.terms[i] < b.terms[j]) i++;
    else j++;
  }
  return sum;
}
