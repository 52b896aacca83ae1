import { namedPhrases, textPhrases } from '@/lib/topics/phrases';
import { FILLER, GENERIC, STOPWORDS } from '@/lib/topics/stoplist';
import { analyzeLibrary, computeTopics, rankTopics, type Topic, topicInputsChanged } from '@/lib/topics/topics';
import { makePaper, seedPapers } from '../helpers/papers';
import { SEED_FILES } from '../helpers/seed-library';

const NOW = '2026-11-20T12:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

/** Background papers spread over 120 days, plus a phrase that appears only in the last few days. */
function risingLibrary() {
  const themes = [
    'graph neural networks',
    'protein folding',
    'speech recognition',
    'image segmentation',
    'code generation',
  ];
  const papers = Array.from({ length: 240 }, (_, index) =>
    makePaper(`2607.${String(10000 + index)}`, {
      title: `Improving ${themes[index % themes.length]} with better tricks`,
      submittedOnDailyAt: daysAgo((index * 0.5) % 120),
      upvotes: 5,
    }),
  );
  for (let index = 0; index < 8; index++) {
    papers.push(
      makePaper(`2611.${String(20000 + index)}`, {
        title: `Speculative decoding, part ${index}`,
        submittedOnDailyAt: daysAgo(index % 5),
        upvotes: 20,
      }),
    );
  }
  return papers;
}

const isGenericOnly = (label: string) =>
  label
    .toLowerCase()
    .split(' ')
    .every((word) => STOPWORDS.has(word) || FILLER.has(word) || GENERIC.has(word));

describe('computeTopics', () => {
  it.each(['7d', '30d'] as const)('ranks a sharply rising phrase first (%s)', (window) => {
    const { topics, fallback } = computeTopics(risingLibrary(), { window, now: NOW });
    expect(fallback).toBeUndefined();
    expect(topics[0].label).toBe('speculative decoding');
    expect(topics[0].count).toBe(8);
    expect(topics[0].paperIds).toHaveLength(8);
  });

  it('ranks by frequency for all time, with weekly counts for a sparkline', () => {
    const { topics } = computeTopics(risingLibrary(), { window: 'all', now: NOW });
    expect(topics[0].count).toBe(48);
    expect(topics[0].weekly).toHaveLength(12);
    expect(topics[0].weekly.reduce((sum, count) => sum + count)).toBeLessThanOrEqual(48);
  });

  it('re-ranks one analysis for every window without reading the papers again', () => {
    const papers = risingLibrary();
    const analysis = analyzeLibrary(papers);
    for (const window of ['7d', '30d', 'all'] as const) {
      expect(rankTopics(analysis, { window, now: NOW })).toEqual(computeTopics(papers, { window, now: NOW }));
    }
    expect(rankTopics(analysis, { window: '7d', now: NOW }).topics[0].label).toBe('speculative decoding');
  });

  it('tells a change that can move topics from one that cannot', () => {
    const papers = risingLibrary();
    expect(topicInputsChanged(papers, [...papers])).toBe(false);
    const starred = papers.map((paper, index) =>
      index === 3 ? { ...paper, starred: true, tags: ['x'], note: 'n' } : paper,
    );
    expect(topicInputsChanged(papers, starred)).toBe(false);
    const upvoted = papers.map((paper, index) => (index === 3 ? { ...paper, upvotes: 99 } : paper));
    expect(topicInputsChanged(papers, upvoted)).toBe(true);
    const retitled = papers.map((paper, index) => (index === 3 ? { ...paper, keywords: ['new topic'] } : paper));
    expect(topicInputsChanged(papers, retitled)).toBe(true);
    expect(topicInputsChanged(papers, papers.slice(1))).toBe(true);
  });

  it('says when the library is too young for a baseline and falls back to frequency', () => {
    const young = risingLibrary().filter((paper) => (paper.submittedOnDailyAt ?? '') > daysAgo(6));
    const result = computeTopics(young, { window: '7d', now: NOW });
    expect(result.fallback).toBe('young-library');
    expect(result.topics.length).toBeGreaterThan(0);
  });

  it('needs a minimum support', () => {
    const papers = [0, 1].map((index) =>
      makePaper(`2611.0000${index}`, { title: 'Quokka routing networks', submittedOnDailyAt: daysAgo(1) }),
    );
    expect(computeTopics(papers, { window: 'all', now: NOW }).topics).toEqual([]);
  });

  it('groups variants under one stem and shows the commonest surface form', () => {
    const titles = ['GUI agents for phones', 'GUI agent benchmarks', 'Training GUI agents', 'GUI agents at scale'];
    const papers = titles.map((title, index) =>
      makePaper(`2611.0000${index}`, { title, submittedOnDailyAt: daysAgo(1) }),
    );
    const [topic] = computeTopics(papers, { window: 'all', now: NOW }).topics;
    expect(topic).toMatchObject({ label: 'GUI agents', count: 4 });
  });

  it('drops a phrase that is only part of a longer one carrying most of its papers', () => {
    const labelsFor = (titles: string[]) =>
      computeTopics(
        titles.map((title, index) => makePaper(`2611.0000${index}`, { title, submittedOnDailyAt: daysAgo(1) })),
        { window: 'all', now: NOW },
      ).topics.map((topic) => topic.label);
    const trees = [
      'Speculative decoding trees: one',
      'Speculative decoding trees: two',
      'Speculative decoding trees: three',
      'Speculative decoding trees: four',
    ];
    expect(labelsFor(trees)).toContain('speculative decoding trees');
    expect(labelsFor(trees)).not.toContain('speculative decoding');
    const mixed = [...trees.slice(0, 2), 'Speculative decoding: three', 'Speculative decoding: four'];
    expect(labelsFor(mixed)).toContain('speculative decoding');
  });

  describe.each(SEED_FILES)('on the real seed page %s', (file) => {
    const { topics } = computeTopics(seedPapers(file), { window: 'all', now: NOW, limit: 20 });

    it('ranks research phrases, never stopwords or paper-speak', () => {
      expect(topics.length).toBeGreaterThanOrEqual(10);
      for (const topic of topics) expect(isGenericOnly(topic.label), topic.label).toBe(false);
      expect(topics.map((topic: Topic) => topic.label.toLowerCase())).not.toContain('model');
    });

    it('prints the seed-page top topics', () => {
      console.log(
        `${file}: ${topics
          .slice(0, 10)
          .map((topic) => `${topic.label} (${topic.count})`)
          .join(', ')}`,
      );
    });
  });
});

describe('phrases', () => {
  it('splits at stopwords, punctuation and filler words', () => {
    const surfaces = textPhrases('We propose a novel framework for video diffusion, and RLHF.').map(
      (phrase) => phrase.surface,
    );
    expect(surfaces).toEqual(['video diffusion', 'RLHF']);
  });

  it('keeps single words that are terms of their own, not compounds that only describe', () => {
    const surfaces = (text: string) => textPhrases(text).map((phrase) => phrase.surface);
    expect(surfaces('LLM-based. Training-free. LLM. Fine-tuning. Agents.')).toEqual(['LLM', 'fine-tuning']);
    expect(surfaces('LLM-based agents')).toContain('LLM-based agents');
  });

  it('takes keywords whole (single words allowed) and titles as candidates', () => {
    const named = namedPhrases({ title: 'MCPMark: A Benchmark for MCP Use', keywords: ['tool calling', 'agents'] });
    expect([...named.keys()].sort()).toEqual(['call', 'mcp', 'mcpmark', 'tool call']);
  });
});
