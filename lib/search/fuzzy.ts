/** Levenshtein distance if it is at most `max`, else max + 1 (stops as soon as a row exceeds it). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Terms of the vocabulary within a typo or two of `word` (one per 5 letters, at most 2), closest first. */
export function nearTerms(
  word: string,
  vocabulary: readonly string[],
  limit = 8,
): { term: string; distance: number }[] {
  const max = Math.min(2, Math.floor(word.length / 5));
  if (max === 0) return [];
  const found: { term: string; distance: number }[] = [];
  for (const term of vocabulary) {
    if (Math.abs(term.length - word.length) > max || term === word) continue;
    const distance = boundedDistance(word, term, max);
    if (distance <= max) found.push({ term, distance });
  }
  return found.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term)).slice(0, limit);
}
