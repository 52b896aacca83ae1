import type { Paper } from '@/lib/paper';
import { similarTo } from '@/lib/recommend/similar';
import { allSeedPapers } from '../helpers/papers';

const library = allSeedPapers();

describe('similarTo', { timeout: 60_000 }, () => {
  it('finds papers of the same theme first, from one paper and no signals', () => {
    const diffusion = (paper: Paper) => /diffusion/i.test(paper.title);
    const target = library.find(diffusion) as Paper;
    const near = similarTo(target, library, 5);
    expect(near).toHaveLength(5);
    expect(near.map(({ id }) => id)).not.toContain(target.id);
    const abstracts = near.map(({ id }) => (library.find((paper) => paper.id === id) as Paper).abstract ?? '');
    expect(abstracts.filter((text) => /diffusion/i.test(text)).length).toBeGreaterThanOrEqual(3);
    expect(near.map(({ score }) => score)).toEqual(near.map(({ score }) => score).sort((a, b) => b - a));
  });

  it('finds nothing for a paper with no words in common with the library', () => {
    const lonely = { ...library[0], id: '2601.99999', title: 'Zyxwv qwerty', abstract: null, keywords: [] };
    expect(similarTo(lonely, library)).toEqual([]);
  });
});
