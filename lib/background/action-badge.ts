import { startOfLocalDay } from '@/lib/view/days';
import type { LibraryDB } from '@/lib/writes/db';

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

/** The part of the browser's alarms API the badge uses: an alarm outlives a stopped service worker, a timer does not. */
export interface BadgeAlarms {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<unknown>;
}

interface ActionBadgeDeps {
  db: () => Promise<LibraryDB>;
  enabled: () => Promise<boolean>;
  action: BadgeAction | undefined;
  alarms?: BadgeAlarms;
  now?: () => Date;
}

/** The alarm that recounts at the next local midnight, when yesterday's papers stop being today's. */
export const MIDNIGHT_ALARM = 'papershelf-action-badge-midnight';

/** The next local midnight after `now` (epoch ms): 23 or 25 hours away on a daylight-saving change, as the clock says. */
export function nextLocalMidnight(now: Date): number {
  const next = new Date(now.getTime());
  next.setHours(24, 0, 0, 0);
  return next.getTime();
}

/** A change burst (a capture, an import) recounts once. */
const SETTLE_MS = 500;
// Dark amber: white digits on it read at more than 4.5:1.
const BADGE_COLOR = '#8f4f00';

/**
 * The toolbar icon's count of papers first seen today, recounted after writes settle, on start, when the setting
 * changes and at local midnight (`midnight`, called by the alarm each recount sets); turned off, the badge is cleared
 * and no alarm is left.
 */
export function createActionBadge({ db, enabled, action, alarms, now = () => new Date() }: ActionBadgeDeps) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    if (!action) return;
    const on = await enabled();
    const count = on ? await countFirstSeenSince(await db(), startOfDay(now())) : 0;
    await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await action.setBadgeText({ text: badgeText(count) });
    // Created again by every recount (an alarm of the same name replaces the one before): one alarm at most.
    if (on) await alarms?.create(MIDNIGHT_ALARM, { when: nextLocalMidnight(now()) });
    else await alarms?.clear(MIDNIGHT_ALARM);
  };
  return {
    refresh,
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh().catch(console.warn), SETTLE_MS);
    },
    /** An alarm went off: the midnight one recounts at once. */
    alarm(name: string) {
      if (name === MIDNIGHT_ALARM) return refresh();
    },
  };
}
