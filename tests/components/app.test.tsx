import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '@/components/App';
import { openLibraryEarly } from '@/components/hooks/use-library';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { makePaper } from '../helpers/papers';

const TITLES = [
  'Reward models for language agents',
  'Diffusion transformers at scale',
  'Sparse retrieval with learned terms',
  'Policy optimization from human feedback',
  'Vision encoders for document layout',
];
const papers = TITLES.map((title, index) =>
  makePaper(`2611.${String(10000 + index)}`, {
    title,
    abstract: `${title}: a study.`,
    lastSeenAt: new Date(Date.UTC(2026, 10, 1, index)).toISOString(),
  }),
);

const list = () => screen.getByRole('list', { name: 'Papers' });
const shownTitles = () =>
  within(list())
    .queryAllByRole('listitem')
    .map((row) => TITLES.find((title) => row.textContent?.includes(title)))
    .filter(Boolean);

async function openApp() {
  (await openLibrary().then((db) => applyImport(db, papers).then(() => db))).close();
  await openLibraryEarly();
  render(<App />);
  await waitFor(() => expect(screen.getByRole('status', { name: 'Paper count' }).textContent).toBe('5 papers'));
  await waitFor(() => expect(shownTitles()).toHaveLength(5));
}

describe('App', () => {
  afterEach(cleanup);
  // The menu's panel and the detail are modules of their own, loaded when first shown: compiled here once, so a test
  // waits on the App, not on the compiler.
  beforeAll(() => Promise.all([import('@/components/menu/MenuPanel'), import('@/components/detail/PaperDetail')]));

  it('lists the library, the most recently seen first', async () => {
    await openApp();
    expect(shownTitles()).toEqual([...TITLES].reverse());
  });

  it('narrows the list to the papers a search finds, and widens it again when the search is cleared', async () => {
    await openApp();
    const search = screen.getByRole('searchbox', { name: 'Search papers' });
    fireEvent.input(search, { target: { value: 'retrieval' } });
    await waitFor(() => expect(shownTitles()).toEqual(['Sparse retrieval with learned terms']));
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe('relevance');
    fireEvent.input(search, { target: { value: '' } });
    await waitFor(() => expect(shownTitles()).toHaveLength(5));
  });

  it('opens a paper’s detail from its title, with its similar papers, and closes it', async () => {
    await openApp();
    expect(screen.queryByRole('region', { name: 'Diffusion transformers at scale' })).toBeNull();
    // A pointer's click (detail 1): Enter on the link (detail 0) opens the paper itself.
    fireEvent.click(within(list()).getByText('Diffusion transformers at scale'), { detail: 1 });
    const detail = await screen.findByRole('region', { name: 'Diffusion transformers at scale' });
    expect(detail.textContent).toContain('Diffusion transformers at scale: a study.');
    expect(within(detail).getByRole('list', { name: 'Similar papers' })).toBeDefined();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Diffusion transformers at scale' })).toBeNull());
  });

  it('keeps Export in the menu, loaded when the menu opens', async () => {
    await openApp();
    expect(screen.queryByRole('button', { name: /^Export/ })).toBeNull();
    const menu = screen.getByText('', { selector: 'summary' });
    const details = menu.closest('details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByRole('button', { name: /^Export/ })).toBeDefined();
    expect(screen.getByRole('combobox', { name: 'Papers to export' })).toBeDefined();
  });

  it('starts every App with its own state: a search typed in one page is not in the next', async () => {
    await openApp();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'retrieval' } });
    await waitFor(() => expect(shownTitles()).toHaveLength(1));
    cleanup();
    await openLibraryEarly();
    render(<App />);
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(shownTitles()).toHaveLength(5));
  });
});
