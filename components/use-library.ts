import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { countPapers, getAllPapers, getPapers, type LibraryDB, listRecentPapers, openLibrary } from '@/lib/library/db';
import type { Paper } from '@/lib/paper';
import { libraryChange } from '@/lib/settings';

export interface LibraryState {
  papers: Paper[];
  byId: Map<string, Paper>;
  /** Count of the whole library (known before every paper is loaded, once `counted`). */
  count: number;
  counted: boolean;
  /** False while only the first screenful is loaded. */
  complete: boolean;
  error: string | null;
}

const FIRST_SCREEN = 40;

function stateOf(papers: Paper[], count: number, complete: boolean, counted = true): LibraryState {
  return { papers, byId: new Map(papers.map((paper) => [paper.id, paper])), count, counted, complete, error: null };
}

/**
 * The library as extension pages see it: read-only (the background is the only writer), the first screenful
 * painted before the rest loads, and refreshed in place when the background reports a change.
 */
export function useLibrary(): LibraryState {
  const [state, setState] = useState<LibraryState>(() => stateOf([], 0, false, false));

  useEffect(() => {
    let db: LibraryDB | undefined;
    let cancelled = false;
    const update = (next: LibraryState) => !cancelled && setState(next);

    async function loadAll(database: LibraryDB) {
      const papers = await getAllPapers(database);
      update(stateOf(papers, papers.length, true));
    }

    async function loadChanged(database: LibraryDB, ids: string[]) {
      const changed = await getPapers(database, ids);
      setState((current) => {
        const byId = new Map(current.byId);
        for (const [index, id] of ids.entries()) {
          const paper = changed[index];
          if (paper) byId.set(id, paper);
          else byId.delete(id);
        }
        const papers = [...byId.values()];
        // Before the whole library is loaded, these are not all of its papers: the count stays as read.
        return { ...current, papers, byId, count: current.complete ? papers.length : current.count };
      });
    }

    (async () => {
      db = await openLibrary();
      // Counting 50,000 records takes a while: the first screenful is shown without waiting for it.
      const counting = countPapers(db);
      const first = await listRecentPapers(db, { limit: FIRST_SCREEN });
      if (first.length < FIRST_SCREEN) {
        update(stateOf(first, first.length, true));
        return;
      }
      update(stateOf(first, 0, false, false));
      const count = await counting;
      setState((current) => (current.counted ? current : { ...current, count, counted: true }));
      await loadAll(db);
    })().catch((error) => update({ ...stateOf([], 0, true), error: errorMessage(error) }));

    const unwatch = libraryChange.watch((change) => {
      if (!db || !change) return;
      (change.ids ? loadChanged(db, change.ids) : loadAll(db)).catch(console.error);
    });
    return () => {
      cancelled = true;
      unwatch();
      db?.close();
    };
  }, []);

  return state;
}
