import type { Paper } from '@/lib/paper';

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

/** Where a search matched a paper, when its title does not show it: which part, and a line of it around the match. */
export interface Snippet {
  field: 'note' | 'tags' | 'authors' | 'keywords' | 'abstract';
  text: string;
}

const BEFORE = 30;
const LINE = 110;

/** A line of `text` around its first match: cut at word boundaries, an ellipsis where it was cut. */
function around(text: string, at: number): string {
  let start = Math.max(0, at - BEFORE);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + LINE);
  if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** The snippet a result shows when the query's words are not in its title; null when they are (or nothing matched). */
export function matchSnippet(paper: Paper, terms: string[]): Snippet | null {
  const pattern = patternFor(terms);
  if (!pattern) return null;
  const matchAt = (text: string) => {
    pattern.lastIndex = 0;
    return text.search(pattern);
  };
  if (matchAt(paper.title) >= 0) return null;
  const fields: [Snippet['field'], string | null][] = [
    ['note', paper.note],
    ['tags', paper.tags.join(', ')],
    ['authors', paper.authors.join(', ')],
    ['keywords', paper.keywords.join(', ')],
    ['abstract', paper.abstract],
  ];
  for (const [field, text] of fields) {
    if (!text) continue;
    const line = text.replace(/\s+/g, ' ');
    const at = matchAt(line);
    if (at >= 0) return { field, text: around(line, at) };
  }
  return null;
}
