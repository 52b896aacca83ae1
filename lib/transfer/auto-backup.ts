import { browser } from 'wxt/browser';
import { type BackupDeps, type BackupState, backupDue, writeBackup } from '@/lib/backup';
import { toExportDocument } from '@/lib/io/export-json';
import type { LibraryReader } from '@/lib/library/read';
import { autoBackup } from '@/lib/preferences';
import { readForExport } from './export-library';

const DOWNLOADS = { permissions: ['downloads' as const] };

/** The downloads API behind automatic backups: files go to Downloads/Papershelf/ without asking where. */
function downloadsDeps(db: LibraryReader): BackupDeps {
  return {
    libraryFile: async () => JSON.stringify(toExportDocument(await readForExport(db), new Date().toISOString())),
    async save(fileName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      try {
        return await browser.downloads.download({
          url,
          filename: fileName,
          conflictAction: 'overwrite',
          saveAs: false,
        });
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
    },
    async remove(downloadId) {
      await browser.downloads.removeFile(downloadId).catch(() => {}); // already gone: fine
      await browser.downloads.erase({ id: downloadId });
    },
    now: () => new Date(),
  };
}

/** Turns automatic backups on (asking for the downloads permission, from the user's click) or off. */
export async function setAutoBackup(enabled: boolean): Promise<boolean> {
  const state = await autoBackup.getValue();
  if (enabled && !(await browser.permissions.request(DOWNLOADS))) return false;
  await autoBackup.setValue({ ...state, enabled });
  if (!enabled) await browser.permissions.remove(DOWNLOADS).catch(() => {});
  return true;
}

/** Writes a backup now if backups are on (`force`), or if one is due; returns the new state, or null if none. */
export async function backUpIfDue(db: LibraryReader, { force = false } = {}): Promise<BackupState | null> {
  const state = await autoBackup.getValue();
  if (!state.enabled || !(force || backupDue(state, new Date()))) return null;
  if (!(await browser.permissions.contains(DOWNLOADS))) return null; // the user took the permission away
  const next = await writeBackup(state, downloadsDeps(db));
  await autoBackup.setValue(next);
  return next;
}
