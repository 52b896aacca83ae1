import { forEachTerm, type TopicDayRecord } from './day-record';
import { dayNumber, dayString } from './rank';

/** How many weeks a topic's chart shows. */
export const SHARE_WEEKS = 12;

/** One week of a topic: its papers among the papers dated that week. */
export interface WeekShare {
  /** The week's first day (UTC, "2026-11-14"); the last week ends today. */
  from: string;
  /** Papers with the topic, each once whichever of its spellings or its acronym it uses. */
  papers: number;
  /** Every paper dated that week: how much was browsed. */
  total: number;
  /** papers / total, 0 for a week with no papers. */
  share: number;
}

/** The first day the chart reads: `weeks` weeks of seven days ending with `today`. */
export const shareFrom = (today: string, weeks = SHARE_WEEKS) => dayString(dayNumber(today) - 7 * weeks + 1);

/**
 * A topic's weekly share of the papers, oldest week first, from the day records: papers are dated as the tallies
 * date them (their day on the daily list, else publication), and the week's total counts the same papers the same
 * way, so a week of heavy browsing is no rise. `terms` are the topic's keys (its phrase and its acronym).
 */
export function weeklyShare(
  records: readonly TopicDayRecord[],
  terms: readonly string[],
  today: string,
  weeks = SHARE_WEEKS,
): WeekShare[] {
  const first = dayNumber(shareFrom(today, weeks));
  const result: WeekShare[] = Array.from({ length: weeks }, (_, week) => ({
    from: dayString(first + 7 * week),
    papers: 0,
    total: 0,
    share: 0,
  }));
  const wanted = new Set(terms);
  for (const record of records) {
    const week = Math.floor((dayNumber(record.day) - first) / 7);
    if (week < 0 || week >= weeks) continue;
    const papers = new Set<number>();
    const keys = record.keys ? record.keys.split('\n') : [];
    forEachTerm(record, keys, (key, _index, start, count) => {
      if (!wanted.has(key)) return;
      for (const paper of record.postings.subarray(start, start + count)) papers.add(paper);
    });
    result[week].papers += papers.size;
    result[week].total += record.count;
  }
  for (const week of result) week.share = week.total ? week.papers / week.total : 0;
  return result;
}

/** A share as a reader says it: "4.2 %", "0 %", "12 %". */
export function percent(share: number): string {
  const value = share * 100;
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} %`;
}

/** The chart in words, for those who cannot see it: "Weekly share over 12 weeks, oldest first: 0 %, …, 4.2 %". */
export function shareSentence(weeks: readonly WeekShare[]): string {
  return `Weekly share over ${weeks.length} weeks, oldest first: ${weeks.map((week) => percent(week.share)).join(', ')}`;
}
