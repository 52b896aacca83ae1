import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { type SearchHit, sendMessage } from '@/lib/messages';
import type { Paper } from '@/lib/paper';
import { queryWords, quickMatch } from '@/lib/search/quick-match';

export interface SearchState {
  /** The query these results answer (results of an older query stay up until the new ones arrive). */
  query: string;
  /** Ranked ids, or undefined when the query is blank. */
  ids: string[] | undefined;
  terms: string[];
  /** True while these are quick matches shown until the ranked search answers. */
  quick: boolean;
  error: string | null;
}

const IDLE: SearchState = { query: '', ids: undefined, terms: [], quick: false, error: null };
const MAX_HITS = 5000;
const TYPING_PAUSE_MS = 40;
/** How long the ranked search may take before quick matches are shown in the meantime. */
const QUICK_AFTER_MS = 250;

/**
 * Asks the background's search index, again whenever `library` changes; the latest query wins when answers
 * arrive out of order. While the index is still loading (a stopped worker restarting with a large library),
 * quick matches over `sorted` fill the wait. A new sort order alone asks nothing: ranked results keep their order.
 */
export function useSearch(query: string, sorted: readonly Paper[], library: readonly Paper[]): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  const latestSorted = useRef(sorted);
  latestSorted.current = sorted;
  const shown = library.length > 0;

  // Wakes the worker and loads its index while the user starts typing; only once the first screenful is
  // shown, as loading a large index keeps the database busy.
  useEffect(() => {
    if (shown) sendMessage('search', { query: '', limit: 1 }).catch(() => {});
  }, [shown]);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setState(IDLE);
      return;
    }
    let current = true;
    let quickTimer: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(async () => {
      quickTimer = setTimeout(() => {
        const ids = quickMatch(latestSorted.current, text, MAX_HITS);
        if (current) setState({ query: text, ids, terms: queryWords(text), quick: true, error: null });
      }, QUICK_AFTER_MS);
      try {
        const { hits } = await sendMessage('search', { query: text, limit: MAX_HITS });
        if (current)
          setState({ query: text, ids: hits.map((hit) => hit.id), terms: termsOf(hits), quick: false, error: null });
      } catch (error) {
        const message = errorMessage(error);
        if (current) setState({ query: text, ids: [], terms: [], quick: false, error: message });
      } finally {
        clearTimeout(quickTimer);
      }
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
      clearTimeout(quickTimer);
    };
  }, [query, library]);
  return state;
}

function termsOf(hits: SearchHit[]): string[] {
  const terms = new Set<string>();
  for (const hit of hits.slice(0, 200)) for (const term of hit.terms) terms.add(term);
  return [...terms];
}
