// Live status the background writes and open pages listen to (each a storage item: a page opened later still sees
// the last value). What the user chose lives in preferences.ts.
import { storage } from 'wxt/utils/storage';
import type { ImportReport } from './io/import-file';
import type { SuggestionModel } from './recommend/model';

export interface LibraryChange {
  at: number;
  /** The papers written; null when many changed or some were deleted (reload everything). */
  ids: string[] | null;
}

/** Set by the background after every write, so open library views refresh just what changed. */
export const libraryChange = storage.defineItem<LibraryChange>('local:libraryChange', {
  fallback: { at: 0, ids: null },
});

/** Where the last import stands, written by the background as it goes: a page opened later still sees it. */
export interface ImportStatus {
  id: string;
  fileName: string;
  /** When this status was written (ms since the epoch). */
  at: number;
  phase: 'receiving' | 'checking' | 'writing' | 'done' | 'failed';
  /** Progress within the phase (0–1), or null when it cannot be told (the final commit). */
  fraction: number | null;
  /** While writing: how many of the file's papers are merged so far, and how many it has. */
  papers?: { done: number; total: number };
  report?: ImportReport;
  error?: string;
}

export const importStatus = storage.defineItem<ImportStatus | null>('local:importStatus', { fallback: null });

/** The last write the database refused (a full disk, say), until writes succeed again. */
export interface WriteProblem {
  at: number;
  message: string;
}

export const writeProblem = storage.defineItem<WriteProblem | null>('local:writeProblem', { fallback: null });

/** The last suggestion model, for the pages' marks and for pages to hear a new ranking; null below 3 positives. */
export interface PublishedSuggestions {
  at: string;
  model: SuggestionModel | null;
}
export const publishedSuggestions = storage.defineItem<PublishedSuggestions | null>('local:suggestions', {
  fallback: null,
});
