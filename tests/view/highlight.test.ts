import { highlight, matchSnippet } from '@/lib/view/highlight';
import { makePaper } from '../helpers/papers';

describe('highlight', () => {
  it('marks words that start with a term, whatever their case', () => {
    expect(highlight('Retrieval for RETRIEVERS, not preretrieval', ['retriev'])).toEqual([
      { text: 'Retriev', match: true },
      { text: 'al for ', match: false },
      { text: 'RETRIEV', match: true },
      { text: 'ERS, not preretrieval', match: false },
    ]);
  });
});

describe('matchSnippet', () => {
  const paper = makePaper('2601.00001', {
    title: 'A study of long contexts',
    authors: ['Ada Lovelace', 'Grace Hopper'],
    tags: ['to cite'],
    note: null,
    abstract: `${'Words before the match. '.repeat(10)}We use retrieval augmented generation to answer questions about very long documents and books.`,
  });

  it('says nothing when the title shows the match', () => {
    expect(matchSnippet(paper, ['contexts'])).toBeNull();
    expect(matchSnippet(paper, [])).toBeNull();
  });

  it('shows a line of the abstract around the match, cut at words', () => {
    const snippet = matchSnippet(paper, ['retrieval']);
    expect(snippet?.field).toBe('abstract');
    expect(snippet?.text).toMatch(/^….*retrieval augmented generation.*…$/);
    expect(snippet?.text.length).toBeLessThanOrEqual(113);
  });

  it('prefers what a person wrote or said: the note, tags, authors', () => {
    expect(matchSnippet(paper, ['hopper'])).toEqual({ field: 'authors', text: 'Ada Lovelace, Grace Hopper' });
    expect(matchSnippet(paper, ['cite'])).toEqual({ field: 'tags', text: 'to cite' });
    expect(matchSnippet({ ...paper, note: 'Cite in chapter 2' }, ['cite'])).toEqual({
      field: 'note',
      text: 'Cite in chapter 2',
    });
  });
});
