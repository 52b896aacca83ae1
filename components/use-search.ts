import { useEffect, useState } from 'preact/hooks';
import { type SearchHit, sendMessage } from '@/lib/messages';

export interface SearchState {
  /** The query these results answer (results of an older query stay up until the new ones arrive). */
  query: string;
  /** Ranked ids, or undefined when the query is blank. */
  ids: string[] | undefined;
  terms: string[];
  error: string | null;
}

const IDLE: SearchState = { query: '', ids: undefined, terms: [], error: null };
const MAX_HITS = 5000;

/** Asks the background's search index; the latest query wins when answers arrive out of order. */
export function useSearch(query: string, revision: unknown, shown: boolean): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
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
    const timer = setTimeout(async () => {
      try {
        const { hits } = await sendMessage('search', { query: text, limit: MAX_HITS });
        if (current) setState({ query: text, ids: hits.map((hit) => hit.id), terms: termsOf(hits), error: null });
      } catch (error) {
        if (current)
          setState({ query: text, ids: [], terms: [], error: error instanceof Error ? error.message : String(error) });
      }
    }, 40);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, revision]);
  return state;
}

function termsOf(hits: SearchHit[]): string[] {
  const terms = new Set<string>();
  for (const hit of hits.slice(0, 200)) for (const term of hit.terms) terms.add(term);
  return [...terms];
}
