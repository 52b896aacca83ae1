import type { Paper } from '@/lib/paper';
import { nearestInLibrary, telling } from '@/lib/recommend/nearest';
import type { SearchOptions } from '@/lib/search/query';
import { makePaper } from '../helpers/papers';

const target = makePaper('2601.00001', {
  title: 'Video Diffusion Models for Robot Policies',
  keywords: ['diffusion'],
  abstract: 'We train video diffusion models on robot demonstrations. The diffusion policy beats baselines.',
});
const near = makePaper('2601.00002', {
  title: 'Diffusion Policies for Robot Manipulation',
  abstract: 'Video diffusion.',
});
const far = makePaper('2601.00003', { title: 'Tokenizers for Low-Resource Languages', abstract: 'Subword units.' });

/** A searcher that records what it was asked and proposes `papers`. */
function searcher(papers: Paper[]) {
  const asked: { query: string; options?: SearchOptions }[] = [];
  return {
    asked,
    search: async (query: string, options?: SearchOptions) => {
      asked.push({ query, options });
      return { firstPapers: papers };
    },
  };
}

describe('similar papers in the library', () => {
  it('asks the index for the title’s and keywords’ words first, each taken as it is, any of them matching', async () => {
    const index = searcher([target, far, near]);
    await nearestInLibrary(index, target);
    expect(index.asked).toHaveLength(1);
    const words = index.asked[0].query.split(' ');
    expect(words.slice(0, 5)).toEqual(['video', 'diffusion', 'models', 'robot', 'policies']);
    expect(words).not.toContain('for'); // a stopword says nothing of what the paper is about
    expect(index.asked[0].options).toEqual({ exact: true, anyWord: true });
  });

  it('orders what the index proposes by closeness, leaving the paper itself out', async () => {
    const found = await nearestInLibrary(searcher([target, far, near]), target);
    expect(found.map((paper) => paper.id)).toEqual([near.id]);
  });

  it('asks nothing for a paper without a telling word', async () => {
    const index = searcher([near]);
    const blank = makePaper('2601.00004', { title: 'The', keywords: [], abstract: null });
    expect(telling(blank)).toEqual([]);
    expect(await nearestInLibrary(index, blank)).toEqual([]);
    expect(index.asked).toEqual([]);
  });
});
