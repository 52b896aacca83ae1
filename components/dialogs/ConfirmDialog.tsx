import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { LibraryReader } from '@/lib/library/read';
import { plural } from '@/lib/plural';
import { exportLibrary, readForExport } from '@/lib/transfer/export-library';
import { progressOf } from '@/lib/view/format';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  /** Offers a full JSON backup of the library before the irreversible step. */
  db: LibraryReader | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before something that cannot be undone, with a backup one click away (and awaited, errors said). */
export function ConfirmDialog({ open, title, children, confirmLabel, db, onConfirm, onClose }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [backup, setBackup] = useState<{ running: boolean; message: string }>({ running: false, message: '' });

  useEffect(() => {
    if (open && !dialog.current?.open) {
      setBackup({ running: false, message: '' });
      dialog.current?.showModal();
    }
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  const saveBackup = async () => {
    if (!db) return;
    setBackup({ running: true, message: 'Saving a backup…' });
    try {
      const papers = await readForExport(db, undefined, (read) =>
        setBackup({ running: true, message: `Saving a backup… ${plural(read, 'paper')} read` }),
      );
      const fileName = await exportLibrary(papers, 'json', (done, total) =>
        setBackup({ running: true, message: `Saving a backup… ${progressOf(done, total, 'paper')} written` }),
      );
      setBackup({ running: false, message: `Backup saved as ${fileName}.` });
    } catch (error) {
      setBackup({ running: false, message: `The backup failed: ${errorMessage(error)}. Nothing was deleted.` });
    }
  };

  return (
    <dialog ref={dialog} aria-labelledby="confirm-title" class="confirm" onClose={onClose}>
      <h2 id="confirm-title">{title}</h2>
      {children}
      <div class="tool-row">
        <button type="button" disabled={!db || backup.running} onClick={saveBackup}>
          Save a backup first
        </button>
        <button type="button" class="danger" disabled={backup.running} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      <p role="status" class="status">
        {backup.message}
      </p>
    </dialog>
  );
}
