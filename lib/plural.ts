/** A plural English word as its singular ("models" → "model", "batches" → "batch"); other words as they are. */
export function singular(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is|ias|vas|ics)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  // "batches", "sketches", "boxes"; but "caches" and "images" drop only the s.
  if (/(?:[^a]ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}
