import { chooseImportFile } from '@/components/menu/ImportPanel';

/** The first opening: what will happen, and how to bring a library one already has. */
export function EmptyState() {
  return (
    <div class="empty" role="status">
      <h2 class="empty-title">Your shelf is empty — for now.</h2>
      <ol class="empty-steps">
        <li>
          Browse{' '}
          <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">
            huggingface.co/papers
          </a>{' '}
          as usual.
        </li>
        <li>Every paper you see lands here, newest first, searchable at once.</li>
        <li>Topics that rise in what you read show up above the list after a few visits.</li>
      </ol>
      <p>Everything stays on this computer.</p>
      <p class="empty-import">
        Have a library already?{' '}
        <button type="button" class="primary" onClick={chooseImportFile}>
          Import a backup or a PaperMemory file
        </button>
      </p>
    </div>
  );
}
