import type { IDBPTransaction } from 'idb';
import type { Paper } from '@/lib/paper';
import { updatePostings } from '@/lib/search/postings';
import { updateTopicTallies } from '@/lib/topics/tallies';
import type { LibrarySchema, StoreName } from './schema';

/** A transaction over every store a write keeps in step (a normal write, or a schema upgrade). */
export type WriteTx = IDBPTransaction<LibrarySchema, StoreName[], 'readwrite' | 'versionchange'>;

/** One paper written: what it was (undefined if new) and what it is (undefined if deleted). */
export interface PaperChange {
  before: Paper | undefined;
  after: Paper | undefined;
}

/**
 * Brings what is derived from papers (the search postings, the topic tallies) in step with `changes`, inside
 * the transaction that writes them: a paper and its index entries commit together or not at all.
 */
export async function updateDerived(tx: WriteTx, changes: PaperChange[]): Promise<void> {
  if (changes.length === 0) return;
  await Promise.all([updatePostings(tx, changes), updateTopicTallies(tx, changes)]);
}
