import { useStored } from '@/components/hooks/use-stored';
import { formatCount } from '@/lib/plural';
import { autoBackup, backupReminderDismissedAt, lastExportAt } from '@/lib/preferences';
import { formatDay } from '@/lib/view/format';

const FIRST_REMINDER_AT = 250;
/** After a dismissal, speak again only once the library has grown this many times over. */
const GROWTH_BEFORE_NEXT_REMINDER = 10;

export function BackupReminder({ count }: { count: number }) {
  const exportedAt = useStored(lastExportAt, '');
  const dismissedAt = useStored(backupReminderDismissedAt, Number.POSITIVE_INFINITY);
  const automatic = useStored(autoBackup, null);
  if (automatic?.enabled) {
    return (
      <aside class="backup-note" aria-label="Backup reminder">
        {automatic.lastAt
          ? `Backed up automatically, last on ${formatDay(automatic.lastAt)}.`
          : 'Automatic backups are on; the first one is written next time Papershelf opens.'}
      </aside>
    );
  }
  const due =
    exportedAt === null &&
    count >= FIRST_REMINDER_AT &&
    (dismissedAt === null || count >= dismissedAt * GROWTH_BEFORE_NEXT_REMINDER);
  if (!due) return null;
  return (
    <aside class="reminder" aria-label="Backup reminder">
      <span>
        {formatCount(count)} papers and no backup yet. Export (in the menu) keeps a copy you control, or turn on weekly
        backups in its Library tools.
      </span>
      <button type="button" onClick={() => backupReminderDismissedAt.setValue(count)}>
        Dismiss
      </button>
    </aside>
  );
}
