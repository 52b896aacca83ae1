import type { SeenBefore } from '@/lib/messages';

/** "Nov 2" this year, "Nov 2, 2024" another year. */
export function shortDay(iso: string, now: number, locale?: string): string {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString(locale, { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) });
}

/** A list card's badge: "seen 3× · first Nov 2" (the star is drawn apart). The count leaves this view out. */
export function cardBadgeText(seen: SeenBefore, now: number, locale?: string): string {
  return `seen ${seen.seenCount}× · first ${shortDay(seen.firstSeenAt, now, locale)}`;
}

/** The line under a paper page's title: "In your shelf since Nov 2 · seen 4×". */
export function shelfLineText(seen: SeenBefore, now: number, locale?: string): string {
  return `In your shelf since ${shortDay(seen.firstSeenAt, now, locale)} · seen ${seen.seenCount}×`;
}

/** The badge's tooltip, for whoever wonders what it counts. */
export function badgeTitle(seen: SeenBefore, locale?: string): string {
  const first = new Date(seen.firstSeenAt).toLocaleDateString(locale, { dateStyle: 'long' });
  const views = seen.seenCount === 1 ? '1 earlier page view' : `${seen.seenCount} earlier page views`;
  return `Papershelf: on screen in ${views}, the first on ${first}${seen.starred ? '; starred' : ''}`;
}
