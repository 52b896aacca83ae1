import { formatCount, plural } from '@/lib/plural';
import { shortDate } from '@/lib/view/days';

/** A day as every part of the interface says it: "Nov 28", with the year only when it is not this one. */
export function formatDay(iso: string | null): string {
  return iso ? shortDate(iso, Date.now()) : '';
}

export function formatAuthors(authors: string[], shown = 3): string {
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} +${authors.length - shown}`;
}
/** Long work told in numbers: "12,400 of 50,000 papers". */
export function progressOf(done: number, total: number, noun: string): string {
  return `${formatCount(Math.min(done, total))} of ${plural(total, noun)}`;
}

/** A file's size as its progress is told: "4.2 of 12 MB". */
export function megabytesOf(doneBytes: number, totalBytes: number): string {
  const mb = (bytes: number) => {
    const value = bytes / 1_000_000;
    return value >= 10 ? Math.round(value).toString() : value.toFixed(1);
  };
  return `${mb(Math.min(doneBytes, totalBytes))} of ${mb(totalBytes)} MB`;
}
