// Two rows reused by every call: a typo search compares a word with most of the vocabulary.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Levenshtein distance if it is at most `max`, else max + 1. Only the band of cells within `max` of the diagonal
 * is computed (no cell outside it can lead to a distance of `max` or less), and it stops once a row exceeds `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  const n = b.length;
  if (previousRow.length <= n + 1) {
    previousRow = new Int32Array(n + 2);
    currentRow = new Int32Array(n + 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= n; j++) previous[j] = j <= max ? j : over;
  previous[n + 1] = over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    current[0] = i <= max ? i : over;
    current[from - 1] = from === 1 ? current[0] : over;
    let best = from === 1 ? current[0] : over;
    const letter = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let value = previous[j - 1] + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (value > over) value = over;
      current[j] = value;
      if (value < best) best = value;
    }
    current[to + 1] = over; // read by the next row, whose band reaches one further
    if (best > max) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[n], over);
}

/** Which characters a word holds, one bit each (past 32 they share bits). An edit changes at most two bits. */
function letterBits(word: string): number {
  let bits = 0;
  for (let index = 0; index < word.length; index++) bits |= 1 << (word.charCodeAt(index) & 31);
  return bits;
}

function bitCount(bits: number): number {
  let count = bits - ((bits >>> 1) & 0x55555555);
  count = (count & 0x33333333) + ((count >>> 2) & 0x33333333);
  return (((count + (count >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// Each vocabulary's letter bits, worked out once: a page keeps its vocabulary for every typo it looks up.
const vocabularyBits = new WeakMap<readonly string[], Int32Array>();

function bitsOf(vocabulary: readonly string[]): Int32Array {
  let bits = vocabularyBits.get(vocabulary);
  if (!bits) {
    bits = Int32Array.from(vocabulary, letterBits);
    vocabularyBits.set(vocabulary, bits);
  }
  return bits;
}

/** Terms of the vocabulary within a typo or two of `word` (one per 5 letters, at most 2), closest first. */
export function nearTerms(
  word: string,
  vocabulary: readonly string[],
  limit = 8,
): { term: string; distance: number }[] {
  const max = Math.min(2, Math.floor(word.length / 5));
  if (max === 0) return [];
  const bits = bitsOf(vocabulary);
  const wordBits = letterBits(word);
  const found: { term: string; distance: number }[] = [];
  for (let index = 0; index < vocabulary.length; index++) {
    const term = vocabulary[index];
    // Most terms differ in length or in more letters than `max` edits can change: no distance is worked out.
    if (Math.abs(term.length - word.length) > max || bitCount(bits[index] ^ wordBits) > 2 * max) continue;
    if (term === word) continue;
    const distance = boundedDistance(word, term, max);
    if (distance <= max) found.push({ term, distance });
  }
  return found.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term)).slice(0, limit);
}
