// What the user chose (capture, badges, backups) and what the pages remember of their visits, kept in the
// extension's storage. Live status the background reports is in status.ts.
import { storage } from 'wxt/utils/storage';
import { type BackupState, NO_BACKUPS } from './backup';

/** Whether the content script records what the user sees. On by default. */
export const captureEnabled = storage.defineItem<boolean>('local:captureEnabled', { fallback: true });

/** Whether the Hugging Face pages show an "already seen" badge on papers seen in an earlier view. On by default. */
export const showBadges = storage.defineItem<boolean>('local:showBadges', { fallback: true });

/** Whether list pages fade the cards of papers already seen, so new ones stand out. Off by default. */
export const dimSeen = storage.defineItem<boolean>('local:dimSeen', { fallback: false });

/** Whether the toolbar icon carries the count of papers first seen today. On by default. */
export const actionBadgeEnabled = storage.defineItem<boolean>('local:actionBadge', { fallback: true });

/** Whether list pages mark the cards the user's own suggestions rank highest ("for you"). On by default. */
export const forYouMarks = storage.defineItem<boolean>('local:forYouMarks', { fallback: true });

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

/** Automatic backups: off until the user turns them on (which asks for the downloads permission then). */
export const autoBackup = storage.defineItem<BackupState>('local:autoBackup', { fallback: NO_BACKUPS });
