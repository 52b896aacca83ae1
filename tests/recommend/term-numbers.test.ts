import type { Paper } from '@/lib/paper';
import { paperTerms } from '@/lib/recommend/features';
import { createNumberedScorer, createScorer } from '@/lib/recommend/model';
import { modelOf } from '@/lib/recommend/suggest';
import { countTerms, createTermMemory, type TermNumbering } from '@/lib/recommend/term-numbers';
import { allSeedPapers, makePaper } from '../helpers/papers';

const library = allSeedPapers();

/** Numbered terms read back as text, in their order. */
const spelled = (numbering: TermNumbering, paper: Paper) => {
  const { numbers, counts } = numbering.termsOf(paper);
  return [...numbers].map((number, k) => [numbering.vocabulary.terms[number], counts[k]]);
};

describe('numbered terms', () => {
  it('are the paper’s terms, counts and order, as paperTerms says them', () => {
    const numbering = countTerms();
    const paper = makePaper('2601.00001', {
      title: 'Diffusion Models for Diffusion Policies',
      keywords: ['policy learning'],
      abstract: 'We train diffusion policies. The policies beat the models.',
    });
    expect(spelled(numbering, paper)).toEqual([
      ['diffusion', 5],
      ['model', 3],
      ['diffusion model', 2],
      ['policy', 6],
      ['diffusion policy', 3],
      ['learning', 2],
      ['policy learning', 2],
      ['train', 1],
      ['train diffusion', 1],
      ['beat', 1],
      ['policy beat', 1],
    ]);
    for (const other of library.slice(0, 20)) expect(spelled(numbering, other)).toEqual([...paperTerms(other)]);
  });

  it('give the same score and reasons as the terms by their text', () => {
    const starred = library
      .filter((paper) => /reinforcement/i.test(paper.title))
      .slice(0, 3)
      .map((paper) => paper.id);
    const papers = library.map((paper) => (starred.includes(paper.id) ? { ...paper, starred: true } : paper));
    const model = modelOf(papers);
    if (!model) throw new Error('no model learned from three stars');
    // A vocabulary that has never met the model's terms still finds them.
    const numbering = countTerms();
    const byNumbers = createNumberedScorer(model, numbering.vocabulary);
    const byText = createScorer(model);
    for (const paper of library.slice(0, 40))
      expect(byNumbers(numbering.termsOf(paper))).toEqual(byText(paperTerms(paper)));
  });
});

describe('term memory', () => {
  it('counts a paper once between retrains, and again once its text changed', () => {
    const memory = createTermMemory();
    const [paper, other] = library;
    const first = memory.begin();
    const counted = first.termsOf(paper);
    first.termsOf(other);
    memory.end();
    const second = memory.begin();
    expect(second.termsOf({ ...paper })).toBe(counted);
    const revised = { ...paper, abstract: 'A new abstract about diffusion transformers.' };
    expect(second.termsOf(revised)).not.toBe(counted);
    expect(spelled(second, revised)).toEqual([...paperTerms(revised)]);
    memory.end();
  });

  it('forgets the papers the last retrain did not read', () => {
    const memory = createTermMemory();
    const [paper, other] = library;
    const first = memory.begin();
    const counted = first.termsOf(paper);
    memory.end();
    memory.begin().termsOf(other);
    memory.end();
    expect(memory.begin().termsOf(paper)).not.toBe(counted);
  });
});
