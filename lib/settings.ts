import { storage } from 'wxt/utils/storage';
import { type BackupState, NO_BACKUPS } from './backup';
import type { SuggestionModel } from './recommend/model';

/** Whether the content script records what the user sees. On by default. */
export const captureEnabled = storage.defineItem<boolean>('local:captureEnabled', { fallback: true });

/** Whether the Hugging Face pages show an "already seen" badge on papers seen in an earlier view. On by default. */
export const showBadges = storage.defineItem<boolean>('local:showBadges', { fallback: true });

/** Whether list pages fade the cards of papers already seen, so new ones stand out. Off by default. */
export const dimSeen = storage.defineItem<boolean>('local:dimSeen', { fallback: false });

/** Whether list pages mark the cards the user's own suggestions rank highest ("for you"). On by default. */
export const forYouMarks = storage.defineItem<boolean>('local:forYouMarks', { fallback: true });

/** The last suggestion model, for the pages' marks and for pages to hear a new ranking; null below 3 positives. */
export interface PublishedSuggestions {
  at: string;
  model: SuggestionModel | null;
}
export const publishedSuggestions = storage.defineItem<PublishedSuggestions | null>('local:suggestions', {
  fallback: null,
});

export interface LibraryChange {
  at: number;
  /** The papers written; null when many changed or some were deleted (reload everything). */
  ids: string[] | null;
}

/** Set by the background after every write, so open library views refresh just what changed. */
export const libraryChange = storage.defineItem<LibraryChange>('local:libraryChange', {
  fallback: { at: 0, ids: null },
});

/** When the popup or full page was last opened, and since when this visit counts papers as new (ISO). */
export interface Visits {
  lastOpenedAt: string;
  /** The last opening of the visit before this one; null on the first visit. */
  newSince: string | null;
}
export const visits = storage.defineItem<Visits | null>('local:visits', { fallback: null });

/** When the library was last exported (ISO), for the backup reminder. */
export const lastExportAt = storage.defineItem<string | null>('local:lastExportAt', { fallback: null });

/** The library size at which the user dismissed the backup reminder. */
export const backupReminderDismissedAt = storage.defineItem<number | null>('local:backupReminderDismissedAt', {
  fallback: null,
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

export interface ImportReport {
  source: 'papershelf' | 'papermemory';
  added: number;
  updated: number;
  /** Papers whose counts in the library were newer than the file's, and kept. */
  keptNewerCounts: number;
  /** Papers whose star, tags or note were edited after the file was written, and kept. */
  keptNewerAnnotations: number;
  skipped: { index: number; id?: string; reason: string }[];
  warnings: string[];
}

export const importStatus = storage.defineItem<ImportStatus | null>('local:importStatus', { fallback: null });

/** The last write the database refused (a full disk, say), until writes succeed again. */
export interface WriteProblem {
  at: number;
  message: string;
}

export const writeProblem = storage.defineItem<WriteProblem | null>('local:writeProblem', { fallback: null });

/** Automatic backups: off until the user turns them on (which asks for the downloads permission then). */
export const autoBackup = storage.defineItem<BackupState>('local:autoBackup', { fallback: NO_BACKUPS });
