import {
  addOrReplace,
  createSearchIndex,
  highlight,
  loadIndex,
  queryArxivId,
  removeFromIndex,
  searchPapers,
  serializeIndex,
} from '@/lib/search/search-index';
import { allSeedPapers, makePaper } from '../helpers/papers';

const library = allSeedPapers();
const index = createSearchIndex();
addOrReplace(index, library);
const titleOf = (id: string) => library.find((paper) => paper.id === id)?.title ?? '';
const top = (query: string, limit = 5) => searchPapers(index, query, { limit }).map((hit) => titleOf(hit.id));

describe('searchPapers', () => {
  it('forgives typos', () => {
    expect(top('difusion').some((title) => /diffusion/i.test(title))).toBe(true);
    expect(top('reinforcment learning').some((title) => /reinforcement learning/i.test(title))).toBe(true);
  });

  it('matches prefixes as you type', () => {
    expect(top('parameter-effic').some((title) => /parameter-efficient/i.test(title))).toBe(true);
  });

  it('needs every word when some paper has them all', () => {
    const titles = top('model merging', 50);
    expect(titles.length).toBeGreaterThan(0);
    for (const id of searchPapers(index, 'model merging', { limit: 50 }).map((hit) => hit.id)) {
      const paper = library.find((item) => item.id === id);
      const text = `${paper?.title} ${paper?.abstract}`.toLowerCase();
      expect(text).toMatch(/merg/);
      expect(text).toMatch(/model/);
    }
  });

  it('ranks a title match above an abstract-only match', () => {
    const small = createSearchIndex();
    addOrReplace(small, [
      makePaper('2601.00001', { title: 'A study of sparse networks', abstract: 'We revisit quokka pruning at scale.' }),
      makePaper('2601.00002', { title: 'Quokka: pruning for everyone', abstract: 'Sparse networks again.' }),
    ]);
    expect(searchPapers(small, 'quokka').map((hit) => hit.id)).toEqual(['2601.00002', '2601.00001']);
  });

  it('breaks ties by recency', () => {
    const small = createSearchIndex();
    addOrReplace(small, [
      makePaper('2601.00001', { title: 'Wombat', lastSeenAt: '2026-01-01T00:00:00.000Z' }),
      makePaper('2601.00002', { title: 'Wombat', lastSeenAt: '2026-02-01T00:00:00.000Z' }),
    ]);
    expect(searchPapers(small, 'wombat').map((hit) => hit.id)).toEqual(['2601.00002', '2601.00001']);
  });

  it('finds a paper by its arXiv id or link', () => {
    const { id } = library[7];
    for (const query of [id, `${id}v2`, `https://arxiv.org/abs/${id}`, `https://huggingface.co/papers/${id}`]) {
      expect(searchPapers(index, query).map((hit) => hit.id)).toEqual([id]);
    }
    expect(queryArxivId('diffusion')).toBeNull();
  });

  it('searches authors, tags and notes', () => {
    const small = createSearchIndex();
    addOrReplace(small, [
      makePaper('2601.00001', { authors: ['Łukasz Kaiser'], tags: ['to-read'], note: 'ask Wojtek' }),
    ]);
    for (const query of ['kaiser', 'to-read', 'wojtek']) expect(searchPapers(small, query)).toHaveLength(1);
  });

  it('follows the library: replaced titles are found under their new words only, removed papers vanish', () => {
    const small = createSearchIndex();
    addOrReplace(small, [makePaper('2601.00001', { title: 'Kangaroo decoding' })]);
    addOrReplace(small, [makePaper('2601.00001', { title: 'Platypus decoding' })]);
    expect(searchPapers(small, 'kangaroo')).toEqual([]);
    expect(searchPapers(small, 'platypus')).toHaveLength(1);
    removeFromIndex(small, ['2601.00001', '2601.99999']);
    expect(searchPapers(small, 'platypus')).toEqual([]);
  });

  it('gives the same answers after a snapshot round trip', () => {
    const restored = loadIndex(serializeIndex(index));
    for (const query of ['diffusion', 'reward models', 'LLM agents']) {
      const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);
      expect(ids(searchPapers(restored, query))).toEqual(ids(searchPapers(index, query)));
    }
  });
});

describe('highlight', () => {
  it('marks words starting with a matched term, as text segments', () => {
    expect(highlight('Diffusion models diffuse <b>', ['diffusion', 'diffuse'])).toEqual([
      { text: 'Diffusion', match: true },
      { text: ' models ', match: false },
      { text: 'diffuse', match: true },
      { text: ' <b>', match: false },
    ]);
    expect(highlight('Confusion', ['fusion'])).toEqual([{ text: 'Confusion', match: false }]);
    // Terms are matched literally, never as patterns.
    expect(highlight('a+b (c)', ['a+b'])).toEqual([
      { text: 'a+b', match: true },
      { text: ' (c)', match: false },
    ]);
  });
});
