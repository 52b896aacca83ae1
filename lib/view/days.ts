// Days as a daily reader says them: "Today", "Yesterday", "Monday" this week, then "Nov 28" (the year only when
// it is not this one). Local time throughout.

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'long' });
const THIS_YEAR = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const OTHER_YEAR = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/** Local midnight of the day `time` falls in (epoch ms). */
export const startOfLocalDay = (time: number) => {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
};

/** Whole local days from `iso`'s day to `now`'s (0: the same day). */
function daysBefore(iso: string, now: number): number {
  return Math.round((startOfLocalDay(now) - startOfLocalDay(Date.parse(iso))) / 86_400_000);
}

/** "Nov 28" this year, "Nov 28, 2025" another. */
export function shortDate(iso: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return (new Date(time).getFullYear() === new Date(now).getFullYear() ? THIS_YEAR : OTHER_YEAR).format(time);
}

/** The day's name for a list's group: Today, Yesterday, a weekday within the week, else its short date. */
export function dayLabel(iso: string, now: number): string {
  const days = daysBefore(iso, now);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days > 1 && days < 7) return WEEKDAY.format(Date.parse(iso));
  return shortDate(iso, now);
}
