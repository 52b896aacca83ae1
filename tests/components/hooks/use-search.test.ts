import { renderHook, waitFor } from '@testing-library/preact';
import { useSearch } from '@/components/hooks/use-search';
import type { LibraryReader } from '@/lib/library/read';

// A searcher whose answers the test releases one at a time, recording what was asked.
const asked: string[] = [];
const pending: (() => void)[] = [];
vi.mock('@/lib/search/store', () => ({
  createSearcher: () => ({
    search: (query: string) => {
      asked.push(query);
      // "many …" matches three papers, given as the best one and then the rest (released like an answer).
      const rest = () => new Promise((resolve) => pending.push(() => resolve([query, 'second', 'third'])));
      const answer = query.startsWith('many')
        ? { ids: [query], total: 3, rest, terms: [], allWords: true, firstPapers: [] }
        : { ids: [query], total: 1, terms: [], allWords: true, firstPapers: [] };
      return new Promise((resolve) => pending.push(() => resolve(answer)));
    },
  }),
}));

const db = {} as LibraryReader;

describe('searching as the user types', () => {
  beforeEach(() => {
    asked.length = 0;
    pending.length = 0;
  });

  it('searches at once, then only the latest of what was typed meanwhile, and shows only current answers', async () => {
    const { result, rerender } = renderHook(({ query }) => useSearch(db, query, 0), { initialProps: { query: 'd' } });
    await waitFor(() => expect(asked).toEqual(['d']));
    for (const query of ['di', 'dif', 'diff']) rerender({ query });
    expect(asked).toEqual(['d']); // nothing queued behind the running search but the latest query
    pending.shift()?.();
    await waitFor(() => expect(asked).toEqual(['d', 'diff']));
    expect(result.current.result).toBeUndefined(); // "d" was answered, but the box says "diff"
    pending.shift()?.();
    await waitFor(() => expect(result.current.result?.ids).toEqual(['diff']));
    expect(result.current.query).toBe('diff');
  });

  it('clears at once for a blank box, and searches again after a write', async () => {
    const { result, rerender } = renderHook(({ query, stamp }) => useSearch(db, query, stamp), {
      initialProps: { query: 'rl', stamp: 0 },
    });
    await waitFor(() => expect(asked).toEqual(['rl']));
    pending.shift()?.();
    await waitFor(() => expect(result.current.query).toBe('rl'));
    rerender({ query: 'rl', stamp: 1 });
    await waitFor(() => expect(asked).toEqual(['rl', 'rl']));
    rerender({ query: '  ', stamp: 1 });
    expect(result.current.result).toBeUndefined();
  });

  it('shows the top of a long ranking first, then all of it, and drops the rest once the box moved on', async () => {
    const { result, rerender } = renderHook(({ query }) => useSearch(db, query, 0), {
      initialProps: { query: 'many' },
    });
    await waitFor(() => expect(pending).toHaveLength(1));
    pending.shift()?.();
    await waitFor(() => expect(result.current.result?.ids).toEqual(['many']));
    expect(result.current.result?.total).toBe(3);
    await waitFor(() => expect(pending).toHaveLength(1)); // the rest, asked for after the top was shown
    pending.shift()?.();
    await waitFor(() => expect(result.current.result?.ids).toEqual(['many', 'second', 'third']));
    expect(result.current.result?.rest).toBeUndefined();

    rerender({ query: 'many more' });
    await waitFor(() => expect(pending).toHaveLength(1));
    pending.shift()?.();
    rerender({ query: 'other' }); // typed before the rest was ranked: it never is
    await waitFor(() => expect(asked.at(-1)).toBe('other'));
    expect(pending).toHaveLength(1); // the answer for "other", and no rest of "many more"
    pending.shift()?.();
    await waitFor(() => expect(result.current.result?.ids).toEqual(['other']));
    expect(asked).toEqual(['many', 'many more', 'other']);
  });
});
