import { badgeText, countFirstSeenSince, createActionBadge, startOfDay } from '@/lib/background/action-badge';
import { openLibrary } from '@/lib/library/db';
import { applyImport } from '@/lib/library/ingest';
import { makePaper } from '../helpers/papers';

const NOW = new Date(2026, 10, 20, 15, 30); // Nov 20, 3:30 pm local time
const local = (day: number, hour: number) => new Date(2026, 10, day, hour).toISOString();
// Two papers first seen today (one just after midnight), two before it.
const library = [
  makePaper('2611.00001', { firstSeenAt: local(20, 0), lastSeenAt: local(20, 9) }),
  makePaper('2611.00002', { firstSeenAt: local(20, 14), lastSeenAt: local(20, 14) }),
  makePaper('2611.00003', { firstSeenAt: local(19, 23), lastSeenAt: local(20, 10) }),
  makePaper('2611.00004', { firstSeenAt: local(12, 8), lastSeenAt: local(12, 8) }),
];

describe('the toolbar badge', () => {
  it('says nothing for none, the number up to 999, then 999+', () => {
    expect([0, 1, 42, 999, 1000, 25_000].map(badgeText)).toEqual(['', '1', '42', '999', '999+', '999+']);
  });

  it('counts papers first seen since local midnight, whenever they were last seen', async () => {
    const db = await openLibrary();
    await applyImport(db, library);
    expect(startOfDay(NOW)).toBe(new Date(2026, 10, 20).toISOString());
    expect(await countFirstSeenSince(db, startOfDay(NOW))).toBe(2);
    db.close();
  });

  it('shows the count, and clears it when turned off', async () => {
    const db = await openLibrary();
    await applyImport(db, library);
    const shown: string[] = [];
    let enabled = true;
    const badge = createActionBadge({
      db: async () => db,
      enabled: async () => enabled,
      action: { setBadgeText: ({ text }) => void shown.push(text), setBadgeBackgroundColor: () => {} },
      now: () => NOW,
    });
    await badge.refresh();
    enabled = false;
    await badge.refresh();
    expect(shown).toEqual(['2', '']);
    db.close();
  });
});
