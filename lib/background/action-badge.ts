import type { LibraryDB } from '@/lib/library/db';
import { startOfLocalDay } from '@/lib/view/days';

/** The badge's text for a count: nothing for none, and never wider than the icon holds. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** Local midnight of `now`, as the ISO time papers' `firstSeenAt` is written in. */
export const startOfDay = (now: Date) => new Date(startOfLocalDay(now.getTime())).toISOString();

/** Papers first seen at or after `since`: captured new today, not brought in by an import of older ones. */
export function countFirstSeenSince(db: LibraryDB, since: string): Promise<number> {
  return db.countFromIndex('papers', 'firstSeenAt', IDBKeyRange.lowerBound(since));
}

/** The part of the browser's action (toolbar button) API the badge uses. */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

interface ActionBadgeDeps {
  db: () => Promise<LibraryDB>;
  enabled: () => Promise<boolean>;
  action: BadgeAction | undefined;
  now?: () => Date;
}

/** A change burst (a capture, an import) recounts once. */
const SETTLE_MS = 500;
// Dark amber: white digits on it read at more than 4.5:1.
const BADGE_COLOR = '#8f4f00';

/**
 * The toolbar icon's count of papers first seen today, recounted after writes settle, on start and when the
 * setting changes; turned off, the badge is cleared.
 */
export function createActionBadge({ db, enabled, action, now = () => new Date() }: ActionBadgeDeps) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    if (!action) return;
    const count = (await enabled()) ? await countFirstSeenSince(await db(), startOfDay(now())) : 0;
    await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await action.setBadgeText({ text: badgeText(count) });
  };
  return {
    refresh,
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh().catch(console.warn), SETTLE_MS);
    },
  };
}
