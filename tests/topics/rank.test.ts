import type { Paper } from '@/lib/paper';
import { logLikelihood } from '@/lib/topics/rank';
import { readTopics } from '@/lib/topics/read';
import { isTopicTerm } from '@/lib/topics/termhood';
import type { Topic, TopicOptions } from '@/lib/topics/topics';
import { makePaper } from '../helpers/papers';
import { readSeedPapers, SEED_FILES, seedId } from '../helpers/seed-library';
import { added, daysAgo, flatLibrary, hfPapers, NOW, openTopicsDb, writeChanges } from './library';

async function topicsOf(papers: Paper[], options: Partial<TopicOptions> = {}) {
  const db = await openTopicsDb();
  await writeChanges(db, added(papers));
  const result = await readTopics(db, { window: '7d', now: NOW, limit: 10, ...options });
  db.close();
  indexedDB.deleteDatabase('topics-test');
  return result;
}

const dated = (papers: Paper[], day: (index: number) => number) =>
  papers.map((paper, index) => ({ ...paper, submittedOnDailyAt: daysAgo(day(index)) }));

/** Words of a line, acronyms read as the expansion they are shown with ("large language models (LLMs)"). */
const words = (topic: Topic) => topic.key.split(' ');
const nested = (inner: string[], outer: string[]) => ` ${outer.join(' ')} `.includes(` ${inner.join(' ')} `);

/** No line is a stretch of another line's words: neither a fragment of it nor a variant holding it. */
function expectOneLinePerTerm(topics: Topic[]) {
  for (const a of topics) {
    for (const b of topics) if (a !== b) expect(nested(words(a), words(b)), `${a.label} / ${b.label}`).toBe(false);
  }
}

/** Titles that carry a planted term inside longer phrases, as real titles do. */
const MODIFIERS = ['Growing', 'Scaling', 'Robust', 'Self-Organizing', 'Sparse', 'Efficient'];
const TAILS = ['for Fluid Simulation', 'with Sparse Attention', 'under Noise', '', 'in the Wild', 'at Scale'];

function plantedLibrary() {
  const papers = flatLibrary(150, 8);
  for (let index = 0; index < 9; index++) {
    const title = `${MODIFIERS[index % 6]} Neural Lattice Field Operators ${TAILS[index % 6]}`.trim();
    papers.push(
      makePaper(`2611.9${String(index).padStart(4, '0')}`, { title, submittedOnDailyAt: daysAgo(index % 7) }),
    );
  }
  const sheaf = [
    'Sheaf Diffusion on Hypergraphs',
    'Directed Sheaf Diffusion for Heterophily',
    'Sheaf Diffusion Networks at Scale',
    'When Does Sheaf Diffusion Help?',
    'Sheaf Diffusion Meets Transformers',
    'Fast Sheaf Diffusion Networks',
  ];
  for (const [index, title] of sheaf.entries()) {
    papers.push(makePaper(`2611.8${String(index).padStart(4, '0')}`, { title, submittedOnDailyAt: daysAgo(index) }));
  }
  // One earlier sighting: a rise, not a first appearance.
  papers.push(makePaper('2607.80099', { title: 'Sheaf Diffusion Revisited', submittedOnDailyAt: daysAgo(60) }));
  return papers;
}

// Thousands of papers written through fake IndexedDB: seconds of work on a shared machine, more than the default 5 s.
const LARGE_LIBRARY_MS = 30_000;

describe('rising topics on a dated library of real texts', () => {
  it(
    'ranks a planted 4-word and 2-word term, whole, with no fragment or variant of either',
    async () => {
      const library = plantedLibrary();
      expect(library.length).toBeGreaterThan(2500);
      const { topics } = await topicsOf(library);
      const labels = topics.map((topic) => topic.label);
      expect(labels[0]).toBe('neural lattice field operators');
      expect(labels.slice(0, 5)).toContain('sheaf diffusion');
      expectOneLinePerTerm(topics);
      for (const fragment of ['neural lattice', 'lattice field operators', 'growing neural lattice field operators']) {
        expect(labels).not.toContain(fragment);
      }
      const planted = topics[0];
      expect(planted.count).toBe(9);
      expect(planted.paperIds).toHaveLength(9);
      expect(topics.find((topic) => topic.label === 'sheaf diffusion')?.evidence).toBe(
        '6 papers in the last 7 days, 0 a week before',
      );
    },
    LARGE_LIBRARY_MS,
  );

  it(
    'lists nothing as rising in a library that is flat over time',
    async () => {
      const { topics, recentPapers, baselinePapers } = await topicsOf(flatLibrary(150, 8));
      expect(recentPapers).toBeGreaterThan(100);
      expect(baselinePapers).toBeGreaterThan(4 * recentPapers - 60);
      expect(topics.length).toBeLessThanOrEqual(2);
    },
    LARGE_LIBRARY_MS,
  );

  it('shows the real captures re-dated as a daily reader saw them as whole multi-word terms or acronyms', async () => {
    // The captures are the last 7 days; the seed pages the 28 days before.
    const seed = SEED_FILES.flatMap((file) =>
      readSeedPapers(file).map(({ title, abstract }, index) =>
        makePaper(seedId(file, index), { title, abstract, submittedOnDailyAt: daysAgo(8 + (index % 27)) }),
      ),
    );
    const { topics } = await topicsOf([...seed, ...dated(hfPapers(), (index) => index % 7)]);
    expect(topics.length).toBeGreaterThan(0);
    expectOneLinePerTerm(topics);
    for (const topic of topics) {
      expect(topic.label, 'a single common word').toMatch(/\s|-|^\p{Lu}{2}|\p{Lu}.*\p{Lu}/u);
      expect(topic.count).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('ranking rules', () => {
  const stream = (title: string, count: number, day: (index: number) => number, prefix: string) =>
    Array.from({ length: count }, (_, index) =>
      makePaper(`${prefix}.${String(index).padStart(5, '0')}`, { title, submittedOnDailyAt: daysAgo(day(index)) }),
    );

  it('normalises by how much was browsed: twice the papers in a week is no rise', async () => {
    // Each week, a tenth of the papers are on speculative decoding; the last week had twice the papers.
    const before = stream('Speculative Decoding Trees', 4 * 10, (index) => 7 + (index % 28), '2601');
    const recent = stream('Speculative Decoding Trees', 20, (index) => index % 7, '2611');
    const filler = [...stream('Protein Folding Kernels', 4 * 90, (i) => 7 + (i % 28), '2602')];
    const busy = [...filler, ...stream('Protein Folding Kernels', 180, (i) => i % 7, '2612')];
    const { topics } = await topicsOf([...before, ...recent, ...busy]);
    expect(topics).toEqual([]);
    expect(logLikelihood(20, 200, 40, 400)).toBeCloseTo(0, 6);
  });

  it('does not explode on rare terms, and needs three papers', async () => {
    expect(logLikelihood(3, 100, 0, 400)).toBeLessThan(logLikelihood(30, 100, 10, 400));
    const base = stream('Graph Neural Networks', 120, (index) => index % 35, '2601');
    const two = stream('Quokka Routing Networks', 2, () => 1, '2611');
    expect((await topicsOf([...base, ...two])).topics).toEqual([]);
  });

  it('folds an acronym into the expansion papers define it as, counting each paper once', async () => {
    const defined = stream('Reinforcement Learning (RL) for Theorem Proving', 3, (index) => index, '2611');
    const bare = stream('RL at Scale', 3, (index) => index, '2612');
    const both = stream('Reinforcement Learning with RL Baselines', 2, () => 2, '2613');
    const old = stream('Graph Neural Networks', 60, (index) => 8 + (index % 27), '2601');
    const { topics } = await topicsOf([...defined, ...bare, ...both, ...old]);
    // The phrase is the label; the acronym stands apart, never glued on in parentheses.
    expect(topics[0]).toMatchObject({ label: 'reinforcement learning', acronym: 'RL', count: 8 });
    expect(topics[0].terms).toEqual(['reinforcement learning', 'rl']);
    expect(topics[0].paperIds).toHaveLength(8);
  });

  it('falls back to frequency when nothing is dated before the window, and says so', async () => {
    const result = await topicsOf(stream('Speculative Decoding Trees', 5, (index) => index, '2611'));
    expect(result.fallback).toBe('young-library');
    expect(result.topics[0]).toMatchObject({ label: 'speculative decoding trees', count: 5 });
    expect(result.topics[0].evidence).toBe('5 papers in the last 7 days');
  });

  it('reports an empty window, and ranks all time by the count it shows', async () => {
    const old = [
      ...stream('Graph Neural Networks', 7, (index) => 40 + index, '2601'),
      ...stream('Protein Folding', 4, (index) => 50 + index, '2602'),
      // Papers with no term, so neither term is what most papers carry.
      ...stream('A Paper', 70, (index) => 40 + (index % 20), '2603'),
    ];
    const recent = await topicsOf(old);
    expect(recent).toMatchObject({ recentPapers: 0, topics: [] });
    const all = await topicsOf(old, { window: 'all' });
    expect(all.topics.map(({ label, evidence }) => [label, evidence])).toEqual([
      ['graph neural networks', '7 papers'],
      ['protein folding', '4 papers'],
    ]);
    expect(all.topics[0].series).toHaveLength(12);
  });

  it('reads a 30-day window against the 90 days before', async () => {
    const base = stream('Graph Neural Networks', 90, (index) => 30 + index, '2601');
    const rising = stream('Sheaf Diffusion Models', 8, (index) => index * 3, '2611');
    const old = stream('Sheaf Diffusion Models', 3, (index) => 40 + index * 20, '2612');
    const { topics } = await topicsOf([...base, ...rising, ...old], { window: '30d' });
    expect(topics[0]).toMatchObject({ label: 'sheaf diffusion models', count: 8 });
    expect(topics[0].evidence).toBe('8 papers in the last 30 days, 1 per 30 days before');
    expect(topics[0].series).toEqual([0, 2, 1, 8]); // 30-day spans: 80 and 60 days ago, 40, then the last 30
  });
});

describe.each(SEED_FILES)('all-time topics of the seed page %s', (file) => {
  it('are whole terms, one line each, none ending in a descriptive word', async () => {
    const papers = readSeedPapers(file).map(({ title, abstract }, index) =>
      makePaper(seedId(file, index), { title, abstract, submittedOnDailyAt: daysAgo(index % 3) }),
    );
    const { topics } = await topicsOf(papers, { window: 'all' });
    expect(topics.length).toBe(10);
    expectOneLinePerTerm(topics);
    for (const topic of topics) {
      expect(topic.label).not.toMatch(/\b(?:large|growing|based|new|two|novel|language)$/i);
      expect(topic.count).toBeGreaterThanOrEqual(3);
      // A keyword on a slide: one clean phrase, never generic words alone.
      expect(topic.label).not.toMatch(/[()]/);
      expect(isTopicTerm(topic.key), topic.label).toBe(true);
    }
    // The field's background (a third of these pages and more) is not the first topic.
    expect(topics[0].key).not.toBe('large language model');
  });
});

describe('what makes a topic', () => {
  const titled = (titles: string[], day: (index: number) => number, prefix: string, keywords: string[] = []) =>
    titles.map((title, index) =>
      makePaper(`${prefix}.${String(index).padStart(5, '0')}`, {
        title,
        keywords,
        submittedOnDailyAt: daysAgo(day(index)),
      }),
    );
  const times = (title: string, count: number) => Array.from({ length: count }, () => title);
  // Four weeks of papers on unrelated subjects: the baseline every rise is measured against.
  const baseline = () =>
    titled(
      ['Graph Neural Networks', 'Protein Folding', 'Speech Recognition', 'Optical Flow'].flatMap((title) =>
        times(title, 20),
      ),
      (index) => 8 + (index % 27),
      '2601',
    );

  it('never lists a phrase made only of generic or evaluative words, however much it rises', async () => {
    const rising = titled(
      [
        ...times('Different Models and Model Performance', 8),
        ...times('Downstream Tasks with Training Data', 8),
        ...times('Sheaf Diffusion Kernels', 4),
      ],
      (index) => index % 7,
      '2611',
    );
    const labels = (await topicsOf([...baseline(), ...rising])).topics.map((topic) => topic.label);
    expect(labels).toContain('sheaf diffusion kernels');
    for (const generic of ['different models', 'model performance', 'downstream tasks', 'training data']) {
      expect(labels).not.toContain(generic);
    }
  });

  it('never lists a lone participle such as "self-organizing", but keeps a process such as "self-training"', async () => {
    const rising = titled(
      [
        ...['Maps', 'Swarms', 'Graphs', 'Lattices', 'Robots', 'Fields'].map((noun) => `Self-Organizing ${noun}`),
        ...['Parsers', 'Taggers', 'Detectors'].map((noun) => `Self-Training for ${noun}`),
      ],
      (index) => index % 7,
      '2611',
    );
    const labels = (await topicsOf([...baseline(), ...rising])).topics.map((topic) => topic.label);
    expect(labels).not.toContain('self-organizing');
    expect(labels).toContain('self-training');
  });

  it('puts a term most papers carry after distinctive ones, in a first browse as in a rise', async () => {
    // A first browse: 30 papers, 14 of them on large language models, 4 on speculative decoding.
    const browse = titled(
      [
        ...times('Large Language Models for Law', 10),
        ...times('Speculative Decoding for Large Language Models', 4),
        ...times('Protein Folding', 3),
        ...times('A Paper', 13),
      ],
      (index) => index % 7,
      '2611',
    );
    const first = await topicsOf(browse);
    expect(first.fallback).toBe('young-library');
    const labels = first.topics.map((topic) => topic.label);
    expect(labels[0]).toBe('speculative decoding');
    expect(labels.indexOf('large language models')).toBeGreaterThan(labels.indexOf('protein folding'));
  });

  it('ranks a term Hugging Face lists as a keyword above an equal rise that no paper lists', async () => {
    const listed = titled(times('Sheaf Diffusion Kernels', 5), (index) => index % 7, '2611', [
      'sheaf diffusion kernels',
    ]);
    const unlisted = titled(times('Quokka Routing Tables', 5), (index) => index % 7, '2612');
    const { topics } = await topicsOf([...baseline(), ...unlisted, ...listed]);
    expect(topics.slice(0, 2).map((topic) => topic.label)).toEqual([
      'sheaf diffusion kernels',
      'quokka routing tables',
    ]);
    expect(topics[0].score).toBeGreaterThan(1.5 * topics[1].score);
  });

  it('shows an acronym in the number of its phrase, never in parentheses', async () => {
    const defined = titled(times('Pre-Trained Models (PTM) at Scale', 4), (index) => index % 7, '2611');
    const { topics } = await topicsOf([...baseline(), ...defined]);
    expect(topics[0]).toMatchObject({ label: 'pre-trained models', acronym: 'PTMs' });
    for (const topic of topics) expect(topic.label).not.toMatch(/[()]/);
  });
});
