import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { LibraryReader } from '@/lib/library/read';
import { sendMessage } from '@/lib/messages';
import type { Paper } from '@/lib/paper';
import { ConfirmDialog } from './ConfirmDialog';
import { dialogText, dialogTitle } from './deletion-text';
import { RemovedEverywhere } from './RemovedEverywhere';

interface DeletePaperDialogProps {
  db: LibraryReader | undefined;
  paper: Paper;
  onClose: () => void;
}

/** Deleting one paper from its row: said plainly first, with a backup one click away, as every deletion is. */
export function DeletePaperDialog({ db, paper, onClose }: DeletePaperDialogProps) {
  const [failure, setFailure] = useState('');
  const pending = { kind: 'selection', count: 1, title: paper.title } as const;
  const confirm = async () => {
    try {
      await sendMessage('deletePapers', { ids: [paper.id] });
      onClose();
    } catch (error) {
      setFailure(`Nothing deleted: ${errorMessage(error)}`);
    }
  };
  return (
    <ConfirmDialog
      open
      title={dialogTitle(pending)}
      confirmLabel="Delete"
      db={db}
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>{`${dialogText(pending)} It cannot be undone.`}</p>
      <RemovedEverywhere />
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
    </ConfirmDialog>
  );
}
