import { KEYWORD, paperTerms, sameTopicInputs, topicDay } from '@/lib/topics/terms';
import { canEndTerm, keyWords } from '@/lib/topics/words';
import { makePaper } from '../helpers/papers';
import { readSeedPapers, SEED_FILES } from '../helpers/seed-library';
import { hfPapers } from './library';

const seedTexts = SEED_FILES.flatMap(readSeedPapers);
const seedTitled = (start: string) => {
  const text = seedTexts.find(({ title }) => title.startsWith(start));
  if (!text) throw new Error(`no seed paper titled "${start}…"`);
  return makePaper('2409.00001', text);
};
const hfTitled = (start: string) => {
  const paper = hfPapers().find(({ title }) => title.startsWith(start));
  if (!paper) throw new Error(`no captured paper titled "${start}…"`);
  return paper;
};
const spellings = (paper: Parameters<typeof paperTerms>[0]) => [...paperTerms(paper).values()].filter(Boolean);

describe('term boundaries', () => {
  it('never ends a term in an adjective, participle, determiner or number', () => {
    for (const word of 'large existing based new two pretrained generative semantic LLM-based'.split(' ')) {
      expect(canEndTerm(word), word).toBe(false);
    }
    for (const word of ['model', 'learning', 'retrieval', 'fine-tuning', 'LLMs', 'automata', 'GPT-4', 'scaling']) {
      expect(canEndTerm(word), word).toBe(true);
    }
  });

  it('folds only true variants: plurals, hyphenation, acronym plurals', () => {
    const key = (phrase: string) => phrase.split(' ').flatMap(keyWords).join(' ');
    expect(key('GUI agents')).toBe(key('GUI agent'));
    expect(key('fine-tuning')).toBe(key('fine tuning'));
    expect(key('LLMs')).toBe(key('LLM'));
    expect(key('KV caches')).toBe(key('KV cache'));
    expect(key('zero-shot generalization')).not.toBe(key('zero-shot generation'));
    expect(key('general')).not.toBe(key('generation'));
  });
});

describe('terms of real papers', () => {
  it('keeps whole terms of titles, never ending in a descriptive word', () => {
    const terms = spellings(seedTitled('ReaLHF: Optimized RLHF Training for Large Language Models'));
    expect(terms).toEqual(expect.arrayContaining(['large language models', 'parameter reallocation', 'RLHF']));
    // A noun-ending stretch such as "large language" is a candidate; ranking drops it as a fragment.
    for (const fragment of ['large', 'optimized', 'language', 'models']) expect(terms).not.toContain(fragment);
    const abstract = spellings(
      makePaper('2409.00002', { title: 'Fine-Tuning Large Language Models for Two New Tasks' }),
    );
    expect(abstract).toEqual(expect.arrayContaining(['fine-tuning', 'fine-tuning large language models']));
    for (const fragment of ['fine-tuning large', 'two', 'two new tasks']) expect(abstract).not.toContain(fragment);
  });

  it('keeps four-word terms whole', () => {
    const terms = spellings(seedTitled('MOS: Model Surgery for Pre-Trained Model-Based Class-Incremental Learning'));
    expect(terms).toEqual(
      expect.arrayContaining(['model surgery', 'pre-trained model-based class-incremental learning']),
    );
    expect(terms).not.toContain('pre-trained model-based');
  });

  it('takes an abstract’s repeated terms and the acronyms it defines', () => {
    const paper = seedTitled('In defense of parameter sharing for model-compression');
    expect(spellings(paper)).toEqual(expect.arrayContaining(['parameter sharing', 'RPS', 'pruning techniques']));
    expect([...paperTerms(paper).keys()]).toContain('=rps=randomized parameter sharing');
  });

  it('takes the AI keywords of a captured paper, but no single common word', () => {
    const paper = hfTitled('Beyond Semantic Similarity');
    const terms = spellings(paper);
    expect(terms).toEqual(expect.arrayContaining(['dense retrieval', 'agentic search', 'multi-hop QA']));
    for (const word of ['semantic', 'retrieval', 'search', 'generative', 'policy']) expect(terms).not.toContain(word);
  });

  it('gives every captured paper terms, none ending in a descriptive word', () => {
    for (const paper of hfPapers()) {
      const terms = spellings(paper);
      expect(terms.length, paper.title).toBeGreaterThan(0);
      for (const term of terms) expect(term, paper.title).not.toMatch(/\b(?:large|growing|based|new|two|novel)$/i);
    }
  });

  it('dates a paper by its day on the daily list, else publication, else first sighting', () => {
    const seen = { firstSeenAt: '2026-03-03T10:00:00Z' };
    expect(topicDay({ submittedOnDailyAt: '2026-03-01T23:00:00Z', publishedAt: '2026-02-27T00:00:00Z', ...seen })).toBe(
      '2026-03-01',
    );
    expect(topicDay({ submittedOnDailyAt: null, publishedAt: '2026-02-27T00:00:00Z', ...seen })).toBe('2026-02-27');
    expect(topicDay({ submittedOnDailyAt: null, publishedAt: null, ...seen })).toBe('2026-03-03');
  });

  it('tells a change that can move topics from one that cannot', () => {
    const paper = hfTitled('Beyond Semantic Similarity');
    expect(sameTopicInputs(paper, { ...paper, starred: true, note: 'n', tags: ['x'], seenCount: 9 })).toBe(true);
    expect(sameTopicInputs(paper, { ...paper, lastSeenAt: '2030-01-01T00:00:00Z' })).toBe(true);
    expect(sameTopicInputs(paper, { ...paper, keywords: [...paper.keywords, 'BM25'] })).toBe(false);
    expect(sameTopicInputs(paper, { ...paper, submittedOnDailyAt: '2026-01-01T00:00:00Z' })).toBe(false);
  });
});

describe('keywords as evidence', () => {
  it('records each keyword that is a whole term, and no keyword that is not one', () => {
    const terms = paperTerms(
      makePaper('2409.00003', { title: 'A Study', keywords: ['dense retrieval', 'LLMs', 'we study this', 'novel'] }),
    );
    const marks = [...terms.keys()].filter((key) => key.startsWith(KEYWORD));
    expect(marks.sort()).toEqual([`${KEYWORD}dense retrieval`, `${KEYWORD}llm`]);
    expect(terms.get(`${KEYWORD}dense retrieval`)).toBe('');
  });
});
