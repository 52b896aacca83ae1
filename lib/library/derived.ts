import type { IDBPTransaction } from 'idb';
import type { Paper } from '@/lib/paper';
import { updatePostings } from '@/lib/search/postings';
import { updateTopicTallies } from '@/lib/topics/tallies';
import { type LibrarySchema, PAPER_COUNT_KEY, type StoreName } from './schema';

/** A transaction over every store a write keeps in step (a normal write, or a schema upgrade). */
export type WriteTx = IDBPTransaction<LibrarySchema, StoreName[], 'readwrite' | 'versionchange'>;

/** One paper written: what it was (undefined if new) and what it is (undefined if deleted). */
export interface PaperChange {
  before: Paper | undefined;
  after: Paper | undefined;
}

async function updatePaperCount(tx: WriteTx, changes: PaperChange[]) {
  const delta = changes.reduce((sum, { before, after }) => sum + (after ? 1 : 0) - (before ? 1 : 0), 0);
  if (delta === 0) return;
  const meta = tx.objectStore('meta');
  const known = await meta.get(PAPER_COUNT_KEY);
  // Unknown (a library cleared, or from before the count was kept): counted once, here.
  const base = typeof known === 'number' ? known : (await tx.objectStore('papers').count()) - delta;
  await meta.put(base + delta, PAPER_COUNT_KEY);
}

/**
 * Brings what is derived from papers (the search postings, the topic tallies, the count) in step with `changes`,
 * inside the transaction that writes them: a paper and what is derived from it commit together or not at all.
 */
export async function updateDerived(tx: WriteTx, changes: PaperChange[]): Promise<void> {
  if (changes.length === 0) return;
  await Promise.all([updatePostings(tx, changes), updateTopicTallies(tx, changes), updatePaperCount(tx, changes)]);
}
