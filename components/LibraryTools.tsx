import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { sendMessage } from '@/lib/messages';
import { countSeenBefore } from '@/lib/library/read';
import { exportLibrary, readForExport } from './export-library';
import { plural } from './format';
import { StorageStatus } from './StorageStatus';
import type { LibraryState } from './use-library';

interface LibraryToolsProps {
  library: LibraryState;
  selection: string[];
  onSelectionCleared: () => void;
}

/** Deleting and purging: the only places where the user's data can go away, each said plainly first. */
export function LibraryTools({ library, selection, onSelectionCleared }: LibraryToolsProps) {
  const [purgeBefore, setPurgeBefore] = useState('');
  // Storage figures are asked for only while the tools are open.
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const clearDialog = useRef<HTMLDialogElement>(null);

  const run = async (work: () => Promise<{ deleted: number }>) => {
    try {
      const { deleted } = await work();
      setStatus(`${plural(deleted, 'paper')} deleted.`);
    } catch (error) {
      setStatus(`Nothing deleted: ${errorMessage(error)}`);
    }
  };

  const deleteSelected = () => {
    if (!window.confirm(`Delete ${plural(selection.length, 'paper')} from your library?`)) return;
    run(() => sendMessage('deletePapers', { ids: selection })).then(onSelectionCleared);
  };

  const purge = async () => {
    if (!purgeBefore || !library.db) return;
    const before = new Date(`${purgeBefore}T00:00:00`).toISOString();
    const doomed = await countSeenBefore(library.db, before);
    if (!window.confirm(`Forget ${plural(doomed, 'paper')} last seen before ${purgeBefore}?`)) return;
    run(() => sendMessage('purgeSeenBefore', { before }));
  };

  const clearEverything = () => {
    clearDialog.current?.close();
    run(() => sendMessage('clearLibrary', {})).then(onSelectionCleared);
  };

  return (
    <details class="tools" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Library tools</summary>
      {open && <StorageStatus count={library.count ?? 0} />}
      <div class="tool-row">
        <button type="button" disabled={selection.length === 0} onClick={deleteSelected}>
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
        <button type="button" disabled={!purgeBefore || !library.db} onClick={purge}>
          Forget older papers
        </button>
      </div>
      <div class="tool-row">
        <button type="button" class="danger" onClick={() => clearDialog.current?.showModal()}>
          Clear everything…
        </button>
      </div>
      <p role="status" class="status">
        {status}
      </p>
      <dialog ref={clearDialog} aria-labelledby="clear-title" class="confirm">
        <h2 id="clear-title">Clear the whole library?</h2>
        <p>This deletes all {plural(library.count ?? 0, 'paper')}, with their stars, tags and notes. It cannot be undone.</p>
        <div class="tool-row">
          <button
            type="button"
            disabled={!library.db}
            onClick={async () =>
              library.db &&
              exportLibrary(await readForExport(library.db), 'json', undefined, { wholeLibrary: true })
            }
          >
            Save a backup first
          </button>
          <button type="button" class="danger" onClick={clearEverything}>
            Delete everything
          </button>
          <button type="button" onClick={() => clearDialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </details>
  );
}
