import { shortDate } from '@/lib/view/days';

/** A day as every part of the interface says it: "Nov 28", with the year only when it is not this one. */
export function formatDay(iso: string | null): string {
  return iso ? shortDate(iso, Date.now()) : '';
}

export function formatAuthors(authors: string[], shown = 3): string {
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} +${authors.length - shown}`;
}
