import type { UpvoteObservation } from '@/lib/paper';
import {
  formatVelocity,
  MIN_SPAN_MS,
  NO_VELOCITY,
  noVelocityReason,
  upvoteTrend,
  upvoteVelocity,
  velocityOrder,
} from '@/lib/velocity';

const START = Date.UTC(2026, 10, 2, 8);
const HOUR = 3_600_000;
/** An observation `hours` after the start. */
const seen = (hours: number, upvotes: number): UpvoteObservation => ({
  at: new Date(START + hours * HOUR).toISOString(),
  upvotes,
});

describe('upvote velocity', () => {
  it('is the gain per day from the first observation to the last, whatever the intervals between', () => {
    // 12 → 180 over 2 days, observed after 1 h, 30 h and 47 h: the middle points change nothing.
    expect(upvoteVelocity([seen(0, 12), seen(1, 30), seen(30, 101), seen(48, 180)])).toBeCloseTo(84, 10);
    expect(upvoteVelocity([seen(0, 12), seen(48, 180)])).toBeCloseTo(84, 10);
    // Half a day: the rate is still per day.
    expect(upvoteVelocity([seen(0, 0), seen(12, 10)])).toBeCloseTo(20, 10);
  });

  it('says nothing from one observation, none, or observations too close together', () => {
    expect(upvoteVelocity([])).toBeNull();
    expect(upvoteVelocity([seen(0, 40)])).toBeNull();
    expect(upvoteVelocity([seen(0, 40), seen(5.9, 90)])).toBeNull();
    expect(upvoteVelocity([seen(0, 40), seen(MIN_SPAN_MS / HOUR, 90)])).toBeCloseTo(200, 10);
  });

  it('gives a falling count a negative rate, and a stalled one zero', () => {
    expect(upvoteVelocity([seen(0, 50), seen(24, 47)])).toBeCloseTo(-3, 10);
    expect(upvoteVelocity([seen(0, 50), seen(24, 80), seen(72, 50)])).toBe(0);
  });

  it('counts points at the same time once, keeping the later-recorded one', () => {
    const trend = upvoteTrend([seen(0, 10), seen(0, 14), seen(24, 20), seen(24, 24)]);
    expect(trend.observations).toBe(2);
    expect(trend.perDay).toBeCloseTo(10, 10);
    // Two readings of one moment are one observation, not a rate.
    expect(upvoteTrend([seen(0, 10), seen(0, 30)])).toMatchObject({ perDay: null, observations: 1, spanMs: 0 });
  });

  it('reads the history in time order, and skips points with unreadable times', () => {
    const shuffled = [seen(48, 180), { at: 'yesterday', upvotes: 999 }, seen(0, 12), seen(30, 101)];
    const trend = upvoteTrend(shuffled);
    expect(trend.points.map((point) => point.upvotes)).toEqual([12, 101, 180]);
    expect(trend.perDay).toBeCloseTo(84, 10);
    expect(trend.spanMs).toBe(48 * HOUR);
  });

  it('orders papers with no rate below every real one, falling ones included', () => {
    expect(velocityOrder([seen(0, 1)])).toBe(NO_VELOCITY);
    expect(velocityOrder([seen(0, 50), seen(24, 0)])).toBeGreaterThan(NO_VELOCITY);
    expect(Number.isNaN(velocityOrder([]))).toBe(false);
  });
});

describe('velocity wording', () => {
  it('shows whole numbers from 10 up, one decimal below, and a sign', () => {
    expect(formatVelocity(84.4)).toBe('+84/day');
    expect(formatVelocity(1234)).toBe('+1,234/day');
    expect(formatVelocity(0.44)).toBe('+0.4/day');
    expect(formatVelocity(-3)).toBe('−3/day');
    expect(formatVelocity(0.01)).toBe('0/day');
  });

  it('says why there is no rate', () => {
    expect(noVelocityReason(upvoteTrend([]))).toBe('no upvote count seen');
    expect(noVelocityReason(upvoteTrend([seen(0, 3)]))).toBe('1 observation');
    expect(noVelocityReason(upvoteTrend([seen(0, 3), seen(2, 5)]))).toBe('2 observations within 6 h');
  });
});
