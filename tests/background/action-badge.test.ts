import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  badgeText,
  countFirstSeenSince,
  createActionBadge,
  MIDNIGHT_ALARM,
  nextLocalMidnight,
  startOfDay,
} from '@/lib/background/action-badge';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
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

  it('finds the next local midnight, from any hour, even a moment before it', () => {
    expect(nextLocalMidnight(NOW)).toBe(new Date(2026, 10, 21).getTime());
    expect(nextLocalMidnight(new Date(2026, 10, 20, 23, 59, 59, 999))).toBe(new Date(2026, 10, 21).getTime());
    expect(nextLocalMidnight(new Date(2026, 10, 21))).toBe(new Date(2026, 10, 22).getTime());
    expect(nextLocalMidnight(new Date(2026, 11, 31, 18))).toBe(new Date(2027, 0, 1).getTime());
  });

  describe('at local midnight', () => {
    let clock: Date;
    let shown: string[];
    beforeEach(() => {
      fakeBrowser.reset();
      shown = [];
    });
    // A badge as a (re)started background makes it: the clock, the alarms and the toolbar are the browser's.
    const startBackground = (db: Awaited<ReturnType<typeof openLibrary>>, enabled = async () => true) =>
      createActionBadge({
        db: async () => db,
        enabled,
        action: { setBadgeText: ({ text }) => void shown.push(text), setBadgeBackgroundColor: () => {} },
        alarms: fakeBrowser.alarms,
        now: () => clock,
      });

    it('resets the count with nothing written, from an alarm that a stopped background does not lose', async () => {
      const db = await openLibrary();
      await applyImport(db, library);
      clock = new Date(2026, 10, 20, 23, 58);
      await startBackground(db).refresh();
      expect(shown).toEqual(['2']);
      expect(await fakeBrowser.alarms.getAll()).toEqual([
        expect.objectContaining({ name: MIDNIGHT_ALARM, scheduledTime: new Date(2026, 10, 21).getTime() }),
      ]);

      // The worker is stopped; the alarm wakes a new one just after midnight, which hears it and recounts.
      clock = new Date(2026, 10, 21, 0, 0, 1);
      const restarted = startBackground(db);
      const [alarm] = await fakeBrowser.alarms.getAll();
      await restarted.alarm(alarm.name);
      expect(shown).toEqual(['2', '']);
      // And the next midnight is set, once.
      expect(await fakeBrowser.alarms.getAll()).toEqual([
        expect.objectContaining({ name: MIDNIGHT_ALARM, scheduledTime: new Date(2026, 10, 22).getTime() }),
      ]);
      db.close();
    });

    it('recounts for no other alarm, and leaves no alarm while the count is turned off', async () => {
      const db = await openLibrary();
      await applyImport(db, library);
      clock = NOW;
      let enabled = true;
      const badge = startBackground(db, async () => enabled);
      await badge.alarm('some-other-alarm');
      expect(shown).toEqual([]);
      await badge.refresh();
      expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
      enabled = false;
      await badge.refresh();
      expect(shown).toEqual(['2', '']);
      expect(await fakeBrowser.alarms.getAll()).toEqual([]);
      db.close();
    });
  });
});
