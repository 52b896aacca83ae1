import type { Paper, PaperRecord, StoredPaper } from '@/lib/paper';
import { velocityOrder } from '@/lib/velocity';

/** The record as stored: stamped with the time of the write and the keys the list's indexes sort by. */
export function toStored(record: PaperRecord, changedAt: string): StoredPaper {
  const { starredOrder: _, ...rest } = record as Partial<StoredPaper> & PaperRecord;
  return {
    ...rest,
    changedAt,
    publishedOrder: record.publishedAt ?? '',
    upvoteOrder: record.upvotes ?? -1,
    velocityOrder: velocityOrder(record.upvoteHistory),
    ...(record.starred ? { starredOrder: record.lastSeenAt } : {}),
  };
}

/** The paper as the rest of the extension sees it, without the database's own bookkeeping. */
export function toPaper(stored: StoredPaper): Paper {
  const {
    recentViewIds: _views,
    changedAt: _changed,
    publishedOrder: _published,
    upvoteOrder: _upvotes,
    velocityOrder: _velocity,
    starredOrder: _starred,
    titleSource: _source,
    ...paper
  } = stored;
  return paper;
}
