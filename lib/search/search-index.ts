import MiniSearch, { type SearchResult } from 'minisearch';
import { parseArxivId } from '@/lib/arxiv';
import type { SearchHit } from '@/lib/messages';
import type { Paper } from '@/lib/paper';

export type SearchIndex = MiniSearch<IndexedPaper>;

interface IndexedPaper {
  id: string;
  title: string;
  keywords: string;
  authors: string;
  abstract: string;
  annotations: string;
  lastSeenAt: string;
}

const OPTIONS = {
  fields: ['title', 'keywords', 'authors', 'abstract', 'annotations'],
  // Only what ranking needs: records themselves stay in the library.
  storeFields: ['lastSeenAt'],
  searchOptions: {
    boost: { title: 4, keywords: 2, authors: 2, annotations: 2, abstract: 1 },
    prefix: true,
    fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
  },
};

export function createSearchIndex(): SearchIndex {
  return new MiniSearch<IndexedPaper>(OPTIONS);
}

function indexed(paper: Paper): IndexedPaper {
  return {
    id: paper.id,
    title: paper.title,
    keywords: paper.keywords.join(' '),
    authors: paper.authors.join(' '),
    abstract: paper.abstract ?? '',
    annotations: [...paper.tags, paper.note ?? ''].join(' '),
    lastSeenAt: paper.lastSeenAt,
  };
}

/** Adds papers, replacing any earlier version of them: the index follows the library one write at a time. */
export function addOrReplace(index: SearchIndex, papers: Paper[]): void {
  for (const paper of papers) {
    if (index.has(paper.id)) index.discard(paper.id);
    index.add(indexed(paper));
  }
}

export function removeFromIndex(index: SearchIndex, ids: string[]): void {
  for (const id of ids) if (index.has(id)) index.discard(id);
}

/** An arXiv id typed or pasted as a link (`2509.24002v2`, `arxiv.org/abs/…`, `huggingface.co/papers/…`). */
export function queryArxivId(query: string): string | null {
  const text = query.trim();
  const fromUrl = /(?:arxiv\.org\/(?:abs|pdf)|huggingface\.co\/papers)\/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$/i.exec(text);
  return parseArxivId(fromUrl ? fromUrl[1] : text);
}

const byScoreThenRecency = (a: SearchResult, b: SearchResult) =>
  b.score - a.score || String(b.lastSeenAt).localeCompare(String(a.lastSeenAt));

/** Ranked hits: all words must match (prefix, typo-tolerant); if none do, any word may. */
export function searchPapers(index: SearchIndex, query: string, { limit = 100 }: { limit?: number } = {}): SearchHit[] {
  const id = queryArxivId(query);
  if (id) return index.has(id) ? [{ id, score: Number.POSITIVE_INFINITY, terms: [] }] : [];
  let results = index.search(query, { combineWith: 'AND' });
  if (results.length === 0) results = index.search(query, { combineWith: 'OR' });
  return results
    .sort(byScoreThenRecency)
    .slice(0, limit)
    .map((result) => ({ id: String(result.id), score: result.score, terms: result.terms }));
}

export function serializeIndex(index: SearchIndex): string {
  return JSON.stringify(index);
}

export function loadIndex(json: string): SearchIndex {
  return MiniSearch.loadJSON<IndexedPaper>(json, OPTIONS);
}

export interface Segment {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One pattern per list of terms: every visible row highlights with the same list, again on each scroll.
const patterns = new WeakMap<string[], RegExp | null>();

function patternFor(terms: string[]): RegExp | null {
  let pattern = patterns.get(terms);
  if (pattern === undefined) {
    const words = terms
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    pattern = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})`, 'giu') : null;
    patterns.set(terms, pattern);
  }
  return pattern;
}

/** Splits text into matched and unmatched runs (words starting with a matched term), for rendering as text. */
export function highlight(text: string, terms: string[]): Segment[] {
  const pattern = patternFor(terms);
  if (!pattern) return [{ text, match: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
