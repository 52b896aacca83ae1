import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { countSeenBefore } from '@/lib/library/read';
import { sendMessage } from '@/lib/messages';
import { AutoBackup } from './AutoBackup';
import { backUpIfDue } from './auto-backup';
import { ConfirmDialog } from './ConfirmDialog';
import { plural } from './format';
import { StorageStatus } from './StorageStatus';
import { ClearSyncedCopy, RemovedEverywhere } from './SyncSetting';
import type { LibraryState } from './use-library';

interface LibraryToolsProps {
  library: LibraryState;
  selection: string[];
  onSelectionCleared: () => void;
}

type Pending =
  | { kind: 'selection'; count: number }
  | { kind: 'purge'; before: string; day: string; count: number }
  | { kind: 'clear'; count: number };

const TITLES: Record<Pending['kind'], string> = {
  selection: 'Delete the selected papers?',
  purge: 'Forget older papers?',
  clear: 'Clear the whole library?',
};

/** Deleting and purging: the only places where the user's data can go away, each said plainly first. */
export function LibraryTools({ library, selection, onSelectionCleared }: LibraryToolsProps) {
  const [purgeBefore, setPurgeBefore] = useState('');
  // Storage figures are asked for only while the tools are open.
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [alsoSynced, setAlsoSynced] = useState(false);
  const { db } = library;

  const askPurge = async () => {
    if (!purgeBefore || !db) return;
    const before = new Date(`${purgeBefore}T00:00:00`).toISOString();
    // Counted in the database, not in what this page happens to have read.
    setPending({ kind: 'purge', before, day: purgeBefore, count: await countSeenBefore(db, before) });
  };

  const confirm = async () => {
    if (!pending) return;
    const work = pending;
    setPending(null);
    try {
      // The background counts what it deletes in the transaction that deletes it: that number is reported.
      // With automatic backups on, clearing everything writes one first; if that fails, nothing is deleted.
      if (work.kind === 'clear' && db) await backUpIfDue(db, { force: true });
      const { deleted } =
        work.kind === 'selection'
          ? await sendMessage('deletePapers', { ids: selection })
          : work.kind === 'purge'
            ? await sendMessage('purgeSeenBefore', { before: work.before })
            : await sendMessage('clearLibrary', { alsoSynced });
      setStatus(`${plural(deleted, 'paper')} deleted.`);
      if (work.kind !== 'purge') onSelectionCleared();
    } catch (error) {
      setStatus(`Nothing deleted: ${errorMessage(error)}`);
    }
  };

  return (
    <details class="tools" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Library tools</summary>
      <div class="tools-body">
        {open && <StorageStatus count={library.count ?? 0} />}
        <AutoBackup db={db} />
        <div class="tool-row">
          <button
            type="button"
            disabled={selection.length === 0}
            onClick={() => setPending({ kind: 'selection', count: selection.length })}
          >
            Delete selected ({selection.length})
          </button>
        </div>
        <div class="tool-row">
          <input
            type="date"
            aria-label="Forget papers last seen before"
            value={purgeBefore}
            onInput={(event) => setPurgeBefore(event.currentTarget.value)}
          />
          <button type="button" disabled={!purgeBefore || !db} onClick={askPurge}>
            Forget older papers
          </button>
        </div>
        <div class="tool-row">
          <button
            type="button"
            class="danger"
            disabled={!db || library.count === null}
            onClick={() => setPending({ kind: 'clear', count: library.count ?? 0 })}
          >
            Clear everything…
          </button>
        </div>
        <p role="status" class="status">
          {status}
        </p>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={pending ? TITLES[pending.kind] : ''}
        confirmLabel={pending?.kind === 'clear' ? 'Delete everything' : 'Delete'}
        db={db}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        <p>
          {pending?.kind === 'purge'
            ? `This forgets ${plural(pending.count, 'paper')} last seen before ${pending.day}, with their stars, tags and notes.`
            : `This deletes ${pending?.kind === 'clear' ? 'all ' : ''}${plural(pending?.count ?? 0, 'paper')}, with their stars, tags and notes.`}{' '}
          It cannot be undone.
        </p>
        {pending?.kind === 'clear' ? (
          <ClearSyncedCopy checked={alsoSynced} onChange={setAlsoSynced} />
        ) : (
          <RemovedEverywhere />
        )}
      </ConfirmDialog>
    </details>
  );
}
