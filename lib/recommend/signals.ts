// What the user's own actions say about a paper: the labels the model learns from. Nothing here leaves the machine.
import type { Paper } from '@/lib/paper';

/** A paper the model learns from: interesting (1) or not (-1), how sure the signal is, and whether the user gave it. */
export interface Signal {
  label: 1 | -1;
  strength: number;
  /** Said by the user (a star, a state, an opened link), not inferred from what they passed over. */
  explicit: boolean;
}

type Signalled = Pick<Paper, 'starred' | 'tags' | 'note' | 'readingState' | 'openedAt' | 'seenCount'>;

/** Passed over in this many list views with no action at all: a weak "not for me". */
export const PASSED_OVER_VIEWS = 3;

const STRENGTH = {
  chosen: 1, // starred, tagged, noted, queued or read
  opened: 0.5,
  notInterested: 2,
  passedOver: 0.5,
  /** Every other paper: what the positives are told apart from, as arxiv-sanity does. */
  background: 0.15,
};

/** Whether the user did anything with the paper that says they want it. */
export function chosen(paper: Signalled): boolean {
  return (
    paper.starred ||
    paper.tags.length > 0 ||
    Boolean(paper.note) ||
    paper.readingState === 'to-read' ||
    paper.readingState === 'read'
  );
}

export function signalOf(paper: Signalled): Signal {
  if (paper.readingState === 'not-interested') return { label: -1, strength: STRENGTH.notInterested, explicit: true };
  if (chosen(paper)) return { label: 1, strength: STRENGTH.chosen, explicit: true };
  if (paper.openedAt) return { label: 1, strength: STRENGTH.opened, explicit: true };
  if (paper.seenCount >= PASSED_OVER_VIEWS) return { label: -1, strength: STRENGTH.passedOver, explicit: false };
  return { label: -1, strength: STRENGTH.background, explicit: false };
}

/** Suggestions start once the user has shown this many papers they want (an opened link counts too). */
export const MIN_POSITIVES = 3;

export const isPositive = (paper: Signalled) => signalOf(paper).label === 1;
