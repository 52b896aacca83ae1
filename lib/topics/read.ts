import type { IDBPDatabase } from 'idb';
import type { LibrarySchema } from '@/lib/library/schema';
import type { TopicDayRecord } from './day-record';
import { rankTopics, windowSpan } from './rank';
import { shareFrom, type WeekShare, weeklyShare } from './share';
import type { TopicOptions, TopicsResult } from './topics';

/**
 * Topics as the popup shows them: reads only the day records of the window (35 for 7 days, 120 for 30 days; every
 * day for all time), never the papers, and ranks them.
 */
export async function readTopics(db: IDBPDatabase<LibrarySchema>, options: TopicOptions): Promise<TopicsResult> {
  const today = new Date(options.now).toISOString().slice(0, 10);
  const { from } = windowSpan(options.window, today);
  const days = (await db.getAll('topicDays', from ? IDBKeyRange.lowerBound(from) : undefined)) as TopicDayRecord[];
  return rankTopics(days, options.window, today, options.limit);
}

/** A topic's weekly share over the last weeks (share.ts), from the day records of those weeks alone. */
export async function readWeeklyShare(
  db: IDBPDatabase<LibrarySchema>,
  terms: readonly string[],
  now: string,
): Promise<WeekShare[]> {
  const today = new Date(now).toISOString().slice(0, 10);
  const days = (await db.getAll('topicDays', IDBKeyRange.lowerBound(shareFrom(today)))) as TopicDayRecord[];
  return weeklyShare(days, terms, today);
}
