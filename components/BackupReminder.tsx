import { backupReminderDismissedAt, lastExportAt } from '@/lib/settings';
import { useStored } from './use-stored';

const FIRST_REMINDER_AT = 250;
/** After a dismissal, speak again only once the library has grown this many times over. */
const GROWTH_BEFORE_NEXT_REMINDER = 10;

export function BackupReminder({ count }: { count: number }) {
  const exportedAt = useStored(lastExportAt, '');
  const dismissedAt = useStored(backupReminderDismissedAt, Number.POSITIVE_INFINITY);
  const due =
    exportedAt === null &&
    count >= FIRST_REMINDER_AT &&
    (dismissedAt === null || count >= dismissedAt * GROWTH_BEFORE_NEXT_REMINDER);
  if (!due) return null;
  return (
    <aside class="reminder" aria-label="Backup reminder">
      <span>{count.toLocaleString('en-US')} papers and no backup yet. Export keeps a copy you control.</span>
      <button type="button" onClick={() => backupReminderDismissedAt.setValue(count)}>
        Dismiss
      </button>
    </aside>
  );
}
