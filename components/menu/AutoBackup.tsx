import { useState } from 'preact/hooks';
import { useStored } from '@/components/hooks/use-stored';
import { errorMessage } from '@/lib/errors';
import type { LibraryReader } from '@/lib/library/read';
import { autoBackup } from '@/lib/preferences';
import { backUpIfDue, setAutoBackup } from '@/lib/transfer/auto-backup';
import { formatDay } from '@/lib/view/format';

/** The opt-in for weekly backups into Downloads/Papershelf/, and when the last one was written. */
export function AutoBackup({ db }: { db: LibraryReader | undefined }) {
  const state = useStored(autoBackup, null);
  const [message, setMessage] = useState('');

  const toggle = async (enabled: boolean) => {
    setMessage('');
    try {
      if (!(await setAutoBackup(enabled))) return setMessage('Backups stay off: the browser did not allow downloads.');
      if (enabled && db) await backUpIfDue(db, { force: true });
    } catch (error) {
      setMessage(`The backup failed: ${errorMessage(error)}`);
    }
  };

  return (
    <div class="tool-row auto-backup">
      <label>
        <input
          type="checkbox"
          checked={Boolean(state?.enabled)}
          onChange={(event) => toggle(event.currentTarget.checked)}
        />{' '}
        Back up every week into Downloads/Papershelf
      </label>
      <span role="status" class="status">
        {message || (state?.enabled && state.lastAt ? `Last backup ${formatDay(state.lastAt)}.` : '')}
      </span>
    </div>
  );
}
