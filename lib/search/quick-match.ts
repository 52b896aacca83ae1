import type { Paper } from '@/lib/paper';
import { queryArxivId } from './search-index';

// Built once per paper object: the library hands out new objects when a paper changes.
const haystacks = new WeakMap<Paper, string>();

function haystack(paper: Paper): string {
  let text = haystacks.get(paper);
  if (text === undefined) {
    text = [paper.title, ...paper.authors, ...paper.keywords, ...paper.tags, paper.note ?? ''].join('\n').toLowerCase();
    haystacks.set(paper, text);
  }
  return text;
}

export const queryWords = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * A plain match for the moment the ranked index is not ready (a worker that was stopped is still loading it):
 * papers whose title, authors, keywords, tags or note contain every word, in the order given. Abstracts are left
 * to the ranked search, which answers a few seconds later.
 */
export function quickMatch(papers: readonly Paper[], query: string, limit: number): string[] {
  const id = queryArxivId(query);
  if (id) return papers.some((paper) => paper.id === id) ? [id] : [];
  const words = queryWords(query);
  if (words.length === 0) return [];
  const ids: string[] = [];
  for (const paper of papers) {
    const text = haystack(paper);
    if (words.every((word) => text.includes(word))) ids.push(paper.id);
    if (ids.length >= limit) break;
  }
  return ids;
}
