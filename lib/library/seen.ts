import type { SeenBefore } from '@/lib/messages';
import type { PaperRecord } from '@/lib/paper';
import type { LibraryReader } from './read';

/**
 * What a record says about the page views before `viewId`: the view asking is left out of the count, whether
 * its capture was merged already or not, so a paper first seen in this very view has no earlier view (null).
 */
export function seenBefore(record: PaperRecord, viewId: string): SeenBefore | null {
  const seenCount = record.seenCount - (record.recentViewIds.includes(viewId) ? 1 : 0);
  if (seenCount < 1) return null;
  const seen: SeenBefore = { id: record.id, seenCount, firstSeenAt: record.firstSeenAt, starred: record.starred };
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
