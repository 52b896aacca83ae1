import type { PostingField } from '@/lib/library/schema';
import type { Paper } from '@/lib/paper';
import { ABSTRACT_STOPWORDS } from '@/lib/stopwords';

export const TITLE: PostingField = 0;
/** Keywords, authors, tags and the note: what a paper is about, said by a person. */
export const META: PostingField = 1;
export const ABSTRACT: PostingField = 2;
export const FIELDS: readonly PostingField[] = [TITLE, META, ABSTRACT];

const MAX_TERM = 40;
const WORD = /[\p{L}\p{N}]+/gu;
// Nearly every paper's text is plain ASCII: nothing to fold, and its words are its runs of letters and digits.
const ASCII_WORD = /[a-z0-9]+/g;
const NOT_ASCII = /[\u0080-\uffff]/;

/** The words of a text as the index and queries both see them: lowercased, accents folded. */
export function tokenize(text: string): string[] {
  const folded = NOT_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : null;
  const words = folded === null ? text.toLowerCase().match(ASCII_WORD) : folded.match(WORD);
  return (words ?? []).filter((word) => word.length <= MAX_TERM);
}

const termSet = (texts: (string | null)[], skip?: Set<string>) => {
  const terms = new Set<string>();
  for (const text of texts) if (text) for (const term of tokenize(text)) if (!skip?.has(term)) terms.add(term);
  return terms;
};

/** The distinct terms of each field of a paper, in FIELDS order. */
export function fieldTerms(paper: Paper): Set<string>[] {
  return [
    termSet([paper.title]),
    termSet([...paper.keywords, ...paper.authors, ...paper.tags, paper.note]),
    termSet([paper.abstract], ABSTRACT_STOPWORDS),
  ];
}

export const isStopword = (word: string) => ABSTRACT_STOPWORDS.has(word);
