import type { Paper } from '@/lib/paper';
import { velocityOrder } from '@/lib/velocity';

export type SortKey = 'lastSeen' | 'firstSeen' | 'published' | 'upvotes' | 'velocity';

const byText = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
const byIdDescending = (a: Paper, b: Paper) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const byNumber = (a: number, b: number) => (a < b ? 1 : a > b ? -1 : 0);

// The same orders as the library's indexes (see read.ts), for the few lists sorted in memory (starred papers).
const COMPARE: Record<SortKey, (a: Paper, b: Paper) => number> = {
  lastSeen: (a, b) => byText(a.lastSeenAt, b.lastSeenAt) || byIdDescending(a, b),
  firstSeen: (a, b) => byText(a.firstSeenAt, b.firstSeenAt) || byIdDescending(a, b),
  published: (a, b) =>
    byText(a.publishedAt, b.publishedAt) || byText(a.lastSeenAt, b.lastSeenAt) || byIdDescending(a, b),
  upvotes: (a, b) =>
    (b.upvotes ?? -1) - (a.upvotes ?? -1) || byText(a.lastSeenAt, b.lastSeenAt) || byIdDescending(a, b),
  velocity: (a, b) =>
    byNumber(velocityOrder(a.upvoteHistory), velocityOrder(b.upvoteHistory)) ||
    byText(a.lastSeenAt, b.lastSeenAt) ||
    byIdDescending(a, b),
};

/**
 * The date a list in `sort` order falls into days by (its first row of each day names it), or null for an order
 * that is not by a day: most recently seen by the day last seen, first seen by the day first seen.
 */
export function dayOfSort(sort: SortKey | 'relevance'): ((paper: Paper) => string) | null {
  if (sort === 'lastSeen') return (paper) => paper.lastSeenAt;
  if (sort === 'firstSeen') return (paper) => paper.firstSeenAt;
  return null;
}

export function sortPapers(papers: readonly Paper[], sort: SortKey): Paper[] {
  return [...papers].sort(COMPARE[sort]);
}

export interface Filters {
  /** Papers of the chosen topic; undefined when no topic is chosen. */
  topicIds?: ReadonlySet<string>;
  /** Starred papers' ids when only those are wanted. */
  starredIds?: ReadonlySet<string>;
}

/** Keeps the ids (in their order: relevance, or the sort) that every chosen filter lets through. */
export function filterIds(ids: readonly string[], { topicIds, starredIds }: Filters): string[] {
  if (!topicIds && !starredIds) return ids as string[];
  return ids.filter((id) => (!topicIds || topicIds.has(id)) && (!starredIds || starredIds.has(id)));
}
