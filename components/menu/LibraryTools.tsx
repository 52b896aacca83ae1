import { useState } from 'preact/hooks';
import { ConfirmDialog } from '@/components/dialogs/ConfirmDialog';
import { type Deletion, dialogText, dialogTitle } from '@/components/dialogs/deletion-text';
import { RemovedEverywhere } from '@/components/dialogs/RemovedEverywhere';
import type { LibraryState } from '@/components/hooks/use-library';
import { useAppState } from '@/components/state/app-state';
import { errorMessage } from '@/lib/errors';
import { countSeenBefore, getPapers } from '@/lib/library/read';
import { sendMessage } from '@/lib/messages';
import { formatCount, plural } from '@/lib/plural';
import { backUpIfDue } from '@/lib/transfer/auto-backup';
import { AutoBackup } from './AutoBackup';
import { StorageStatus } from './StorageStatus';
import { ClearSyncedCopy } from './SyncSetting';

interface LibraryToolsProps {
  library: LibraryState;
}

/** Deleting and purging: the only places where the user's data can go away, each said plainly first. */
export function LibraryTools({ library }: LibraryToolsProps) {
  const state = useAppState();
  const selection = [...state.selected.value];
  const onSelectionCleared = () => state.clearSelection();
  const [purgeBefore, setPurgeBefore] = useState('');
  // Storage figures are asked for only while the tools are open.
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<Deletion | null>(null);
  const [alsoSynced, setAlsoSynced] = useState(false);
  const { db } = library;

  const askPurge = async () => {
    if (!purgeBefore || !db) return;
    const before = new Date(`${purgeBefore}T00:00:00`).toISOString();
    // Counted in the database, not in what this page happens to have read.
    setPending({ kind: 'purge', before, count: await countSeenBefore(db, before) });
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
            onClick={async () => {
              const [only] = selection.length === 1 && db ? await getPapers(db, selection) : [];
              setPending({ kind: 'selection', count: selection.length, title: only?.title });
            }}
          >
            Delete selected ({formatCount(selection.length)})
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
        title={pending ? dialogTitle(pending) : ''}
        confirmLabel={pending?.kind === 'clear' ? 'Delete everything' : 'Delete'}
        db={db}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        <p>{pending && `${dialogText(pending)} It cannot be undone.`}</p>
        {pending?.kind === 'clear' ? (
          <ClearSyncedCopy checked={alsoSynced} onChange={setAlsoSynced} />
        ) : (
          <RemovedEverywhere />
        )}
      </ConfirmDialog>
    </details>
  );
}
