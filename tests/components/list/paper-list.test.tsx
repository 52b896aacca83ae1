import { cleanup, fireEvent, render } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { PaperList } from '@/components/list/PaperList';
import { makePaper } from '@/tests/helpers/papers';

const papers = Array.from({ length: 30 }, (_, index) => makePaper(`2611.${String(10000 + index)}`));
const byId = new Map(papers.map((paper) => [paper.id, paper]));
let setActive: (index: number) => void = () => {};

function List() {
  const [activeIndex, setActiveIndex] = useState(-1);
  setActive = setActiveIndex;
  const noop = () => {};
  return (
    <PaperList
      ids={papers.map((paper) => paper.id)}
      paper={(id) => byId.get(id)}
      need={noop}
      listKey="all"
      activeIndex={activeIndex}
      highlightTerms={[]}
      selected={new Set()}
      onActivate={setActiveIndex}
      sort="lastSeen"
      onDetails={noop}
      onToggleStar={noop}
      onToggleSelect={noop}
      onEdit={noop}
      onDelete={noop}
    />
  );
}

/** A viewport three rows tall (happy-dom lays nothing out). */
function shortViewport(container: Element): HTMLElement {
  const viewport = container.querySelector('.list-viewport') as HTMLElement;
  Object.defineProperty(viewport, 'clientHeight', { value: 200 });
  return viewport;
}

afterEach(cleanup);

describe('PaperList', () => {
  it('does not scroll a row the user focused (a click on its star stays on its star)', async () => {
    const { container, findByText } = render(<List />);
    const viewport = shortViewport(container);
    const star = container.querySelector(`li[data-paper-id="${papers[4].id}"] button.star`) as HTMLElement;
    fireEvent.focus(star);
    await findByText((_, element) => element?.getAttribute('aria-current') === 'true');
    expect(viewport.scrollTop).toBe(0);
  });

  it('scrolls the row the arrow keys made active into view', async () => {
    const { container } = render(<List />);
    const viewport = shortViewport(container);
    setActive(10);
    await vi.waitFor(() => expect(viewport.scrollTop).toBeGreaterThan(0));
    const active = container.querySelector('li[aria-current="true"]') as HTMLElement;
    expect(active.dataset.paperId).toBe(papers[10].id);
  });
});
