import type { DBSchema } from 'idb';
import type { StoredPaper } from '@/lib/paper';

export const DB_NAME = 'papershelf';
export const DB_VERSION = 3;

export interface LibrarySchema extends DBSchema {
  papers: {
    key: string;
    value: StoredPaper;
    indexes: { lastSeenAt: string; publishedAt: string; firstSeenAt: string; changedAt: string };
  };
  /** Small records of the library's own: e.g. the search index snapshot. */
  meta: { key: string; value: unknown };
}
