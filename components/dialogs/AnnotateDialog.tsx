import { useEffect, useRef, useState } from 'preact/hooks';
import { useAppState } from '@/components/state/app-state';
import { errorMessage } from '@/lib/errors';
import { sendMessage } from '@/lib/messages';

const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

/** Tags and a short note for one paper; both are searchable and go into every export. */
export function AnnotateDialog() {
  const { annotating } = useAppState();
  const paper = annotating.value;
  const onClose = () => {
    annotating.value = null;
  };
  const dialog = useRef<HTMLDialogElement>(null);
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    if (!paper) return;
    setTags(paper.tags.join(', '));
    setNote(paper.note ?? '');
    setError('');
    dialog.current?.showModal();
  }, [paper]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!paper) return;
    try {
      await sendMessage('annotate', { id: paper.id, tags: parseTags(tags), note: note.trim() || null });
      dialog.current?.close();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="annotate-title" onClose={onClose}>
      <form onSubmit={save}>
        <h2 id="annotate-title">Tags and note</h2>
        <p class="hint">{paper?.title}</p>
        <label class="field">
          Tags (comma-separated)
          <input type="text" value={tags} maxLength={2000} onInput={(e) => setTags(e.currentTarget.value)} />
        </label>
        <label class="field">
          Note
          <textarea rows={4} maxLength={10000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="tool-row">
          <button type="submit">Save</button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
