import type { IDBPDatabase } from 'idb';
import type { LibrarySchema } from '@/lib/library/schema';
import type { TopicDayRecord } from './day-record';
import { rankTopics, windowSpan } from './rank';
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
