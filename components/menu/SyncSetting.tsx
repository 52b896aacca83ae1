import { useStored } from '@/components/hooks/use-stored';
import { formatCount, plural } from '@/lib/plural';
import { NOTE_LIMIT } from '@/lib/sync/pack';
import { type SyncStatus, syncEnabled, syncStatus } from '@/lib/sync/settings';
import { StoredCheckbox } from './StoredCheckbox';

const kB = (bytes: number) => `${Math.ceil(bytes / 1024)} kB`;

/** What the synced copy holds and what it could not take, said plainly. */
function SyncReport({ status }: { status: SyncStatus }) {
  return (
    <p role="status" class="status sync-status">
      {plural(status.papers, 'paper')} synced ({kB(status.bytes)} of {kB(status.quota)}).
      {status.shortenedNotes > 0 &&
        ` ${plural(status.shortenedNotes, 'note')} longer than ${formatCount(NOTE_LIMIT)} characters: your other browsers get the first ${formatCount(NOTE_LIMIT)}, whole here.`}
      {status.leftOut > 0 &&
        ` ${plural(status.leftOut, 'paper')} not synced: the browser’s sync storage is full (the most recently edited are kept; every paper stays here).`}
      {status.unreadable > 0 &&
        ` ${plural(status.unreadable, 'synced item')} could not be read (written by another version of Papershelf?) and ${status.unreadable === 1 ? 'is' : 'are'} left as ${status.unreadable === 1 ? 'it is' : 'they are'}.`}
      {status.problem && ` ${status.problem}`}
    </p>
  );
}

/** The opt-in for syncing annotations through the browser's own sync, and where the synced copy stands. */
export function SyncSetting() {
  const enabled = useStored(syncEnabled, false);
  const status = useStored(syncStatus, null);
  return (
    <details class="tools sync-settings">
      <summary>Sync between browsers</summary>
      <div class="tools-body">
        <StoredCheckbox item={syncEnabled} initial={false}>
          Sync stars, tags, notes and reading states through this browser’s sync
        </StoredCheckbox>
        <p class="hint">
          They go only to this browser’s own sync account (Google or Mozilla), which copies them to your other browsers
          signed in to it; nothing else leaves this computer.{' '}
          <a href="/privacy.html" target="_blank" rel="noreferrer">
            Privacy
          </a>
        </p>
        {enabled && status && <SyncReport status={status} />}
      </div>
    </details>
  );
}

/** In the "Clear everything" dialog, while sync is on: whether the synced copy goes too. */
export function ClearSyncedCopy({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const enabled = useStored(syncEnabled, false);
  if (!enabled) return null;
  return (
    <>
      <label class="tool-row">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
        Also clear the synced copy: your other browsers lose these stars, tags, notes and reading states too
      </label>
      {!checked && <p class="hint">Left as it is, the synced copy keeps them, and they come back here from it.</p>}
    </>
  );
}
