import { editDistance, lookupForms, nearTerms, typoForms, withinOneEdit } from '@/lib/search/fuzzy';
import { random } from '../../bench/synthetic-library';

/** The textbook distance with swaps of neighbours (optimal string alignment), for comparison. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

const smallAlphabet = (next: () => number, longest: number) => () =>
  Array.from({ length: Math.floor(next() * longest) }, () => 'abcd'[Math.floor(next() * 4)]).join('');

describe('typo distance', () => {
  it('agrees with the full distance up to its bound, and on one edit, on random words of a small alphabet', () => {
    const next = random(3);
    const word = smallAlphabet(next, 9);
    for (let run = 0; run < 5_000; run++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 3)];
      expect(editDistance(a, b, max), `${a} / ${b} within ${max}`).toBe(Math.min(osa(a, b), max + 1));
      expect(withinOneEdit(a, b), `${a} / ${b}`).toBe(osa(a, b) <= 1);
    }
  });

  it('counts a dropped, added or replaced letter and a swap of neighbours as one typo', () => {
    for (const typo of ['tansformer', 'transformerr', 'transfarmer', 'tarnsformer', 'transforemr'])
      expect(withinOneEdit(typo, 'transformer'), typo).toBe(true);
    expect(withinOneEdit('tarnsfromer', 'transformer')).toBe(false);
  });

  it('finds the words a typo away, and in a long word two typos away after four right letters', () => {
    const vocabulary = ['transformer', 'transformers', 'transform', 'transfer', 'diffusion', 'difusion', 'rtansformer'];
    expect(nearTerms('transformr', vocabulary)).toEqual([
      { term: 'transform', distance: 1 }, // ties in alphabetical order
      { term: 'transformer', distance: 1 },
      { term: 'transformers', distance: 2 },
    ]);
    expect(nearTerms('mdoel', ['model', 'modal', 'mode'])).toEqual([{ term: 'model', distance: 1 }]);
    expect(nearTerms('rl', vocabulary)).toEqual([]); // too short for a typo
    expect(nearTerms('diffuse', vocabulary)).toEqual([]); // two typos in a short word
  });
});

describe('typo forms', () => {
  it('share a form between a word and every term one edit from it, whatever the edit', () => {
    const next = random(7);
    const word = (length: number) => Array.from({ length }, () => 'abcde9é'[Math.floor(next() * 7)]).join('');
    const vocabulary = [...new Set(Array.from({ length: 1_500 }, () => word(4 + Math.floor(next() * 7))))];
    const filed = new Map<string, string[]>();
    for (const term of vocabulary)
      for (const form of typoForms(term)) {
        const terms = filed.get(form) ?? [];
        terms.push(term);
        filed.set(form, terms);
      }
    let within = 0;
    for (let run = 0; run < 200; run++) {
      // Half the words typed are a term with one edit, the rest random.
      const base = vocabulary[Math.floor(next() * vocabulary.length)];
      const at = Math.floor(next() * base.length);
      const edits = [
        base.slice(0, at) + base.slice(at + 1),
        `${base.slice(0, at)}x${base.slice(at)}`,
        `${base.slice(0, at)}x${base.slice(at + 1)}`,
        base.slice(0, at) + base.slice(at + 1, at + 2) + base[at] + base.slice(at + 2),
      ];
      const typed = run % 2 ? word(5 + Math.floor(next() * 6)) : edits[(run / 2) % 4];
      const everyTerm = vocabulary
        .filter((term) => term !== typed && Math.abs(term.length - typed.length) <= 1 && osa(typed, term) <= 1)
        .sort();
      const looked = lookupForms(typed).flatMap((form) => filed.get(form) ?? []);
      const found = nearTerms(typed, looked, 10_000)
        .filter(({ distance }) => distance === 1)
        .map(({ term }) => term)
        .sort();
      expect(found, typed).toEqual(typed.length >= 5 ? everyTerm : []);
      within += found.length;
    }
    expect(within).toBeGreaterThan(40); // the words were near enough to test something
  }, 20_000); // many comparisons with the textbook distance
});
