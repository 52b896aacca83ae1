import { useRef, useState } from 'preact/hooks';
import { useDismiss } from '@/components/hooks/use-dismiss';
import type { Paper } from '@/lib/paper';
import { ReadingStateSelect } from './ReadingStateSelect';

interface RowMenuProps {
  paper: Paper;
  onDetails: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** A row's less frequent actions, each named: its detail, tags and note, reading state, deleting it. */
export function RowMenu({ paper, onDetails, onEdit, onDelete }: RowMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useDismiss(
    open,
    root,
    () => setOpen(false),
    () => toggle.current,
  );
  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div class="row-more" ref={root}>
      <button
        ref={toggle}
        type="button"
        class="more"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`More actions for ${paper.title}`}
        title="Details, tags and note, reading state, delete"
        onClick={() => setOpen(!open)}
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
          <circle cx="3" cy="8" r="1.5" fill="currentColor" />
          <circle cx="8" cy="8" r="1.5" fill="currentColor" />
          <circle cx="13" cy="8" r="1.5" fill="currentColor" />
        </svg>
      </button>
      {open && (
        <fieldset class="row-menu" aria-label={`Actions for ${paper.title}`}>
          <button type="button" class="details" title="Abstract, authors and links" onClick={run(onDetails)}>
            Details
          </button>
          <button type="button" class="edit" aria-label={`Tags and note for ${paper.title}`} onClick={run(onEdit)}>
            Tags and note
          </button>
          <ReadingStateSelect paper={paper} />
          <button type="button" class="danger delete" aria-label={`Delete ${paper.title}`} onClick={run(onDelete)}>
            Delete…
          </button>
        </fieldset>
      )}
    </div>
  );
}
