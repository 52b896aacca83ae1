// A reader's own changes to one paper: its star, tags and note, reading state, and when it was opened.

import { toPaper } from '@/lib/library/stored';
import { readAnnotation } from '@/lib/library/validate';
import type { Paper, ReadingState } from '@/lib/paper';
import type { LibraryDB } from './db';
import { inOneTransaction, writePapers } from './ingest';

/** Changes one stored paper's own fields (star, tags, note); false when there is no such paper. */
function updatePaper(db: LibraryDB, id: string, change: (paper: Paper) => Partial<Paper>): Promise<boolean> {
  return inOneTransaction(db, async (tx) => {
    const stored = await tx.objectStore('papers').get(id);
    if (!stored) return false;
    await writePapers(
      tx,
      [{ ...stored, ...change(toPaper(stored)) }],
      new Map([[id, stored]]),
      new Date().toISOString(),
    );
    return true;
  });
}

export function setStarred(db: LibraryDB, id: string, starred: boolean): Promise<boolean> {
  return updatePaper(db, id, () => ({ starred, annotatedAt: new Date().toISOString() }));
}

export async function annotatePaper(db: LibraryDB, id: string, tags: unknown, note: unknown): Promise<boolean> {
  const annotation = readAnnotation(tags, note);
  if (!annotation.ok) throw new Error(annotation.reason);
  // Stamped, so an older backup imported later does not bring back what the user changed.
  return updatePaper(db, id, () => ({ ...annotation.value, annotatedAt: new Date().toISOString() }));
}

/**
 * Puts a paper on the To read queue (at the back), marks it read or not interested, or clears its state. Stamped
 * like a star, so an older backup never resets it.
 */
export function setReadingState(db: LibraryDB, id: string, state: ReadingState | null): Promise<boolean> {
  const at = new Date().toISOString();
  return updatePaper(db, id, (paper) => ({
    readingState: state,
    queuedAt: state === 'to-read' ? (paper.readingState === 'to-read' && paper.queuedAt ? paper.queuedAt : at) : null,
    annotatedAt: at,
  }));
}

/** The user opened the paper (a link from Papershelf): a sign of interest, not an edit of theirs. */
export function markOpened(db: LibraryDB, id: string): Promise<boolean> {
  return updatePaper(db, id, () => ({ openedAt: new Date().toISOString() }));
}
