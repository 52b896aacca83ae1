import { useEffect } from 'preact/hooks';
import type { LibraryReader } from '@/lib/library/read';
import { autoBackup } from '@/lib/preferences';

/** Writes the weekly backup when a page opens and one is due; the backup's code loads only when backups are on. */
export function useWeeklyBackup(db: LibraryReader | undefined) {
  useEffect(() => {
    if (!db) return;
    autoBackup
      .getValue()
      .then(async (state) => {
        if (!state.enabled) return;
        const { backUpIfDue } = await import('@/lib/transfer/auto-backup');
        await backUpIfDue(db);
      })
      .catch((error) => console.warn('[papershelf] automatic backup failed:', error));
  }, [db]);
}
