import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/preact';
import type { IDBPDatabase } from 'idb';
import type { JSX } from 'preact';
import { useTopics } from '@/components/hooks/use-topics';
import { AppStateContext, createAppState } from '@/components/state/app-state';
import { TopicList } from '@/components/TopicList';
import type { LibrarySchema } from '@/lib/library/schema';
import { makePaper } from '@/tests/helpers/papers';
import { added, daysAgo, openTopicsDb, writeChanges } from '@/tests/topics/library';

const topic = {
  key: 'sheaf diffusion',
  label: 'sheaf diffusion',
  paperIds: ['2611.00001'],
  count: 9,
  before: 1.25,
  evidence: '9 papers in the last 7 days, 1.3 a week before',
  series: [1, 2, 1, 1, 9],
  variants: ['directed sheaf diffusion'],
  score: 21,
};

/** `list` inside an App's shared state (the 7-day window, no topic chosen), and that state. */
function inApp(list: JSX.Element, state = createAppState()) {
  const view = render(<AppStateContext.Provider value={state}>{list}</AppStateContext.Provider>);
  return { ...view, state };
}

/** The 7-day topic list of `topics`, none of them chosen. */
const renderTopics = (topics: (typeof topic)[]) =>
  inApp(<TopicList result={{ window: '7d', topics, recentPapers: 80, baselinePapers: 300 }} />);

describe('TopicList', () => {
  it('shows each topic as a button that starts with its term and says why it is there', () => {
    const { state } = renderTopics([topic]);
    const list = screen.getByRole('list', { name: /^Trending/ });
    const button = screen.getByRole('button', { name: /^sheaf diffusion/ });
    expect(list.contains(button)).toBe(true);
    expect(button.textContent).toContain('9 papers in the last 7 days, 1.3 a week before');
    fireEvent.click(button);
    expect(state.topicKey.value).toBe('sheaf diffusion');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(state.topicKey.value).toBeNull();
  });

  it('changes the App’s window, and a new window forgets the chosen topic', () => {
    const { state } = renderTopics([topic]);
    fireEvent.click(screen.getByRole('button', { name: /^sheaf diffusion/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Topic window' }), { target: { value: '30d' } });
    expect(state.topicWindow.value).toBe('30d');
    expect(state.topicKey.value).toBeNull();
  });

  it('shows an acronym beside its phrase, not glued to it, and the button still starts with the phrase', () => {
    const llm = { ...topic, key: 'large language model', label: 'large language models', acronym: 'LLMs' };
    renderTopics([llm]);
    const button = screen.getByRole('button', { name: /^large language models/ });
    expect(button.textContent).not.toContain('(');
    expect(button.querySelector('abbr')?.textContent).toBe('LLMs');
  });

  // The chart ends with the real today, as the popup's does.
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

  it('charts the chosen topic’s weekly share as an image whose name says the numbers', async () => {
    const db = await openTopicsDb();
    await writeChanges(
      db,
      added([
        makePaper('2611.00001', { title: 'Sheaf Diffusion', submittedOnDailyAt: hoursAgo(2) }),
        makePaper('2611.00002', { title: 'Protein Folding', submittedOnDailyAt: hoursAgo(3) }),
      ]),
    );
    const { state } = inApp(
      <TopicList result={{ window: '7d', topics: [topic], recentPapers: 2, baselinePapers: 0 }} db={db} />,
    );
    expect(screen.queryByRole('img')).toBeNull();
    act(() => {
      state.topicKey.value = 'sheaf diffusion';
    });
    const chart = await screen.findByRole('img', {}, { timeout: 5_000 });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.getAttribute('aria-label')).toBe(
      `Weekly share over 12 weeks, oldest first: ${'0 %, '.repeat(11)}50 %`,
    );
    db.close();
  });

  it('explains an empty window and shows a failed read', () => {
    const state = createAppState();
    const { rerender } = inApp(
      <TopicList result={{ window: '7d', topics: [], recentPapers: 0, baselinePapers: 10 }} />,
      state,
    );
    expect(screen.getByText(/day on the daily list/)).toBeTruthy();
    rerender(
      <AppStateContext.Provider value={state}>
        <TopicList result={null} error="quota exceeded" />
      </AppStateContext.Provider>,
    );
    expect(screen.getByText(/quota exceeded/)).toBeTruthy();
  });
});

describe('useTopics', () => {
  it('reads topics at once, and again after the library changed', async () => {
    const db = await openTopicsDb();
    const titled = (id: string, title: string) => makePaper(id, { title, submittedOnDailyAt: daysAgo(1) });
    await writeChanges(db, added(['1', '2', '3'].map((n) => titled(`2611.0000${n}`, 'Graph Neural Networks'))));
    const { result, rerender } = renderHook(({ stamp }) => useTopics(db, stamp, 'all'), {
      initialProps: { stamp: 1 },
    });
    await waitFor(() => expect(result.current.result?.topics[0]?.count).toBe(3));
    await writeChanges(db, added([titled('2611.00004', 'Graph Neural Networks')]));
    rerender({ stamp: 2 });
    await waitFor(() => expect(result.current.result?.topics[0]?.count).toBe(4));
    db.close();
  });

  it('shows an error instead of waiting forever', async () => {
    const broken = {
      getAll: () => Promise.reject(new Error('the database was closed')),
    } as unknown as IDBPDatabase<LibrarySchema>;
    const { result } = renderHook(() => useTopics(broken, 1, '7d'));
    await waitFor(() =>
      expect(result.current).toEqual({ result: null, error: 'the database was closed', stale: false }),
    );
  });
});
