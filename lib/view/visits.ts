import type { Visits } from '@/lib/preferences';

/** Openings closer together than this are one visit: the popup opened twice to look something up is one look. */
export const VISIT_GAP_MS = 30 * 60_000;

/**
 * The visits after an opening at `now`. A new visit counts as new what was first seen after the last opening of
 * the visit before; an opening within VISIT_GAP_MS of the last one continues the visit, and what is new stays so.
 */
export function nextVisits(before: Visits | null, now: Date): Visits {
  const at = now.toISOString();
  if (!before) return { lastOpenedAt: at, newSince: null };
  const newVisit = now.getTime() - Date.parse(before.lastOpenedAt) > VISIT_GAP_MS;
  return { lastOpenedAt: at, newSince: newVisit ? before.lastOpenedAt : before.newSince };
}
