import type { IDBPDatabase } from 'idb';
import { storage } from 'wxt/utils/storage';
import type { LibrarySchema } from '@/lib/library/schema';

/** Whether the toolbar icon carries the count of papers first seen today. On by default. */
export const actionBadgeEnabled = storage.defineItem<boolean>('local:actionBadge', { fallback: true });

/** The badge's text for a count: nothing for none, and never wider than the icon holds. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** Local midnight of `now`, as the ISO time papers' `firstSeenAt` is written in. */
export function startOfDay(now: Date): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

/** Papers first seen at or after `since`: captured new today, not brought in by an import of older ones. */
export function countFirstSeenSince(db: IDBPDatabase<LibrarySchema>, since: string): Promise<number> {
  return db.countFromIndex('papers', 'firstSeenAt', IDBKeyRange.lowerBound(since));
}
