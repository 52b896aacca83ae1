// Typo tolerance: which indexed terms a misspelled word may have meant, and the forms under which the index files
// terms so that they are found by a few key reads. A term is filed under its two halves (with its length): one edit
// leaves at least one half as it was, so a misspelled word finds its term under a half of its own, and the index
// holds two forms a term where SymSpell's deletion neighbourhoods hold one more than its letters.

/** Words shorter than this are taken as typed: one edit away from a short word is too often another word. */
export const TYPO_MIN_LETTERS = 5;
/** From this length a word may hold two typos, when it begins with the letters its term begins with. */
const TWO_TYPOS_MIN_LETTERS = 10;
/** How many first letters a word with two typos shares with its term: the index finds those terms by prefix. */
const TWO_TYPOS_PREFIX = 4;

/** A term of `length` letters filed under its first half: a word whose edits all lie after that half finds it. */
const firstHalf = (length: number, letters: string) => `${length}<${letters.slice(0, length >> 1)}`;
/** … and under its second half: a word whose edits all lie before it finds it. */
const secondHalf = (length: number, letters: string) =>
  `${length}>${letters.slice(letters.length - (length - (length >> 1)))}`;

/** The forms the index files `term` under: its first half and its second half, each with its length. */
export function typoForms(term: string): string[] {
  // A term shorter than this is never within one edit of a word long enough to be forgiven a typo.
  if (term.length < TYPO_MIN_LETTERS - 1) return [];
  return [firstHalf(term.length, term), secondHalf(term.length, term)];
}

/**
 * The forms a misspelled word is looked up under (none when it is too short to be forgiven a typo): the halves of
 * a term one letter shorter, as long, or one longer, whichever half the edit left alone; and, for two neighbours
 * swapped across the middle (which changes both halves), the first half of the word with them swapped back.
 */
export function lookupForms(word: string): string[] {
  if (word.length < TYPO_MIN_LETTERS) return [];
  const forms = new Set<string>();
  for (const length of [word.length - 1, word.length, word.length + 1]) {
    forms.add(firstHalf(length, word));
    forms.add(secondHalf(length, word));
  }
  const middle = word.length >> 1;
  forms.add(firstHalf(word.length, word.slice(0, middle - 1) + word[middle]));
  return [...forms];
}

/** The prefix whose terms may be two typos from `word`, or null when it is too short for two. */
export const twoTyposPrefix = (word: string): string | null =>
  word.length >= TWO_TYPOS_MIN_LETTERS ? word.slice(0, TWO_TYPOS_PREFIX) : null;

/** Whether `a` becomes `b` by at most one edit: a letter dropped, added or replaced, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let at = 0;
  while (at < b.length && a[at] === b[at]) at++;
  if (at === b.length) return true;
  if (a.length > b.length) return a.slice(at + 1) === b.slice(at);
  if (a.slice(at + 1) === b.slice(at + 1)) return true;
  return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** Edits between two words, counting a swap of neighbours as one (optimal string alignment), or max + 1 past max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, beforePrevious[j - 2] + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length], max + 1);
}

/**
 * The terms among `candidates` that `word` may be a misspelling of, closest first: one edit away anywhere in a
 * word of 5 letters or more; in a word of 10 or more, also two edits away when its first four letters are right.
 */
export function nearTerms(word: string, candidates: Iterable<string>, limit = 8): { term: string; distance: number }[] {
  if (word.length < TYPO_MIN_LETTERS) return [];
  const prefix = twoTyposPrefix(word);
  const found = new Map<string, number>();
  for (const term of candidates) {
    if (term === word || found.has(term)) continue;
    if (withinOneEdit(word, term)) found.set(term, 1);
    else if (prefix !== null && term.startsWith(prefix) && editDistance(word, term, 2) === 2) found.set(term, 2);
  }
  return [...found]
    .map(([term, distance]) => ({ term, distance }))
    .sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term))
    .slice(0, limit);
}
