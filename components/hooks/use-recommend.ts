import { getPapers, type LibraryReader, queuedPapers } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import type { similarSearcher } from '@/lib/recommend/nearest';
import { useRead } from './use-read';

// Similar papers load with the first detail opened (alongside its panel), not with every opening.
const loadNearest = () => import('@/lib/recommend/nearest');
/** One searcher per library reader: it keeps what it has read for the next detail. */
const searchers = new WeakMap<LibraryReader, ReturnType<typeof similarSearcher>>();

/** The To read queue, oldest first. */
export function useQueue(db: LibraryReader | undefined, stamp: number): Paper[] {
  return useRead(db && (() => queuedPapers(db)), [], [db, stamp])[0];
}

/** One paper by id, kept current as the library changes (a detail opened from anywhere). */
export function usePaper(db: LibraryReader | undefined, id: string | null, stamp: number): Paper | undefined {
  return useRead(db && id ? async () => (await getPapers(db, [id]))[0] : undefined, undefined, [db, id, stamp])[0];
}

/** The papers nearest in content to `paper`, read when its detail opens. */
export function useSimilar(db: LibraryReader | undefined, paper: Paper | undefined): Paper[] | undefined {
  const [read] = useRead<{ id: string; similar: Paper[] } | undefined>(
    db && paper
      ? async () => {
          const { nearestInLibrary, similarSearcher } = await loadNearest();
          const searcher = searchers.get(db) ?? similarSearcher(db);
          searchers.set(db, searcher);
          return { id: paper.id, similar: await nearestInLibrary(searcher, paper) };
        }
      : undefined,
    undefined,
    [db, paper?.id],
  );
  // Another paper's neighbours (the detail shown before) are never shown for this one, even while its own are read.
  return read && read.id === paper?.id ? read.similar : undefined;
}
