import { boundedDistance, nearTerms } from '@/lib/search/fuzzy';
import { random } from '../../bench/synthetic-library';

/** The textbook distance, for comparison. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length];
}

describe('typo distance', () => {
  it('agrees with the full distance up to its bound, on random words of a small alphabet', () => {
    const next = random(3);
    const word = () => Array.from({ length: Math.floor(next() * 9) }, () => 'abcd'[Math.floor(next() * 4)]).join('');
    for (let run = 0; run < 5_000; run++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 3)];
      expect(boundedDistance(a, b, max), `${a} / ${b} within ${max}`).toBe(Math.min(levenshtein(a, b), max + 1));
    }
    // A long word after short ones: the reused rows grow.
    expect(boundedDistance('transformerarchitectures'.repeat(4), 'transformerarchitecture'.repeat(4), 2)).toBe(
      Math.min(levenshtein('transformerarchitectures'.repeat(4), 'transformerarchitecture'.repeat(4)), 3),
    );
  });

  it('finds the words a typo or two away, closest first', () => {
    const vocabulary = ['transformer', 'transformers', 'transform', 'transfer', 'diffusion', 'difusion'];
    expect(nearTerms('transformr', vocabulary)).toEqual([
      { term: 'transform', distance: 1 }, // ties in alphabetical order
      { term: 'transformer', distance: 1 },
      { term: 'transformers', distance: 2 },
    ]);
    expect(nearTerms('rl', vocabulary)).toEqual([]); // too short for a typo
  });

  it('misses no term within reach, whatever letters it shares, on a random vocabulary', () => {
    const next = random(7);
    const word = (length: number) => Array.from({ length }, () => 'abcde9é'[Math.floor(next() * 7)]).join('');
    const vocabulary = Array.from({ length: 3_000 }, () => word(5 + Math.floor(next() * 6)));
    let within = 0;
    for (let run = 0; run < 200; run++) {
      const typed = word(5 + Math.floor(next() * 6));
      const max = Math.min(2, Math.floor(typed.length / 5));
      const everyTerm = [...new Set(vocabulary)]
        .filter((term) => term !== typed && levenshtein(typed, term) <= max)
        .map((term) => ({ term, distance: levenshtein(typed, term) }))
        .sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term));
      expect(nearTerms(typed, [...new Set(vocabulary)], 10_000), typed).toEqual(everyTerm);
      within += everyTerm.length;
    }
    expect(within).toBeGreaterThan(40); // the words were near enough to test something
  });
});
