import type { DBSchema } from 'idb';
import type { StoredPaper } from '@/lib/paper';

export const DB_NAME = 'papershelf';
export const DB_VERSION = 7;

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

/** A term list entry: the forms a misspelling of the term is looked up under. */
export interface TermEntry {
  forms: string[];
}

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
  /**
   * Every term ever indexed, each with its typo forms: its two halves, each with its length (see
   * lib/search/fuzzy.ts). The multi-entry index files the term under each form, so a misspelled word finds its
   * terms by a few key reads, and a new term costs one write. A stale term only costs a lookup that finds nothing.
   */
  terms: { key: string; value: TermEntry; indexes: { typoForm: string } };
  /** Topic tallies per day, kept in step with every write so topics are ranked, never recomputed. */
  topicDays: { key: string; value: unknown };
  /** Small records of the library's own. */
  meta: { key: string; value: unknown };
}

/** The `meta` key of the number of papers, kept by every write: Chrome's `count()` walks the whole store. */
export const PAPER_COUNT_KEY = 'paperCount';

export type StoreName = 'papers' | 'postings' | 'segments' | 'terms' | 'topicDays' | 'meta';
/** Every store a write keeps in step: a paper and what is derived from it commit together. */
export const WRITE_STORES: StoreName[] = ['papers', 'postings', 'segments', 'terms', 'topicDays', 'meta'];
