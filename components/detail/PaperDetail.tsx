import { ReadingStateSelect } from '@/components/list/ReadingStateSelect';
import { useAppState } from '@/components/state/app-state';
import { toggleStar } from '@/components/state/paper-actions';
import { sendMessage } from '@/lib/messages';
import type { Paper } from '@/lib/paper';
import { paperLinks } from '@/lib/paper-links';
import { plural } from '@/lib/plural';
import { formatDay } from '@/lib/view/format';
import { SimilarPapers } from './SimilarPapers';
import { UpvoteHistory } from './UpvoteHistory';

interface PaperDetailProps {
  paper: Paper;
  /** The papers nearest to it, read by the page from the detail's opening on (undefined while they are read). */
  similar: Paper[] | undefined;
}

/** Everything known about one paper: the abstract, every author, when it was seen, where to read it, and its neighbours. */
export function PaperDetail({ paper, similar }: PaperDetailProps) {
  const state = useAppState();
  const upvotes = paper.upvotes === null ? null : plural(paper.upvotes, 'upvote');
  return (
    <section class="detail" aria-labelledby="detail-title">
      <div class="detail-actions">
        <button type="button" class="detail-close" onClick={() => state.openDetail(null)}>
          ← Back to list
        </button>
        <button type="button" aria-pressed={paper.starred} onClick={() => toggleStar(paper)}>
          {paper.starred ? '★ Starred' : '☆ Star'}
        </button>
        <button
          type="button"
          onClick={() => {
            state.annotating.value = paper;
          }}
        >
          Tags and note…
        </button>
        <ReadingStateSelect paper={paper} />
      </div>
      <h2 id="detail-title" class="detail-title">
        {paper.title}
      </h2>
      {paper.authors.length > 0 && <p class="detail-authors">{paper.authors.join(', ')}</p>}
      <ul class="detail-links" aria-label="Links">
        {paperLinks(paper).map((link) => (
          <li key={link.label}>
            <a
              href={link.href}
              target="_blank"
              rel="noreferrer noopener"
              // Opening a paper is a sign of interest that suggestions learn from.
              onClick={() => void sendMessage('paperOpened', { id: paper.id }).catch(console.error)}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      <dl class="detail-facts">
        {paper.publishedAt && (
          <>
            <dt>Published</dt>
            <dd>{formatDay(paper.publishedAt)}</dd>
          </>
        )}
        {paper.venue && (
          <>
            <dt>Venue</dt>
            <dd>{paper.venue}</dd>
          </>
        )}
        <dt>Seen</dt>
        <dd>
          {paper.seenCount}× · first {formatDay(paper.firstSeenAt)} · last {formatDay(paper.lastSeenAt)}
        </dd>
        {upvotes && (
          <>
            <dt>Upvotes</dt>
            <dd>{upvotes}</dd>
          </>
        )}
        {paper.upvoteHistory.length > 0 && (
          <>
            <dt>Rising</dt>
            <dd>
              <UpvoteHistory history={paper.upvoteHistory} />
            </dd>
          </>
        )}
        {paper.keywords.length > 0 && (
          <>
            <dt>Keywords</dt>
            <dd>{paper.keywords.join(', ')}</dd>
          </>
        )}
        {paper.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{paper.tags.join(', ')}</dd>
          </>
        )}
      </dl>
      {paper.note && <p class="detail-note">{paper.note}</p>}
      <h3>Abstract</h3>
      <p class="detail-abstract">{paper.abstract ?? 'No abstract was shown on the pages you visited.'}</p>
      <SimilarPapers similar={similar} onOpen={(id) => state.openDetail(id)} />
    </section>
  );
}
