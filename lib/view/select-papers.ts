import type { Paper } from '@/lib/paper';

export type SortKey = 'lastSeen' | 'published' | 'upvotes';

export interface Selection {
  /** Ranked ids from a search, best first; undefined when there is no query. */
  searchHits?: string[];
  /** Papers of the chosen topic; undefined when no topic is chosen. */
  topicIds?: ReadonlySet<string>;
  starredOnly: boolean;
}

const byText = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');

const COMPARE: Record<SortKey, (a: Paper, b: Paper) => number> = {
  lastSeen: (a, b) => byText(a.lastSeenAt, b.lastSeenAt),
  published: (a, b) => byText(a.publishedAt, b.publishedAt) || byText(a.lastSeenAt, b.lastSeenAt),
  upvotes: (a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1) || byText(a.lastSeenAt, b.lastSeenAt),
};

/** Sorts a library once per sort key; filters are applied to the sorted list afterwards. */
export function sortPapers(papers: readonly Paper[], sort: SortKey): Paper[] {
  return [...papers].sort(COMPARE[sort]);
}

/**
 * The papers a view shows: search results keep their relevance order (the search breaks ties by recency);
 * without a query, the library's order for the chosen sort.
 */
export function selectPapers(
  sorted: readonly Paper[],
  byId: ReadonlyMap<string, Paper>,
  selection: Selection,
): Paper[] {
  const keep = (paper: Paper) =>
    (!selection.starredOnly || paper.starred) && (!selection.topicIds || selection.topicIds.has(paper.id));
  if (selection.searchHits) {
    return selection.searchHits.flatMap((id) => {
      const paper = byId.get(id);
      return paper && keep(paper) ? [paper] : [];
    });
  }
  return sorted.filter(keep);
}
