// English number words: a plural read back to its singular, and a count said with its noun.

/** A plural English word as its singular ("models" → "model", "batches" → "batch"); other words as they are. */
export function singular(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is|ias|vas|ics)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  // "batches", "sketches", "boxes"; but "caches" and "images" drop only the s.
  if (/(?:[^a]ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

// One formatter for every count: toLocaleString builds a new one on each call, a cost every render paid.
const NUMBER = new Intl.NumberFormat('en-US');

/** A count as the interface writes it ("1,234"). */
export const formatCount = (count: number) => NUMBER.format(count);

/** A count with its noun, plural unless it is one ("1 paper", "1,234 papers"). */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
