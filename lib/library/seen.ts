import type { PaperRecord, ReadingState } from '@/lib/paper';
import type { LibraryReader } from './read';

/** What the library knew of a paper before the page view asking: what its "already seen" badge says. */
export interface SeenBefore {
  id: string;
  /** Distinct page views the paper was on screen in, the asking view included (at least 2: one of them earlier). */
  seenCount: number;
  firstSeenAt: string;
  starred: boolean;
  /** Set when the user marked it (a paper they decided on is never marked "for you"). */
  readingState?: ReadingState;
}

/**
 * What a record says to the page view `viewId` about the paper: null when it has no earlier view (first seen in
 * this very view), else its count of views with this one in, whether this view's capture was merged already or not,
 * so the badge says what the popup says once the capture is in.
 */
export function seenBefore(record: PaperRecord, viewId: string): SeenBefore | null {
  const earlier = record.seenCount - (record.recentViewIds.includes(viewId) ? 1 : 0);
  if (earlier < 1) return null;
  const seen: SeenBefore = {
    id: record.id,
    seenCount: earlier + 1,
    firstSeenAt: record.firstSeenAt,
    starred: record.starred,
  };
  if (record.readingState) seen.readingState = record.readingState;
  return seen;
}

/** The papers among `ids` seen in an earlier view than `viewId`, read by id in one transaction. */
export async function lookupSeenBefore(
  db: LibraryReader,
  ids: readonly string[],
  viewId: string,
): Promise<SeenBefore[]> {
  const store = db.transaction('papers').store;
  const records = await Promise.all(ids.map((id) => store.get(id)));
  return records.flatMap((record) => (record ? (seenBefore(record, viewId) ?? []) : []));
}
