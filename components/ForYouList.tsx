import { useState } from 'preact/hooks';
import { useForYou } from '@/components/hooks/use-for-you';
import { setReadingState } from '@/components/state/paper-actions';
import type { LibraryReader } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { SUGGESTION_WINDOWS, type SuggestionWindow } from '@/lib/recommend/record';

interface ForYouListProps {
  db: LibraryReader | undefined;
  stamp: number;
  onDetails: (paper: Paper) => void;
}

/** Papers seen lately that the user's own stars, queue and notes say are for them, best first, with reasons. */
export function ForYouList({ db, stamp, onDetails }: ForYouListProps) {
  const [windowDays, setWindowDays] = useState<SuggestionWindow>(7);
  const forYou = useForYou(db, stamp, windowDays);
  return (
    <section class="for-you" aria-labelledby="for-you-heading">
      <div class="for-you-head">
        <h2 id="for-you-heading" class="for-you-title">
          For you
        </h2>
        <select
          aria-label="Suggest papers seen within"
          value={windowDays}
          onChange={(event) => setWindowDays(Number(event.currentTarget.value) as SuggestionWindow)}
        >
          {SUGGESTION_WINDOWS.map((days) => (
            <option key={days} value={days}>
              last {days} days
            </option>
          ))}
        </select>
      </div>
      {forYou.state === 'learning' && (
        <p class="hint" role="status">
          Star or queue {forYou.missing} more {forYou.missing === 1 ? 'paper' : 'papers'} and suggestions start here:
          they are learned on this computer from what you choose.
        </p>
      )}
      {forYou.state === 'ready' && forYou.items.length === 0 && (
        <p class="hint" role="status">
          Nothing new to suggest from the last {windowDays} days.
        </p>
      )}
      <ul class="for-you-list" aria-label="For you">
        {forYou.state === 'ready' &&
          forYou.items.map(({ paper, reasons }) => (
            <li key={paper.id} class="suggestion" data-paper-id={paper.id}>
              <button type="button" class="suggestion-title" onClick={() => onDetails(paper)}>
                {paper.title}
              </button>
              {reasons.length > 0 && <span class="reasons">because: {reasons.join(', ')}</span>}
              <span class="suggestion-actions">
                <button type="button" onClick={() => setReadingState(paper, 'to-read')}>
                  To read
                </button>
                <button
                  type="button"
                  aria-label={`Not interested in ${paper.title}`}
                  onClick={() => setReadingState(paper, 'not-interested')}
                >
                  Not interested
                </button>
              </span>
            </li>
          ))}
      </ul>
    </section>
  );
}
