// For you read the moment a page starts loading, beside the list's first screen (see lib/library/first-screen.ts):
// the last ranking and the papers of its first rows, so a click on For you shows them without waiting for a read.
// Plain IndexedDB, no library: the page's classic script that starts it must stay small.
import { answer } from '@/lib/library/first-screen';
import { FIRST_WINDOW, FOR_YOU_KEY, type StoredSuggestions, suggestionsWithin } from './record';

/** Where the early read leaves its promise for the page's module. */
export const EARLY_FOR_YOU_KEY = '__papershelfForYou';

export interface EarlyForYou {
  /** When the read began (ISO): the window it read is counted back from then. */
  at: string;
  record: StoredSuggestions | undefined;
  /** The stored records of the first EARLY_ROWS suggestions within FIRST_WINDOW, in order (undefined: gone). */
  papers: unknown[];
}

/**
 * Suggestions whose papers are read with the opening: For you's first screen in a tall popup. The rest of the window
 * is read once these are shown (a read per paper, and the opening is when the page is busiest).
 */
export const EARLY_ROWS = 12;

/**
 * Reads the ranking as soon as the database is open, and the papers of its first EARLY_ROWS suggestions within
 * FIRST_WINDOW once `after` (the list's first screen) has settled, so the list's own read goes first.
 */
export function startEarlyForYou(
  opening: Promise<IDBDatabase>,
  after: Promise<unknown>,
  now = new Date(),
): Promise<EarlyForYou> {
  const at = now.toISOString();
  const settled = after.then(
    () => {},
    () => {},
  );
  const ranking = opening.then(
    (db) =>
      answer(db.transaction('meta').objectStore('meta').get(FOR_YOU_KEY)) as Promise<StoredSuggestions | undefined>,
  );
  const read = Promise.all([opening, ranking, settled]).then(async ([db, record]) => {
    const wanted = record?.learned ? suggestionsWithin(record, FIRST_WINDOW, at).slice(0, EARLY_ROWS) : [];
    if (wanted.length === 0) return { at, record, papers: [] };
    const papers = db.transaction('papers').objectStore('papers');
    return { at, record, papers: await Promise.all(wanted.map((entry) => answer(papers.get(entry.id)))) };
  });
  read.catch(() => {}); // whoever takes it over reads again instead
  return read;
}

/** The early For you read the page's classic script started, once (undefined without one, or when already taken). */
export function takeEarlyForYou(): Promise<EarlyForYou> | undefined {
  const scope = globalThis as { [EARLY_FOR_YOU_KEY]?: Promise<EarlyForYou> };
  const started = scope[EARLY_FOR_YOU_KEY];
  delete scope[EARLY_FOR_YOU_KEY];
  return started;
}
