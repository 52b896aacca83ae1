import type { DBSchema } from 'idb';
import type { StoredPaper } from '@/lib/paper';

export const DB_NAME = 'papershelf';
export const DB_VERSION = 6;

/**
 * Postings of one write, kept together until the background merges them into the per-term blocks (see
 * lib/search/segments.ts): `keys` are "field term" lines in sorted order; key i owns docs[offsets[i], offsets[i+1]).
 */
export interface Segment {
  keys: string;
  offsets: Uint32Array;
  docs: Uint32Array;
}

/** Which part of a paper a search posting comes from: ranking weighs them differently. */
export type PostingField = 0 | 1 | 2;

/** Every postings block of (`field`, `term`), in block order. */
export const termRange = (field: PostingField, term: string) =>
  IDBKeyRange.bound([field, term, 0], [field, term, Infinity]);

/** Every term filed under `form` in `typoForms`. */
export const formRange = (form: string) => IDBKeyRange.bound([form], [form, []]);

export interface LibrarySchema extends DBSchema {
  papers: {
    key: string;
    value: StoredPaper;
    indexes: {
      lastSeenAt: string;
      publishedAt: string;
      firstSeenAt: string;
      changedAt: string;
      byPublished: [string, string];
      byUpvotes: [number, string];
      byVelocity: [number, string];
      starred: string;
      tags: string;
      githubRepo: string;
      /** The To read queue: only queued papers carry `queuedAt`. */
      queue: string;
      /** Papers the user edited (star, tags, note, reading state) or opened: what suggestions learn from. */
      annotated: string;
      opened: string;
    };
  };
  /**
   * The search index, on disk: the papers (encoded ids, see lib/search/doc-ids.ts) whose `field` holds `term`,
   * in blocks of a bounded size so a write touches little. Written in the same transaction as the papers.
   */
  postings: { key: [PostingField, string, number]; value: Uint32Array };
  /** Postings of recent writes, one record per write, until the background merges them into `postings`. */
  segments: { key: number; value: Segment };
  /** Every term ever indexed, for typo-tolerant lookups (a stale term only costs a lookup that finds nothing). */
  terms: { key: string; value: 1 };
  /**
   * Every term of `terms` filed under itself and each form of it with one letter left out (see
   * lib/search/fuzzy.ts): a misspelled word finds its terms by a few key reads. Filed with the term; a stale one
   * only costs a lookup that finds nothing.
   */
  typoForms: { key: [string, string]; value: 1 };
  /** Topic tallies per day, kept in step with every write so topics are ranked, never recomputed. */
  topicDays: { key: string; value: unknown };
  /** Small records of the library's own. */
  meta: { key: string; value: unknown };
}

/** The `meta` key of the number of papers, kept by every write: Chrome's `count()` walks the whole store. */
export const PAPER_COUNT_KEY = 'paperCount';

export type StoreName = 'papers' | 'postings' | 'segments' | 'terms' | 'typoForms' | 'topicDays' | 'meta';
/** Every store a write keeps in step: a paper and what is derived from it commit together. */
export const WRITE_STORES: StoreName[] = ['papers', 'postings', 'segments', 'terms', 'typoForms', 'topicDays', 'meta'];
