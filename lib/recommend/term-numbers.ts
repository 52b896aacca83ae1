// Papers' terms as numbers of one vocabulary. A retrain weighs and looks up hundreds of thousands of terms: numbers
// index arrays where strings would be hashed, and a paper's numbered terms are small enough to keep between retrains.
import type { Paper } from '@/lib/paper';
import { type PaperText, visitTerms, wordTerm } from './features';

/** A paper's terms (see paperTerms) as vocabulary numbers and their counts, in the order the paper says them. */
export interface NumberedTerms {
  numbers: Uint32Array;
  counts: Float32Array;
}

/** Terms numbered as first met; a number always stands for the same term. */
export class Vocabulary {
  private readonly numberOfTerm = new Map<string, number>();
  /** Each word's term's number as met, or null for a word that is no term. */
  private readonly numberOfWord = new Map<string, number | null>();
  /** Per word's number, the numbers of the phrases it starts, by their second word's: no phrase text is rebuilt. */
  private readonly phrasesAfter: Map<number, number>[] = [];
  readonly terms: string[] = [];

  get size(): number {
    return this.terms.length;
  }

  numberOf(term: string): number {
    let number = this.numberOfTerm.get(term);
    if (number === undefined) {
      number = this.terms.length;
      this.numberOfTerm.set(term, number);
      this.terms.push(term);
    }
    return number;
  }

  wordNumber(word: string): number | null {
    let number = this.numberOfWord.get(word);
    if (number === undefined) {
      const term = wordTerm(word);
      number = term === null ? null : this.numberOf(term);
      this.numberOfWord.set(word, number);
    }
    return number;
  }

  phraseNumber(first: number, second: number): number {
    let after = this.phrasesAfter[first];
    if (!after) {
      after = new Map();
      this.phrasesAfter[first] = after;
    }
    let number = after.get(second);
    if (number === undefined) {
      number = this.numberOf(`${this.terms[first]} ${this.terms[second]}`);
      after.set(second, number);
    }
    return number;
  }
}

/** Where a retrain gets each paper's numbered terms, and the vocabulary that reads them. */
export interface TermNumbering {
  vocabulary: Vocabulary;
  termsOf(paper: Paper): NumberedTerms;
}

// One paper's counts by term number, and its numbers in the order met: reused from paper to paper (and cleared
// after each), where a map per paper would be allocated and grown hundreds of thousands of times a retrain.
let tally = new Float64Array(1 << 15);
let met = new Uint32Array(1 << 10);
let metCount = 0;

function add(number: number, weight: number) {
  if (number >= tally.length) {
    const larger = new Float64Array(Math.max(tally.length * 2, number + 1));
    larger.set(tally);
    tally = larger;
  }
  if (tally[number] === 0) {
    if (metCount === met.length) {
      const larger = new Uint32Array(met.length * 2);
      larger.set(met);
      met = larger;
    }
    met[metCount++] = number;
  }
  tally[number] += weight;
}

/** paperTerms as numbers: the same terms, counts and order. */
function numbered(paper: PaperText, vocabulary: Vocabulary): NumberedTerms {
  metCount = 0;
  visitTerms(
    paper,
    (word) => vocabulary.wordNumber(word),
    (number, weight, previous) => {
      add(number, weight);
      if (previous !== null) add(vocabulary.phraseNumber(previous, number), weight);
    },
  );
  const numbers = met.slice(0, metCount);
  const counts = new Float32Array(metCount); // whole counts: exact in 32 bits
  for (let k = 0; k < metCount; k++) {
    counts[k] = tally[numbers[k]];
    tally[numbers[k]] = 0;
  }
  return { numbers, counts };
}

/** Counts every paper's terms anew, in a vocabulary of its own. */
export function countTerms(): TermNumbering {
  const vocabulary = new Vocabulary();
  return { vocabulary, termsOf: (paper) => numbered(paper, vocabulary) };
}

// A quick fingerprint of a paper's text (FNV-1a), so a paper whose text changed is counted anew.
function textHash(paper: PaperText): number {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0xffff, 0x01000193); // a field's end: "ab"+"c" differs from "a"+"bc"
  };
  add(paper.title);
  for (const keyword of paper.keywords) add(keyword);
  add(paper.abstract ?? '');
  return hash >>> 0;
}

/** A vocabulary grown past this (papers come and go) is started afresh, and every paper counted again. */
const VOCABULARY_LIMIT = 250_000;

/**
 * Counts each paper's terms once and keeps them between retrains (a star changes no text): a few megabytes for
 * the papers of the last retrain, each checked against its text.
 */
export function createTermMemory() {
  let vocabulary = new Vocabulary();
  let kept = new Map<string, { hash: number; terms: NumberedTerms }>();
  let used = new Map<string, { hash: number; terms: NumberedTerms }>();

  const numbering: TermNumbering = {
    get vocabulary() {
      return vocabulary;
    },
    termsOf(paper) {
      const hash = textHash(paper);
      let entry = used.get(paper.id) ?? kept.get(paper.id);
      if (!entry || entry.hash !== hash) entry = { hash, terms: numbered(paper, vocabulary) };
      used.set(paper.id, entry);
      return entry.terms;
    },
  };

  return {
    /** Before a retrain: its papers will be asked for; the vocabulary is renewed when it grew too large. */
    begin(): TermNumbering {
      if (vocabulary.size > VOCABULARY_LIMIT) {
        vocabulary = new Vocabulary();
        kept = new Map();
      }
      used = new Map();
      return numbering;
    },
    /** After a retrain: only the papers it asked for are kept. */
    end() {
      kept = used;
      used = new Map();
    },
  };
}
