import { cleanup, render, screen } from '@testing-library/preact';
import type { LibraryState } from '@/components/hooks/use-library';
import { ExportPanel } from '@/components/menu/ExportPanel';

const library: LibraryState = {
  db: undefined,
  count: 30_000,
  firstScreen: null,
  change: { stamp: 0, ids: null },
  error: null,
  stale: false,
};

const scope = () => screen.getByRole('combobox', { name: 'Papers to export' }) as HTMLSelectElement;
const options = () => [...scope().options].map((option) => option.textContent);

describe('what an export holds', () => {
  afterEach(cleanup);

  it('offers the view on screen first while a search narrows it, everything one choice away', () => {
    const view = Array.from({ length: 1_204 }, (_, index) => `2601.${String(index).padStart(5, '0')}`);
    render(
      <ExportPanel
        library={library}
        view={view}
        viewSubject={{ kind: 'search', query: 'retrieval' }}
        selection={['2601.00001']}
      />,
    );
    expect(scope().value).toBe('view');
    expect(options()).toEqual(['This view (1,204)', 'Everything (30,000)', 'Selected (1)']);
  });

  it('starts from everything when nothing narrows the view', () => {
    render(<ExportPanel library={library} view={undefined} viewSubject={{ kind: 'view' }} selection={[]} />);
    expect(scope().value).toBe('all');
    expect(options()).toEqual(['Everything (30,000)', 'This view (30,000)', 'Selected (0)']);
  });

  it('waits for a view still being listed, and says so', () => {
    render(
      <ExportPanel
        library={library}
        view={null}
        viewSubject={{ kind: 'topic', topic: 'reward model' }}
        selection={[]}
      />,
    );
    expect(options()[0]).toBe('This view (listing…)');
    expect((screen.getByRole('button', { name: 'Export…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
