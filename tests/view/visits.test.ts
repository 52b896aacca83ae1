import { nextVisits, VISIT_GAP_MS } from '@/lib/view/visits';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 8) + minutes * 60_000);

describe('visits', () => {
  it('counts as new what was first seen after the last look of the visit before', () => {
    const first = nextVisits(null, at(0));
    expect(first).toEqual({ lastOpenedAt: at(0).toISOString(), newSince: null });
    // Looked again ten minutes later: the same visit, nothing new to reckon from yet.
    const again = nextVisits(first, at(10));
    expect(again).toEqual({ lastOpenedAt: at(10).toISOString(), newSince: null });
    // The next morning: new since the last look of yesterday's visit.
    const tomorrow = nextVisits(again, at(24 * 60));
    expect(tomorrow).toEqual({ lastOpenedAt: at(24 * 60).toISOString(), newSince: at(10).toISOString() });
    // Opened again within the gap: what was new stays new.
    expect(nextVisits(tomorrow, at(24 * 60 + VISIT_GAP_MS / 60_000 - 1)).newSince).toBe(at(10).toISOString());
  });
});
