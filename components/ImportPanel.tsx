import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { sendMessage } from '@/lib/messages';
import { importStatus } from '@/lib/status';
import { importLibraryFile } from './import-library';
import { describeImportStatus, isImportRunning } from './import-report';
import { useStored } from './use-stored';

/** A finished import is still news this long after: the window that started it may have closed meanwhile. */
const RECENT_MS = 15 * 60_000;

export function ImportPanel() {
  // The file is read and handed over here; from then on the background reports.
  const [handover, setHandover] = useState<{ importId: string | null; fraction: number; fileName: string } | null>(
    null,
  );
  const [failure, setFailure] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const background = useStored(importStatus, null);
  // Shown: the import handed over here, one running, or one that ended lately (its window may have closed).
  const shown =
    background &&
    (background.id === handover?.importId ||
      isImportRunning(background) ||
      (handover === null && Date.now() - background.at < RECENT_MS));
  const ours = shown ? background : null;
  const handingOver = handover !== null && handover.fraction < 1;

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire again
    if (!file) return;
    setFailure('');
    setHandover({ importId: null, fraction: 0, fileName: file.name });
    try {
      await importLibraryFile(file, ({ importId, fraction }) =>
        setHandover({ importId, fraction, fileName: file.name }),
      );
    } catch (error) {
      setFailure(`Nothing imported: ${errorMessage(error)}`);
    }
  };

  const status = failure
    ? failure
    : handingOver
      ? `Reading ${handover.fileName}… keep this window open until it is handed over`
      : ours
        ? describeImportStatus(ours)
        : '';
  const running = handingOver || isImportRunning(ours);
  // An import shown as running wakes the worker: if it was stopped mid-import, it says so on waking.
  const runningElsewhere = isImportRunning(background) && !handover;
  useEffect(() => {
    if (runningElsewhere) sendMessage('prepareLibrary', {}).catch(() => {});
  }, [runningElsewhere]);
  return (
    <div class="import">
      <label class="import-label">
        Import…
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          aria-label="Import library file (Papershelf or PaperMemory JSON)"
          disabled={running}
          onChange={(event) => onFile(event.currentTarget)}
        />
      </label>
      {running && (
        <progress
          aria-label="Progress of the import"
          value={handingOver ? handover.fraction : (ours?.fraction ?? undefined)}
          max={1}
        />
      )}
      <p role="status" class="status import-status">
        {status}
      </p>
      {!running && (failure || ours?.phase === 'failed') && (
        <button type="button" class="retry-import" onClick={() => input.current?.click()}>
          Choose the file again
        </button>
      )}
    </div>
  );
}
