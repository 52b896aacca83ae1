import { quickMatch } from '@/lib/search/quick-match';
import { makePaper } from '../helpers/papers';

const papers = [
  makePaper('2501.00001', { title: 'Speculative Decoding at Scale', authors: ['Ada Lovelace'] }),
  makePaper('2501.00002', { title: 'Video Diffusion Transformers', keywords: ['speculative sampling'] }),
  makePaper('2501.00003', { title: 'Reward Models', tags: ['to-read'], note: 'Compare with DPO' }),
  makePaper('2501.00004', { title: 'Unrelated', abstract: 'speculative decoding appears only here' }),
];

describe('quickMatch', () => {
  it('needs every word, in any case, in title, authors, keywords, tags or note', () => {
    expect(quickMatch(papers, 'SPECULATIVE', 10)).toEqual(['2501.00001', '2501.00002']);
    expect(quickMatch(papers, 'speculative lovelace', 10)).toEqual(['2501.00001']);
    expect(quickMatch(papers, 'to-read dpo', 10)).toEqual(['2501.00003']);
  });

  it('leaves abstracts to the ranked search', () => {
    expect(quickMatch(papers, 'appears', 10)).toEqual([]);
  });

  it('keeps the order given, up to the limit', () => {
    expect(quickMatch([...papers].reverse(), 'speculative', 1)).toEqual(['2501.00002']);
  });

  it('finds a paper by its arXiv id or link, and nothing for a blank query', () => {
    expect(quickMatch(papers, 'https://arxiv.org/abs/2501.00003v2', 10)).toEqual(['2501.00003']);
    expect(quickMatch(papers, '2501.09999', 10)).toEqual([]);
    expect(quickMatch(papers, '   ', 10)).toEqual([]);
  });

  it('sees a changed paper, which arrives as a new object', () => {
    const first = makePaper('2501.00005', { title: 'Old title' });
    expect(quickMatch([first], 'renamed', 10)).toEqual([]);
    expect(quickMatch([{ ...first, title: 'Renamed title' }], 'renamed', 10)).toEqual(['2501.00005']);
  });
});
