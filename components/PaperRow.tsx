import type { Paper } from '@/lib/paper';
import { formatAuthors, formatDay } from './format';
import { Highlighted } from './Highlighted';

interface PaperRowProps {
  paper: Paper;
  top: number;
  active: boolean;
  selected: boolean;
  highlightTerms: string[];
  onFocus: () => void;
  onToggleStar: () => void;
  onToggleSelect: () => void;
  onEdit: () => void;
}

export function PaperRow({ paper, top, active, selected, highlightTerms, ...on }: PaperRowProps) {
  const seenDates = `first ${formatDay(paper.firstSeenAt)} · last ${formatDay(paper.lastSeenAt)}`;
  return (
    <li
      class={active ? 'paper active' : 'paper'}
      style={{ top: `${top}px` }}
      data-paper-id={paper.id}
      aria-current={active ? 'true' : undefined}
      onFocusCapture={on.onFocus}
    >
      <input
        type="checkbox"
        class="select"
        checked={selected}
        aria-label={`Select ${paper.title}`}
        onChange={on.onToggleSelect}
      />
      <div class="paper-main">
        <a class="title" href={paper.url} target="_blank" rel="noreferrer" title={paper.title}>
          <Highlighted text={paper.title} terms={highlightTerms} />
        </a>
        <div class="meta">
          <span class="authors">{formatAuthors(paper.authors)}</span>
        </div>
        <div class="meta">
          {paper.publishedAt && <time dateTime={paper.publishedAt}>{formatDay(paper.publishedAt)}</time>}
          {paper.upvotes !== null && <span title={`${paper.upvotes} upvotes`}>▲ {paper.upvotes}</span>}
          <span class="seen" title={`seen ${paper.seenCount}× · ${seenDates}`}>
            seen {paper.seenCount}×
          </span>
          <span class="seen-dates">{seenDates}</span>
          {paper.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        </div>
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="star"
          aria-pressed={paper.starred}
          aria-label={`${paper.starred ? 'Unstar' : 'Star'} ${paper.title}`}
          onClick={on.onToggleStar}
        >
          {paper.starred ? '★' : '☆'}
        </button>
        <button type="button" class="edit" aria-label={`Tags and note for ${paper.title}`} onClick={on.onEdit}>
          ✎
        </button>
      </div>
    </li>
  );
}
