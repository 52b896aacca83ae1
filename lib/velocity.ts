import type { UpvoteObservation } from './paper';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Observations closer together than this say too little about a rate: a burst in the first hour is not a trend. */
export const MIN_SPAN_MS = 6 * HOUR;
/** The order key of a paper with no rate (IndexedDB keys cannot be NaN): below every real rate, falling or rising. */
export const NO_VELOCITY = -Number.MAX_VALUE;

export interface UpvoteTrend {
  /** Upvotes gained per day from the first observation to the last; null when they are too few or too close. */
  perDay: number | null;
  /** Distinct observation times (points at the same time count once, the later-recorded one kept). */
  observations: number;
  /** Time from the first observation to the last, in ms (0 with fewer than two). */
  spanMs: number;
  /** The observations in time order, one per time: what a sparkline draws. */
  points: { time: number; upvotes: number }[];
}

/**
 * What an upvote history says: the average gain per day over the whole observed span, (last − first) / days.
 * Irregular intervals need no special care, since only the ends and the span count. A falling count gives a
 * negative rate (upvotes can be withdrawn): it is what was observed, and it sorts below every rising paper.
 * Fewer than two observations, or a span under six hours, give no rate at all rather than a guess.
 */
export function upvoteTrend(history: readonly UpvoteObservation[]): UpvoteTrend {
  const byTime = new Map<number, number>();
  for (const point of history) {
    const time = Date.parse(point.at);
    if (Number.isFinite(time) && Number.isFinite(point.upvotes)) byTime.set(time, point.upvotes);
  }
  const points = [...byTime].sort(([a], [b]) => a - b).map(([time, upvotes]) => ({ time, upvotes }));
  const first = points[0];
  const last = points.at(-1);
  const spanMs = first && last ? last.time - first.time : 0;
  const perDay = first && last && spanMs >= MIN_SPAN_MS ? (last.upvotes - first.upvotes) / (spanMs / DAY) : null;
  return { perDay, observations: points.length, spanMs, points };
}

/** Upvotes gained per day over the observed span, or null when there is nothing honest to say. */
export function upvoteVelocity(history: readonly UpvoteObservation[]): number | null {
  return upvoteTrend(history).perDay;
}

/** The key the "Rising fastest" index sorts by. */
export function velocityOrder(history: readonly UpvoteObservation[]): number {
  return upvoteVelocity(history) ?? NO_VELOCITY;
}

// Built once: toLocaleString makes a formatter on every call, and every row on screen calls this.
const NUMBER = new Intl.NumberFormat('en-US');

/** "+84/day", "+0.4/day", "−3/day", "0/day": whole numbers from 10 up, one decimal below. */
export function formatVelocity(perDay: number): string {
  const magnitude = Math.abs(perDay);
  const shown = magnitude >= 10 ? Math.round(magnitude) : Math.round(magnitude * 10) / 10;
  if (shown === 0) return '0/day';
  return `${perDay < 0 ? '−' : '+'}${NUMBER.format(shown)}/day`;
}

/** Why a paper has no rate, in a few words: "1 observation", "2 observations within 6 h", "no upvotes seen". */
export function noVelocityReason(trend: UpvoteTrend): string {
  if (trend.observations === 0) return 'no upvote count seen';
  if (trend.observations === 1) return '1 observation';
  return `${trend.observations} observations within ${MIN_SPAN_MS / HOUR} h`;
}
