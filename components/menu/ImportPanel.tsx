import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useStored } from '@/components/hooks/use-stored';
import { errorMessage } from '@/lib/errors';
import { sendMessage } from '@/lib/messages';
import { importStatus } from '@/lib/status';
import { CHOOSE_IMPORT_HASH, chooseInFullPageInstead, importLibraryFile } from '@/lib/transfer/import-library';
import { describeImportStatus, isImportRunning } from '@/lib/transfer/import-report';
import { megabytesOf } from '@/lib/view/format';

/** A finished import is still news this long after: the window that started it may have closed meanwhile. */
const RECENT_MS = 15 * 60_000;

/** The one file input every "Import" entry (the menu, the empty shelf) opens. */
const IMPORT_INPUT_ID = 'import-file';

/** Opens the file chooser of the import: called from a click, as browsers require. */
export function chooseImportFile() {
  if (chooseInFullPageInstead()) return;
  (document.getElementById(IMPORT_INPUT_ID) as HTMLInputElement | null)?.click();
}

/**
 * The import's file input and where it stands: always on the page (an import goes on, and is told, after the
 * window that began it closed), while the ways to start one live in the menu and the empty state.
 */
export function ImportPanel() {
  // The file is read and handed over here; from then on the background reports.
  const [handover, setHandover] = useState<{
    importId: string | null;
    fraction: number;
    fileName: string;
    bytes: number;
  } | null>(null);
  const [failure, setFailure] = useState('');
  // A finished import's report, once read and dismissed, gives the list its room back.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Sent here from a popup that a file picker would close: the choice is offered first thing.
  const [offered, setOffered] = useState(() => location.hash === CHOOSE_IMPORT_HASH);
  const chooseButton = useRef<HTMLButtonElement>(null);
  // Before the browser's own autofocus (the search box's): the page was opened for this one choice.
  useLayoutEffect(() => chooseButton.current?.focus(), []);
  const background = useStored(importStatus, null);
  // Shown: the import handed over here, one running, or one that ended lately (its window may have closed).
  const shown =
    background &&
    (background.id === handover?.importId ||
      isImportRunning(background) ||
      (handover === null && Date.now() - background.at < RECENT_MS));
  const ours = shown && background.id !== dismissed ? background : null;
  const handingOver = handover !== null && handover.fraction < 1;

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire again
    if (!file) return;
    setOffered(false);
    setFailure('');
    setHandover({ importId: null, fraction: 0, fileName: file.name, bytes: file.size });
    try {
      await importLibraryFile(file, ({ importId, fraction }) =>
        setHandover({ importId, fraction, fileName: file.name, bytes: file.size }),
      );
    } catch (error) {
      setFailure(`Nothing imported: ${errorMessage(error)}`);
    }
  };

  const status = failure
    ? failure
    : handingOver
      ? `Reading ${handover.fileName} (${megabytesOf(handover.fraction * handover.bytes, handover.bytes)})… keep this window open until it is handed over`
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
    <div class={status ? 'import import-bar' : 'import'}>
      <input
        ref={input}
        id={IMPORT_INPUT_ID}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        accept=".json,application/json"
        aria-label="Import library file (Papershelf or PaperMemory JSON)"
        disabled={running}
        onChange={(event) => onFile(event.currentTarget)}
      />
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
      {!running && ours && !failure && (
        <button
          type="button"
          class="dismiss"
          aria-label="Dismiss the import report"
          onClick={() => setDismissed(ours.id)}
        >
          ×
        </button>
      )}
      {offered && !running && !ours && (
        <button type="button" class="primary" ref={chooseButton} onClick={() => input.current?.click()}>
          Choose the file to import
        </button>
      )}
      {!running && (failure || ours?.phase === 'failed') && (
        <button type="button" class="retry-import" onClick={chooseImportFile}>
          Choose the file again
        </button>
      )}
    </div>
  );
}
