// Automatic backups: opt-in, weekly, a dated Papershelf JSON file in Downloads/Papershelf/, the last few kept.
// The browser APIs come in as `BackupDeps`, so the rules are tested without a browser.

export const BACKUP_EVERY_MS = 7 * 24 * 60 * 60 * 1000;
/** How many backup files are kept; older ones are deleted once a newer one is written. */
export const BACKUPS_KEPT = 4;

export interface BackupState {
  enabled: boolean;
  /** When the last backup was written (ISO), or null. */
  lastAt: string | null;
  /** Download ids of the backups written, oldest first (to delete the ones past BACKUPS_KEPT). */
  downloads: number[];
}

export const NO_BACKUPS: BackupState = { enabled: false, lastAt: null, downloads: [] };

export interface BackupDeps {
  /** The whole library as a Papershelf JSON file's text. */
  libraryFile: () => Promise<string>;
  /** Saves `text` as `fileName` under Downloads; resolves with the download id. */
  save: (fileName: string, text: string) => Promise<number>;
  /** Deletes an earlier backup file (and forgets its download). */
  remove: (downloadId: number) => Promise<void>;
  now: () => Date;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** `Papershelf/papershelf-backup-YYYY-MM-DD.json`, by the user's calendar day. */
export function backupFileName(at: Date): string {
  return `Papershelf/papershelf-backup-${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}.json`;
}

/** Whether a backup is due: turned on, and none yet or the last one a week old. */
export function backupDue(state: BackupState, now: Date): boolean {
  if (!state.enabled) return false;
  return state.lastAt === null || now.getTime() - Date.parse(state.lastAt) >= BACKUP_EVERY_MS;
}

/** Writes a backup now and deletes the ones past BACKUPS_KEPT; returns the new state. A failed delete is harmless. */
export async function writeBackup(state: BackupState, deps: BackupDeps): Promise<BackupState> {
  const at = deps.now();
  const id = await deps.save(backupFileName(at), await deps.libraryFile());
  const downloads = [...state.downloads.filter((known) => known !== id), id];
  const stale = downloads.slice(0, Math.max(0, downloads.length - BACKUPS_KEPT));
  await Promise.all(stale.map((old) => deps.remove(old).catch(() => {})));
  return { ...state, lastAt: at.toISOString(), downloads: downloads.slice(stale.length) };
}
