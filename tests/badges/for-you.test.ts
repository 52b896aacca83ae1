import { forYouOnPage, scorePage } from '@/lib/badges/for-you';
import { modelOf } from '@/lib/recommend/suggest';
import { allSeedPapers } from '../helpers/papers';

describe('for you marks', { timeout: 60_000 }, () => {
  const scores = new Map([
    ['a', 3],
    ['b', 2],
    ['c', 1],
    ['d', -1],
  ]);
  const ids = Array.from({ length: 20 }, (_, i) => (i < 4 ? 'abcd'[i] : `x${i}`));

  it('marks the top tenth of the cards (at least one), best first, among the papers scored', () => {
    expect(forYouOnPage(ids, scores, () => false)).toEqual(new Set(['a', 'b']));
    expect(forYouOnPage(['d', 'c'], scores, () => false)).toEqual(new Set(['c']));
    expect(forYouOnPage(['x1', 'x2'], scores, () => false)).toEqual(new Set());
  });

  it('never marks a paper the user already decided on', () => {
    expect(forYouOnPage(ids, scores, (id) => id === 'a')).toEqual(new Set(['b', 'c']));
  });

  it('scores a page’s papers with the model, from their own text', () => {
    const library = allSeedPapers();
    const rl = library.filter((paper) => /reinforcement/i.test(paper.title));
    const model = modelOf(
      library.map((paper) => (rl.slice(0, 3).includes(paper) ? { ...paper, starred: true } : paper)),
    );
    if (!model) throw new Error('no model');
    const page = [...rl.slice(3, 5), ...library.filter((paper) => !rl.includes(paper)).slice(0, 18)];
    const scored = scorePage(model, page);
    const marked = forYouOnPage(
      page.map((paper) => paper.id),
      scored,
      () => false,
    );
    expect([...marked].sort()).toEqual(
      rl
        .slice(3, 5)
        .map((paper) => paper.id)
        .sort(),
    );
  });
});
