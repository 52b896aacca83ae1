import { useLayoutEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { FIRST_SCREEN, takeEarlyRead } from '@/lib/library/first-screen';
import {
  countPapers,
  LibraryNotReady,
  type LibraryReader,
  type OrderPosition,
  openLibraryReader,
  pageOf,
} from '@/lib/library/read';
import { sendMessage } from '@/lib/messages';
import type { Paper } from '@/lib/paper';
import { type LibraryChange, libraryChange } from '@/lib/status';

export interface LibraryState {
  db: LibraryReader | undefined;
  /** The number of papers, once counted. */
  count: number | null;
  /** The newest papers by last seen, read with the opening (null where they were not): the list's first screen. */
  firstScreen: { papers: Paper[]; next: OrderPosition | null } | null;
  /** The last write the background reported: a stamp, and the papers it wrote (null: many, or deletions). */
  change: { stamp: number; ids: string[] | null };
  error: string | null;
  /** A newer version of Papershelf took the database over: this view must be reopened. */
  stale: boolean;
}

/**
 * Opens the library read-only (or takes over the opening the page's classic script `begun`); if it needs migrating
 * first, the background (its only writer) does that.
 */
async function openForReading(onStale: () => void, begun?: Promise<IDBDatabase>): Promise<LibraryReader> {
  try {
    return await openLibraryReader(onStale, begun);
  } catch (error) {
    if (!(error instanceof LibraryNotReady)) throw error;
    await sendMessage('prepareLibrary', {});
    return openLibraryReader(onStale);
  }
}

// The opening a page starts before its first render: begun by the page's classic script (see
// entrypoints/first-screen.ts) with the first screen's read, or else as the module loads. The page's library hook
// takes it over, and with it the listener to call if a newer version of the database makes it stale.
interface StaleListener {
  stale: boolean;
  onStale?: () => void;
}
type FirstScreenRead = NonNullable<LibraryState['firstScreen']> & { count: number | undefined };
interface Opening {
  opening: Promise<LibraryReader>;
  /** The first screen and the kept paper count, read with the opening (null when they were not). */
  firstScreen: Promise<FirstScreenRead | null>;
  /** When the first screen's read began, if there was one (epoch ms). */
  readAt?: number;
  listener: StaleListener;
  /** Both, once they have arrived: a first render after that shows them. */
  settled?: { db: LibraryReader; screen: FirstScreenRead | null };
}
let early: Opening | undefined;

/**
 * How long a page's first render waits for its first screen. It has usually been read by the time the page's
 * module has loaded; waiting paints the page once, with its rows, rather than an empty list and then a second
 * render of the whole page (tens of ms while its code is still cold). A slow library is not waited for longer.
 */
const FIRST_RENDER_PATIENCE = 100;

function startOpening(): Opening {
  const listener: StaleListener = { stale: false };
  const onStale = () => {
    listener.stale = true;
    listener.onStale?.();
  };
  const started = takeEarlyRead();
  const opening = openForReading(onStale, started?.opening);
  const firstScreen = (started?.firstScreen ?? Promise.resolve(null)).then(
    (screen) => screen && { ...pageOf(screen.records, FIRST_SCREEN), count: screen.count },
    () => null, // the list reads its first screen itself
  );
  opening.catch(() => {}); // reported by the hook that takes it over
  return { opening, firstScreen, readAt: started?.startedAt, listener };
}

/** Starts opening the library; resolves when the first screen is there to render, or after a short wait. */
export function openLibraryEarly(): Promise<void> {
  const started = startOpening();
  early = started;
  const settled = Promise.all([started.opening, started.firstScreen]).then(
    ([db, screen]) => {
      started.settled = { db, screen };
    },
    () => {}, // the page renders, and its hook reports the failure
  );
  return Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_PATIENCE))]);
}

function takeOpening(): Opening {
  const started = early ?? startOpening();
  early = undefined;
  return started;
}

/** The library as extension pages see it: a read-only connection, the paper count, and news of every write. */
export function useLibrary(): LibraryState {
  // What had arrived by the first render is shown by it; what arrives later, by a render of its own.
  const [{ taken, shown }] = useState(() => {
    const opening = takeOpening();
    return { taken: opening, shown: opening.settled };
  });
  const [state, setState] = useState<LibraryState>(() => {
    const screen = shown?.screen;
    return {
      db: shown?.db,
      count: screen?.count ?? null,
      firstScreen: screen ? { papers: screen.papers, next: screen.next } : null,
      change: { stamp: 0, ids: null },
      error: null,
      stale: false,
    };
  });

  // Taken over as soon as the page has rendered, not after its first paint: the rows wait on this.
  useLayoutEffect(() => {
    let db: LibraryReader | undefined;
    let closed = false;
    const patch = (next: Partial<LibraryState>) => !closed && setState((current) => ({ ...current, ...next }));
    const recount = () => db && countPapers(db).then((count) => patch({ count }));

    taken.listener.onStale = () => patch({ stale: true });
    if (taken.listener.stale) patch({ stale: true });
    // The connection, the count and the first screen arrive together: one render shows them all (the first
    // render already did when they were there in time).
    Promise.all([taken.opening, taken.firstScreen])
      .then(([opened, screen]) => {
        db = opened;
        if (closed) return opened.close();
        const count = screen?.count;
        if (!shown)
          patch({
            db: opened,
            firstScreen: screen && { papers: screen.papers, next: screen.next },
            count: count ?? null,
          });
        return count === undefined ? recount() : undefined;
      })
      .catch((error) => patch({ error: errorMessage(error) }));

    const heard = (change: LibraryChange | null) => {
      if (!change) return;
      patch({ change: { stamp: change.at, ids: change.ids } });
      recount()?.catch((error) => patch({ error: errorMessage(error) }));
    };
    const unwatch = libraryChange.watch(heard);
    // A write reported after the first screen was read, before this watch began, is heard all the same.
    const { readAt } = taken;
    if (readAt !== undefined)
      libraryChange
        .getValue()
        .then((change) => change.at >= readAt && heard(change))
        .catch(() => {}); // the next write is heard by the watch
    return () => {
      closed = true;
      unwatch();
      db?.close();
    };
  }, [taken, shown]);

  return state;
}
