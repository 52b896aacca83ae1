import {
  BACKGROUND_SHARE,
  distinctiveness,
  isGeneric,
  isLoneDescriptor,
  isTopicTerm,
  keywordBoost,
} from '@/lib/topics/termhood';
import { keyWords } from '@/lib/topics/words';

/** A phrase as its term key: hyphenated parts apart, plurals folded. */
const key = (phrase: string) => phrase.split(' ').flatMap(keyWords).join(' ');

describe('termhood', () => {
  it('calls a phrase of generic or evaluative words alone generic, and nothing with a real word in it', () => {
    for (const phrase of [
      'different models',
      'model performance',
      'downstream tasks',
      'training data',
      'success rates',
      'corpus interaction',
      'direct corpus interaction',
      'learning models',
      'various approaches',
      'AI',
      'APIs',
    ]) {
      expect(isGeneric(key(phrase)), phrase).toBe(true);
    }
    for (const phrase of ['policy optimization', 'data contamination', 'reward model', 'AI agents', 'latent space']) {
      expect(isGeneric(key(phrase)), phrase).toBe(false);
    }
  });

  it('calls a lone participle a descriptor, and a process named by a gerund a term', () => {
    for (const word of ['self-organizing', 'self-evolving', 'long-standing', 'ever-growing', 'well-trained']) {
      expect(isLoneDescriptor(key(word)), word).toBe(true);
    }
    for (const word of ['fine-tuning', 'pre-training', 'self-training', 'red-teaming', 'tool-calling', 'self-play']) {
      expect(isLoneDescriptor(key(word)), word).toBe(false);
    }
    expect(isTopicTerm(key('self-organizing maps'))).toBe(true);
  });

  it('leaves ordinary terms alone and fades a term towards none as more of the papers carry it', () => {
    expect(distinctiveness(3, 100)).toBe(1);
    expect(distinctiveness(BACKGROUND_SHARE * 100, 100)).toBe(1);
    const half = distinctiveness(50, 100);
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(0.15);
    expect(distinctiveness(30, 100)).toBeGreaterThan(half);
    expect(distinctiveness(100, 100)).toBe(0);
    expect(distinctiveness(0, 0)).toBe(1);
  });

  it('weighs a term up to twice by the share of its papers that list it as a keyword', () => {
    expect(keywordBoost(0, 8)).toBe(1);
    expect(keywordBoost(4, 8)).toBe(1.5);
    expect(keywordBoost(8, 8)).toBe(2);
    expect(keywordBoost(12, 8)).toBe(2);
    expect(keywordBoost(0, 0)).toBe(1);
  });
});
