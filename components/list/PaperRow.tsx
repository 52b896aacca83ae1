import type { SortKey } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { formatCount } from '@/lib/plural';
import { formatVelocity, noVelocityReason, upvoteTrend } from '@/lib/velocity';
import { formatAuthors, formatDay } from '@/lib/view/format';
import { matchSnippet } from '@/lib/view/highlight';
import { Highlighted } from './Highlighted';
import { READING_STATE_LABEL } from './ReadingStateSelect';
import { RowMenu } from './RowMenu';

interface PaperRowProps {
  paper: Paper;
  top: number;
  /** The day this row's group starts ("Today", "Yesterday", "Monday", "Nov 28"), on its first row only. */
  dayStart?: string;
  active: boolean;
  /** Whether the row is selected for bulk actions; undefined where there is no bulk selection (the popup). */
  selected?: boolean;
  /** The list's order: the row shows the value it is ordered by. */
  sort: SortKey | 'relevance';
  highlightTerms: string[];
  onFocus: () => void;
  onDetails: () => void;
  onToggleStar: () => void;
  onToggleSelect: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** The fact the list is ordered by, first in the row's meta line. */
function orderedBy(paper: Paper, sort: PaperRowProps['sort']) {
  if (sort === 'published')
    return paper.publishedAt ? (
      <time dateTime={paper.publishedAt}>published {formatDay(paper.publishedAt)}</time>
    ) : null;
  if (sort === 'upvotes' || sort === 'velocity') return null; // the upvote count and its rate are always shown
  if (sort === 'firstSeen') return <time dateTime={paper.firstSeenAt}>first seen {formatDay(paper.firstSeenAt)}</time>;
  return <time dateTime={paper.lastSeenAt}>seen {formatDay(paper.lastSeenAt)}</time>;
}

/** Upvotes gained per day when the history tells; why not, only when the list is ordered by it. */
function velocity(paper: Paper, sort: PaperRowProps['sort']) {
  const trend = upvoteTrend(paper.upvoteHistory);
  if (trend.perDay !== null)
    return (
      <span class="velocity" title="Upvotes gained per day, from the first observation to the last">
        {formatVelocity(trend.perDay)}
      </span>
    );
  return sort === 'velocity' ? <span class="velocity unknown">{noVelocityReason(trend)}</span> : null;
}

export function PaperRow({ paper, top, dayStart, active, selected, sort, highlightTerms, ...on }: PaperRowProps) {
  // A match the title does not show is shown where it is, in place of the authors.
  const snippet = matchSnippet(paper, highlightTerms);
  return (
    <li
      class={active ? 'paper active' : 'paper'}
      style={{ top: `${top}px` }}
      data-paper-id={paper.id}
      aria-current={active ? 'true' : undefined}
      onFocusCapture={on.onFocus}
    >
      {dayStart && <span class="day-start">{dayStart}</span>}
      {selected !== undefined && (
        <input
          type="checkbox"
          class="select"
          checked={selected}
          aria-label={`Select ${paper.title}`}
          title="Select for export, tagging or deletion"
          onChange={on.onToggleSelect}
        />
      )}
      <div class="paper-main">
        <a
          class="title"
          href={paper.url}
          target="_blank"
          rel="noreferrer"
          title={paper.title}
          onClick={(event) => {
            // A click shows the detail; Enter (detail 0) and modified clicks open the paper as a link does.
            if (event.detail === 0 || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            on.onDetails();
          }}
        >
          <Highlighted text={paper.title} terms={highlightTerms} />
        </a>
        <div class="meta">
          {orderedBy(paper, sort)}
          {paper.upvotes !== null && (
            <span title={`${formatCount(paper.upvotes)} upvotes`}>▲ {formatCount(paper.upvotes)}</span>
          )}
          {velocity(paper, sort)}
          {paper.onlyFromSync ? (
            <span class="from-sync">from your other browser</span>
          ) : (
            <span class="seen">seen {formatCount(paper.seenCount)}×</span>
          )}
          {paper.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
          {paper.readingState && (
            <span class={`state-label is-${paper.readingState}`}>{READING_STATE_LABEL[paper.readingState]}</span>
          )}
          {snippet ? (
            <span class="snippet">
              <span class="snippet-field">{snippet.field}:</span>{' '}
              <Highlighted text={snippet.text} terms={highlightTerms} />
            </span>
          ) : (
            <span class="authors">{formatAuthors(paper.authors)}</span>
          )}
        </div>
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="star"
          title={paper.starred ? 'Unstar' : 'Star'}
          aria-pressed={paper.starred}
          aria-label={`${paper.starred ? 'Unstar' : 'Star'} ${paper.title}`}
          onClick={on.onToggleStar}
        >
          {paper.starred ? '★' : '☆'}
        </button>
        <RowMenu paper={paper} onDetails={on.onDetails} onEdit={on.onEdit} onDelete={on.onDelete} />
      </div>
    </li>
  );
}
