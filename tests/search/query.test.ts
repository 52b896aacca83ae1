import { type PostingsSource, searchPostings } from '@/lib/search/query';

/** An index of a few terms in memory, logging every read a search makes. */
function sourceOf(terms: Record<string, number[]>) {
  const reads: string[] = [];
  const vocabulary = Object.keys(terms).sort();
  const source: PostingsSource = {
    async postings(wanted) {
      reads.push(`postings ${wanted.join(',')}`);
      const none = new Uint32Array(0);
      return new Map(wanted.map((term) => [term, [Uint32Array.from(terms[term] ?? []), none, none]]));
    },
    async termsBeginning(word) {
      reads.push(`beginning ${word}`);
      return vocabulary.filter((term) => term.startsWith(word));
    },
    async termsNear(word) {
      reads.push(`near ${word}`);
      return vocabulary
        .filter((term) => term === 'diffusion' && word === 'difusion')
        .map((term) => ({ term, distance: 1 }));
    },
    paperCount: async () => 3,
    idsOf: async (docs) => docs.map((doc) => `2601.0000${doc}`),
    hasPaper: async () => false,
  };
  return { source, reads };
}

describe('a query word’s reads', () => {
  it('go straight to the typo candidates when nothing indexed begins with the word', async () => {
    const { source, reads } = sourceOf({ diffusion: [1, 2], denoising: [2] });
    expect((await searchPostings(source, 'difusion')).ids).toEqual(['2601.00002', '2601.00001']);
    expect(reads).toEqual(['beginning difusion', 'near difusion', 'postings diffusion']);
  });

  it('read the word itself when it is indexed, with the words it begins, and no typo candidates', async () => {
    const { source, reads } = sourceOf({ diffusion: [1], diffusions: [2], denoising: [3] });
    expect((await searchPostings(source, 'diffusion')).ids).toEqual(['2601.00001', '2601.00002']);
    expect(reads).toEqual(['beginning diffusion', 'postings diffusion,diffusions']);
  });

  it('look for typo candidates when the words it begins are indexed but no paper holds them any more', async () => {
    const { source, reads } = sourceOf({ difusionx: [], diffusion: [1] });
    expect((await searchPostings(source, 'difusion')).ids).toEqual(['2601.00001']);
    expect(reads).toEqual(['beginning difusion', 'postings difusion,difusionx', 'near difusion', 'postings diffusion']);
  });
});
