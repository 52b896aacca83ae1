import { useLayoutEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { countPapers, LibraryNotReady, type LibraryReader, openLibraryReader } from '@/lib/library/read';
import { sendMessage } from '@/lib/messages';
import { libraryChange } from '@/lib/settings';

export interface LibraryState {
  db: LibraryReader | undefined;
  /** The number of papers, once counted. */
  count: number | null;
  /** The last write the background reported: a stamp, and the papers it wrote (null: many, or deletions). */
  change: { stamp: number; ids: string[] | null };
  error: string | null;
  /** A newer version of Papershelf took the database over: this view must be reopened. */
  stale: boolean;
}

/** Opens the library read-only; if it needs migrating first, the background (its only writer) does that. */
async function openForReading(onStale: () => void): Promise<LibraryReader> {
  try {
    return await openLibraryReader(onStale);
  } catch (error) {
    if (!(error instanceof LibraryNotReady)) throw error;
    await sendMessage('prepareLibrary', {});
    return openLibraryReader(onStale);
  }
}

// The opening a page starts as its script loads (see the entry points), so the database opens while the first
// render runs; the page's library hook takes it over, with whoever must hear that it went stale.
interface StaleListener {
  stale: boolean;
  onStale?: () => void;
}
let early: { opening: Promise<LibraryReader>; listener: StaleListener } | undefined;

export function openLibraryEarly(): void {
  const listener: StaleListener = { stale: false };
  const opening = openForReading(() => {
    listener.stale = true;
    listener.onStale?.();
  });
  opening.catch(() => {}); // reported by the hook that takes it over
  early = { opening, listener };
}

function takeOpening(onStale: () => void): Promise<LibraryReader> {
  const started = early;
  early = undefined;
  if (!started) return openForReading(onStale);
  started.listener.onStale = onStale;
  if (started.listener.stale) onStale();
  return started.opening;
}

/** The library as extension pages see it: a read-only connection, the paper count, and news of every write. */
export function useLibrary(): LibraryState {
  const [state, setState] = useState<LibraryState>({
    db: undefined,
    count: null,
    change: { stamp: 0, ids: null },
    error: null,
    stale: false,
  });

  // Opened as soon as the page has rendered, not after its first paint: the rows wait on this.
  useLayoutEffect(() => {
    let db: LibraryReader | undefined;
    let closed = false;
    const patch = (next: Partial<LibraryState>) => !closed && setState((current) => ({ ...current, ...next }));
    const recount = () => db && countPapers(db).then((count) => patch({ count }));

    takeOpening(() => patch({ stale: true }))
      .then((opened) => {
        db = opened;
        if (closed) return opened.close();
        patch({ db: opened });
        return recount();
      })
      .catch((error) => patch({ error: errorMessage(error) }));

    const unwatch = libraryChange.watch((change) => {
      if (!change) return;
      patch({ change: { stamp: change.at, ids: change.ids } });
      recount()?.catch((error) => patch({ error: errorMessage(error) }));
    });
    return () => {
      closed = true;
      unwatch();
      db?.close();
    };
  }, []);

  return state;
}
