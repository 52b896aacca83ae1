import { setReadingState } from '@/components/state/paper-actions';
import type { Paper, ReadingState } from '@/lib/paper';

export const READING_STATE_LABEL: Record<ReadingState, string> = {
  'to-read': 'To read',
  read: 'Read',
  'not-interested': 'Not interested',
};

/** Where the paper stands in the user's reading: one control, in the row and in the detail. */
export function ReadingStateSelect({ paper }: { paper: Paper }) {
  const state = paper.readingState ?? null;
  return (
    <select
      class={`reading-state${state ? ` is-${state}` : ''}`}
      aria-label={`Reading state of ${paper.title}`}
      title="To read (t), Read (r), Not interested (x)"
      value={state ?? ''}
      onChange={(event) => setReadingState(paper, (event.currentTarget.value || null) as ReadingState | null)}
    >
      <option value="">Mark…</option>
      {(Object.keys(READING_STATE_LABEL) as ReadingState[]).map((value) => (
        <option key={value} value={value}>
          {READING_STATE_LABEL[value]}
        </option>
      ))}
    </select>
  );
}
