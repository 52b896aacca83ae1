import { tokenize } from '@/lib/search/tokens';

describe('tokenize', () => {
  it('reads plain ASCII and accented text alike: lowercased, accents folded, split at anything else', () => {
    expect(tokenize('Café Müller: NAÏVE ViT-B/16 beats GPT_4o')).toEqual(
      'cafe muller naive vit b 16 beats gpt 4o'.split(' '),
    );
    expect(tokenize('Cafe Muller: NAIVE ViT-B/16 beats GPT_4o')).toEqual(
      tokenize('Café Müller: NAÏVE ViT-B/16 beats GPT_4o'),
    );
  });

  it('keeps letters of other scripts as words, and drops words too long to be terms', () => {
    expect(tokenize('Große Sprachmodelle, 大模型 и данные')).toEqual('große sprachmodelle 大模型 и данные'.split(' '));
    expect(tokenize(`short ${'x'.repeat(41)} ${'y'.repeat(40)}`)).toEqual(['short', 'y'.repeat(40)]);
  });
});
