import { renderHook, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useTopics } from '@/components/hooks/use-topics';
import { openLibraryReader } from '@/lib/library/read';
import { libraryChange } from '@/lib/status';
import { keepTopics, keptTopics } from '@/lib/topics/kept-topics';
import type { TopicsResult } from '@/lib/topics/topics';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { makePaper } from '@/tests/helpers/papers';

const lastShown: TopicsResult = {
  window: '7d',
  recentPapers: 9,
  baselinePapers: 20,
  topics: [
    {
      key: 'quokka attention',
      label: 'Quokka attention',
      variants: [],
      paperIds: ['2611.00001'],
      count: 5,
      before: 0.5,
      evidence: '5 papers in the last 7 days, 0.5 a week before',
      series: [0, 0, 0, 1, 5],
      score: 12,
    },
  ],
};

describe('topics while the popup opens', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });

  it('shows the last ranking at once, as exact while the library has not changed since', async () => {
    await libraryChange.setValue({ at: 41, ids: null });
    keepTopics(lastShown, 41);
    const { result } = renderHook(() => useTopics(undefined, 0, '7d'));
    expect(result.current.result).toEqual(lastShown); // in the first render, before anything is read
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.stale).toBe(false);
  });

  it('marks it stale after a change, and shows none of another window or day', async () => {
    await libraryChange.setValue({ at: 42, ids: ['2611.00002'] });
    keepTopics(lastShown, 41);
    const stale = renderHook(() => useTopics(undefined, 0, '7d'));
    await waitFor(() => expect(stale.result.current.stale).toBe(true));
    expect(stale.result.current.result).toEqual(lastShown);

    const otherWindow = renderHook(() => useTopics(undefined, 0, '30d'));
    localStorage.setItem(
      'papershelf:lastTopics',
      JSON.stringify({ day: '2020-01-01', changeAt: 42, result: lastShown }),
    );
    const otherDay = renderHook(() => useTopics(undefined, 0, '7d'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(otherWindow.result.current.result).toBeNull();
    expect(otherDay.result.current.result).toBeNull();
  });

  it('replaces it with a ranking of the library, and keeps that for the next opening', async () => {
    await libraryChange.setValue({ at: 42, ids: null });
    keepTopics(lastShown, 41);
    await applyImport(await openLibrary(), [makePaper('2611.00009')]);
    const db = await openLibraryReader();
    const { result } = renderHook(() => useTopics(db, 0, '7d'));
    await waitFor(() => expect(result.current.result?.recentPapers).not.toBe(lastShown.recentPapers));
    expect(result.current.stale).toBe(false);
    await waitFor(() => expect(keptTopics('7d')?.changeAt).toBe(42));
    expect(keptTopics('7d')?.result).toEqual(result.current.result);
  });

  it('keeps nothing unreadable or large, and shows nothing of it', () => {
    localStorage.setItem('papershelf:lastTopics', '{not json');
    expect(keptTopics('7d')).toBeNull();
    const large = { ...lastShown.topics[0], paperIds: Array.from({ length: 6_000 }, (_, i) => `2611.${10000 + i}`) };
    keepTopics({ ...lastShown, topics: [large] }, 1);
    expect(localStorage.getItem('papershelf:lastTopics')).toBeNull();
  });
});
