import { dayLabel, shortDate } from '@/lib/view/days';

const now = new Date(2026, 11, 6, 9, 30).getTime(); // a Sunday morning, local time
const at = (month: number, day: number, hour = 12, year = 2026) => new Date(year, month, day, hour).toISOString();

describe('days as a daily reader says them', () => {
  it('names today, yesterday and the days of this week, then dates', () => {
    expect(dayLabel(at(11, 6, 0), now)).toBe('Today');
    expect(dayLabel(at(11, 5, 23), now)).toBe('Yesterday');
    expect(dayLabel(at(11, 1), now)).toBe('Tuesday');
    expect(dayLabel(at(10, 29), now)).toBe('Nov 29');
    expect(dayLabel(at(11, 6, 12, 2025), now)).toBe('Dec 6, 2025');
  });

  it('writes the year only when it is not this one', () => {
    expect(shortDate(at(0, 5), now)).toBe('Jan 5');
    expect(shortDate(at(11, 31, 12, 2025), now)).toBe('Dec 31, 2025');
    expect(shortDate('not a date', now)).toBe('');
  });
});
