import { useState } from 'preact/hooks';
import { useAppState } from '@/components/state/app-state';
import { errorMessage } from '@/lib/errors';
import { getPapers, type LibraryReader } from '@/lib/library/read';
import { sendMessage } from '@/lib/messages';
import { plural } from '@/lib/plural';

interface SelectionBarProps {
  db: LibraryReader | undefined;
}

/** What can be done to several papers at once: star, unstar, tag. (Export and delete take the selection too.) */
export function SelectionBar({ db }: SelectionBarProps) {
  const state = useAppState();
  const selection = [...state.selected.value];
  const onClear = () => state.clearSelection();
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState('');
  if (selection.length === 0) return null;

  const run = async (label: string, work: () => Promise<unknown>) => {
    try {
      await work();
      setStatus(`${label} ${plural(selection.length, 'paper')}.`);
    } catch (error) {
      setStatus(`Stopped: ${errorMessage(error)}`);
    }
  };
  const star = (starred: boolean) =>
    run(starred ? 'Starred' : 'Unstarred', () =>
      Promise.all(selection.map((id) => sendMessage('setStarred', { id, starred }))),
    );
  const addTag = () => {
    const wanted = tag.trim();
    if (!wanted || !db) return;
    run(`Tagged “${wanted}”:`, async () => {
      for (const paper of await getPapers(db, selection)) {
        if (!paper || paper.tags.includes(wanted)) continue;
        await sendMessage('annotate', { id: paper.id, tags: [...paper.tags, wanted], note: paper.note });
      }
      setTag('');
    });
  };

  return (
    <section class="selection-bar" aria-label="Selected papers">
      <strong>{plural(selection.length, 'paper')} selected</strong>
      <button type="button" onClick={() => star(true)}>
        ★ Star
      </button>
      <button type="button" onClick={() => star(false)}>
        ☆ Unstar
      </button>
      <input
        type="text"
        aria-label="Tag to add to the selected papers"
        placeholder="tag"
        value={tag}
        onInput={(event) => setTag(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Enter' && addTag()}
      />
      <button type="button" disabled={!tag.trim()} onClick={addTag}>
        Add tag
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
      {status && (
        <span role="status" class="status">
          {status}
        </span>
      )}
    </section>
  );
}
