import { renderHook, waitFor } from '@testing-library/preact';
import { useSearch } from '@/components/use-search';
import type { LibraryReader } from '@/lib/library/read';

// A searcher whose answers the test releases one at a time, recording what was asked.
const asked: string[] = [];
const pending: (() => void)[] = [];
vi.mock('@/lib/library/read', () => ({
  createSearcher: () => ({
    search: (query: string) => {
      asked.push(query);
      return new Promise((resolve) => pending.push(() => resolve({ ids: [query], terms: [], allWords: true })));
    },
    refresh: () => {},
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
});
