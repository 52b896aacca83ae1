import { cleanup, render, screen } from '@testing-library/preact';
import { PaperDetail } from '@/components/detail/PaperDetail';
import { PaperRow } from '@/components/list/PaperRow';
import { AppStateContext, createAppState } from '@/components/state/app-state';
import type { SortKey } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { makePaper } from '../helpers/papers';

const hours = (count: number, upvotes: number) => ({
  at: new Date(Date.UTC(2026, 10, 2) + count * 3_600_000).toISOString(),
  upvotes,
});
const rising = makePaper('2611.00001', { upvotes: 180, upvoteHistory: [hours(0, 12), hours(30, 101), hours(48, 180)] });
const once = makePaper('2611.00002', { upvotes: 40, upvoteHistory: [hours(0, 40)] });

function row(paper: Paper, sort: SortKey) {
  const noop = () => {};
  return render(
    <ul>
      <PaperRow
        paper={paper}
        top={0}
        active={false}
        selected={false}
        sort={sort}
        highlightTerms={[]}
        onFocus={noop}
        onDetails={noop}
        onToggleStar={noop}
        onToggleSelect={noop}
        onEdit={noop}
        onDelete={noop}
      />
    </ul>,
  );
}

describe('upvote velocity in the list and the detail', () => {
  afterEach(cleanup);

  it('shows the gain per day in the row, and invents nothing from one observation', () => {
    row(rising, 'lastSeen');
    expect(screen.getByText('+84/day')).toBeTruthy();
    cleanup();
    const { container } = row(once, 'lastSeen');
    expect(container.querySelector('.velocity')).toBeNull();
    cleanup();
    row(once, 'velocity'); // ordered by it, the row says why it has no rate
    expect(screen.getByText('1 observation')).toBeTruthy();
  });

  it('draws the history as a line and gives its rate in the detail', () => {
    const detail = (paper: Paper) =>
      render(
        <AppStateContext.Provider value={createAppState()}>
          <PaperDetail similar={undefined} paper={paper} />
        </AppStateContext.Provider>,
      );
    const { container } = detail(rising);
    const line = container.querySelector('svg.upvote-sparkline polyline');
    expect(line?.getAttribute('points')?.split(' ')).toHaveLength(3);
    expect(screen.getByText(/^\+84\/day · 3 observations/)).toBeTruthy();
    cleanup();
    detail(once);
    expect(screen.getByText('1 observation')).toBeTruthy();
  });
});
