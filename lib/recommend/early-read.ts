// For you read the moment a page starts loading, beside the list's first screen (see lib/library/first-screen.ts):
// the last ranking and the papers of its first window, so a click on For you shows them without a read of its own.
// Plain IndexedDB, no library: the page's classic script that starts it must stay small.
import { answer } from '@/lib/library/first-screen';
import { FIRST_WINDOW, FOR_YOU_KEY, type StoredSuggestions, suggestionsWithin } from './record';

/** Where the early read leaves its promise for the page's module. */
export const EARLY_FOR_YOU_KEY = '__papershelfForYou';

export interface EarlyForYou {
  /** When the read began (ISO): the window it read is counted back from then. */
  at: string;
  record: StoredSuggestions | undefined;
  /** The stored records of the ranking's first suggestions within FIRST_WINDOW, in its order (undefined: gone). */
  papers: unknown[];
}

/** Reads the ranking and its first window's papers in one transaction once the database is open and `after` settled. */
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
  const read = Promise.all([opening, settled]).then(async ([db]) => {
    const tx = db.transaction(['meta', 'papers']);
    const record = (await answer(tx.objectStore('meta').get(FOR_YOU_KEY))) as StoredSuggestions | undefined;
    // Asked for in the same transaction, from the answer's own callback, so it is still active.
    const wanted = record?.learned ? suggestionsWithin(record, FIRST_WINDOW, at) : [];
    const papers = await Promise.all(wanted.map((entry) => answer(tx.objectStore('papers').get(entry.id))));
    return { at, record, papers };
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
