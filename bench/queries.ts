// Realistic queries drawn from the library, and what they should find: a linear scan over every paper's words.
import type { Paper } from '@/lib/paper';
import { queryArxivId } from '@/lib/search/query';
import { isStopword, tokenize } from '@/lib/search/tokens';
import { random } from './synthetic-library';

export const KINDS = [
  'one word',
  'two words',
  'typing',
  'misspelling',
  'known item',
  'known item, misspelled',
  'author',
  'arXiv id',
] as const;
export type QueryKind = (typeof KINDS)[number];

export interface BenchQuery {
  kind: QueryKind;
  /** What is typed. */
  query: string;
  /** What was meant: the query itself, or for a misspelling the correctly spelled one. */
  intended: string;
  /** The paper the query was drawn from (it must be found). */
  from: string;
}

const content = (word: string) => word.length >= 3 && !isStopword(word) && /^\p{L}+$/u.test(word);

/** One realistic misspelling: a letter dropped, doubled, swapped with its neighbour or replaced by a neighbour key. */
function misspell(word: string, next: () => number): string {
  const at = 1 + Math.floor(next() * (word.length - 2));
  const kind = Math.floor(next() * 4);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at);
  if (kind === 2) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  const near: Record<string, string> = {
    a: 's',
    e: 'r',
    i: 'o',
    o: 'i',
    u: 'y',
    n: 'm',
    m: 'n',
    r: 't',
    t: 'r',
    s: 'a',
  };
  return word.slice(0, at) + (near[word[at]] ?? 'e') + word.slice(at + 1);
}

/**
 * `perKind` queries of each kind, the same every run: a title word; two adjacent title words; two words with the
 * second still being typed ("reinforcement lea") or one word half typed; a misspelled title word, alone or before
 * the next title word; a known item (three or four of a title's content words, as someone remembering the paper
 * types them), then the same with one of its words of six letters or more misspelled; an author's full name; an
 * arXiv id. Misspellings are never themselves words of the library.
 */
export function realisticQueries(papers: Paper[], perKind = 20, seed = 11): BenchQuery[] {
  const next = random(seed);
  const vocabulary = new Set<string>();
  for (const paper of papers)
    for (const word of tokenize(`${paper.title} ${paper.abstract ?? ''}`)) vocabulary.add(word);
  const queries: BenchQuery[] = [];
  for (const kind of KINDS) {
    let made = 0;
    for (let tries = 0; made < perKind && tries < perKind * 200; tries++) {
      const paper = papers[Math.floor(next() * papers.length)];
      const words = tokenize(paper.title);
      const pairs = words.flatMap((word, at) => (content(word) && content(words[at + 1] ?? '') ? [at] : []));
      const long = words.filter((word) => content(word) && word.length >= 4);
      let query: string | undefined;
      let intended: string | undefined;
      if (kind === 'one word' && long.length) query = long[Math.floor(next() * long.length)];
      else if (kind === 'two words' && pairs.length) {
        const at = pairs[Math.floor(next() * pairs.length)];
        query = `${words[at]} ${words[at + 1]}`;
      } else if (kind === 'typing') {
        if (made % 2 === 0 && pairs.length) {
          const at = pairs[Math.floor(next() * pairs.length)];
          const last = words[at + 1];
          if (last.length >= 5) query = `${words[at]} ${last.slice(0, 2 + Math.floor(next() * (last.length - 3)))}`;
        } else {
          const word = long.find((candidate) => candidate.length >= 6);
          if (word) query = word.slice(0, 3 + Math.floor(next() * (word.length - 4)));
        }
      } else if (kind === 'misspelling') {
        const start = Math.floor(next() * words.length);
        const at = words.findIndex((word, index) => index >= start && content(word) && word.length >= 6);
        if (at >= 0) {
          const typo = misspell(words[at], next);
          const alone = made % 2 === 0 || !content(words[at + 1] ?? '');
          if (!vocabulary.has(typo)) {
            query = alone ? typo : `${typo} ${words[at + 1]}`;
            intended = alone ? words[at] : `${words[at]} ${words[at + 1]}`;
          }
        }
      } else if (kind === 'known item' || kind === 'known item, misspelled') {
        const remembered = words.filter(content);
        const length = 3 + Math.floor(next() * 2);
        const start = Math.floor(next() * Math.max(1, remembered.length - length + 1));
        const picked = remembered.slice(start, start + length);
        const long = picked.flatMap((word, index) => (word.length >= 6 ? [index] : []));
        if (picked.length >= 3 && kind === 'known item') query = picked.join(' ');
        else if (picked.length >= 3 && long.length) {
          const at = long[Math.floor(next() * long.length)];
          const typo = misspell(picked[at], next);
          if (!vocabulary.has(typo)) {
            query = picked.map((word, index) => (index === at ? typo : word)).join(' ');
            intended = picked.join(' ');
          }
        }
      } else if (kind === 'author' && paper.authors.length) {
        query = paper.authors[Math.floor(next() * paper.authors.length)];
      } else if (kind === 'arXiv id') query = paper.id;
      if (!query || queries.some((known) => known.query === query)) continue;
      queries.push({ kind, query, intended: intended ?? query, from: paper.id });
      made++;
    }
  }
  // Interleaved, so a prefix of the list has every kind.
  return queries
    .map((query, index) => ({ query, order: (index % perKind) * KINDS.length + KINDS.indexOf(query.kind) }))
    .sort((a, b) => a.order - b.order)
    .map(({ query }) => query);
}

/** Every paper's words (title, abstract, authors, keywords), as the index and queries see them. */
export interface ScanIndex {
  ids: string[];
  words: Set<string>[];
}

export function scanIndex(papers: Paper[]): ScanIndex {
  return {
    ids: papers.map((paper) => paper.id),
    words: papers.map(
      (paper) => new Set(tokenize([paper.title, paper.abstract ?? '', ...paper.authors, ...paper.keywords].join(' '))),
    ),
  };
}

/** The ground truth: papers holding every word of the query, the last one as a prefix (it may be half typed). */
export function linearScan(index: ScanIndex, query: string): string[] {
  const id = queryArxivId(query);
  if (id) return index.ids.includes(id) ? [id] : [];
  const words = [...new Set(tokenize(query))];
  const last = words.pop();
  if (last === undefined) return [];
  const found: string[] = [];
  for (let paper = 0; paper < index.ids.length; paper++) {
    const own = index.words[paper];
    if (!words.every((word) => own.has(word))) continue;
    if (own.has(last)) found.push(index.ids[paper]);
    else
      for (const word of own)
        if (word.startsWith(last)) {
          found.push(index.ids[paper]);
          break;
        }
  }
  return found;
}

export interface Quality {
  /** Mean share of the ground truth found. */
  recall: number;
  /** Share of queries whose whole ground truth was found. */
  complete: number;
  /** Mean share of the first ten results that are in the ground truth. */
  top10: number;
  /** Share of queries whose paper (the one the query was drawn from) is among the first five results. */
  success5: number;
}

/** How well `found` (ranked ids per query) matches the ground truth, over the given queries. */
export function quality(queries: BenchQuery[], found: string[][], truth: string[][]): Quality {
  let recall = 0;
  let complete = 0;
  let top10 = 0;
  let success5 = 0;
  queries.forEach((query, index) => {
    const expected = new Set(truth[index]);
    const results = found[index];
    const hits = results.filter((id) => expected.has(id)).length;
    recall += expected.size ? hits / expected.size : 1;
    if (hits === expected.size) complete++;
    const first = results.slice(0, 10);
    top10 += first.length ? first.filter((id) => expected.has(id)).length / first.length : 0;
    if (results.slice(0, 5).includes(query.from)) success5++;
  });
  const n = Math.max(1, queries.length);
  return { recall: recall / n, complete: complete / n, top10: top10 / n, success5: success5 / n };
}
