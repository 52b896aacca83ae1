// What a write hands to the indexes it keeps in step (search postings, topic tallies): the storage layer owns the
// transaction, and the index writers take it from here, so neither side imports the other's code.
import type { IDBPTransaction } from 'idb';
import type { Paper } from '@/lib/paper';
import type { LibrarySchema, StoreName } from './schema';

/** A transaction over every store a write keeps in step (a normal write, or a schema upgrade). */
export type WriteTx = IDBPTransaction<LibrarySchema, StoreName[], 'readwrite' | 'versionchange'>;

/** One paper written: what it was (undefined if new) and what it is (undefined if deleted). */
export interface PaperChange {
  before: Paper | undefined;
  after: Paper | undefined;
}
