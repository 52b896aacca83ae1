import type { SeenBefore } from '@/lib/messages';
import type { PaperRecord } from '@/lib/paper';
import type { LibraryReader } from './read';

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
