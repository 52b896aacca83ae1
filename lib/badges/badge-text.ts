import type { SeenBefore } from '@/lib/library/seen';

// The badge speaks English, and so do its dates. Spelled out here rather than by Intl: a page's first
// Intl.DateTimeFormat costs tens of milliseconds, more than the badge's whole budget.
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Nov 2" this year, "Nov 2, 2024" another year (local time). */
export function shortDay(iso: string, now: number): string {
  const date = new Date(iso);
  const day = `${MONTHS[date.getMonth()].slice(0, 3)} ${date.getDate()}`;
  return date.getFullYear() === new Date(now).getFullYear() ? day : `${day}, ${date.getFullYear()}`;
}

/** A list card's badge: "seen 3× · first Nov 2" (the star is drawn apart). The count holds this view, as the popup's does. */
export function cardBadgeText(seen: SeenBefore, now: number): string {
  return `seen ${seen.seenCount}× · first ${shortDay(seen.firstSeenAt, now)}`;
}

/** The line under a paper page's title: "In your shelf since Nov 2 · seen 4×". */
export function shelfLineText(seen: SeenBefore, now: number): string {
  return `In your shelf since ${shortDay(seen.firstSeenAt, now)} · seen ${seen.seenCount}×`;
}

/** The badge's tooltip, for whoever wonders what it counts. */
export function badgeTitle(seen: SeenBefore): string {
  const date = new Date(seen.firstSeenAt);
  const first = `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
  return `Papershelf: on screen in ${seen.seenCount} page views with this one, the first on ${first}${seen.starred ? '; starred' : ''}`;
}
