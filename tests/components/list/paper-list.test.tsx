import { cleanup, fireEvent, render } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { PaperList } from '@/components/list/PaperList';
import { makePaper } from '@/tests/helpers/papers';

const papers = Array.from({ length: 30 }, (_, index) => makePaper(`2611.${String(10000 + index)}`));
const byId = new Map(papers.map((paper) => [paper.id, paper]));
let setActive: (index: number) => void = () => {};
const noop = () => {};
/** What a row does, all of it nothing: these tests are about the list. */
const inertRows = {
  highlightTerms: [],
  onDetails: noop,
  onToggleStar: noop,
  onToggleSelect: noop,
  onEdit: noop,
  onDelete: noop,
};

function List() {
  const [activeIndex, setActiveIndex] = useState(-1);
  setActive = setActiveIndex;
  return (
    <PaperList
      {...inertRows}
      ids={papers.map((paper) => paper.id)}
      paper={(id) => byId.get(id)}
      need={noop}
      listKey="all"
      activeIndex={activeIndex}
      selected={new Set()}
      onActivate={setActiveIndex}
      sort="lastSeen"
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

describe('PaperList, a window over a long list', () => {
  const many = Array.from({ length: 1_000 }, (_, index) => `2611.${String(20000 + index)}`);
  const readFirst = new Map(many.slice(0, 5).map((id, index) => [id, { ...papers[index], id }]));

  function renderLong(onDetails = vi.fn()) {
    const need = vi.fn();
    const rendered = render(
      <PaperList
        {...inertRows}
        ids={many}
        paper={(id) => readFirst.get(id)}
        need={need}
        listKey="long"
        activeIndex={-1}
        onActivate={noop}
        sort="upvotes"
        onDetails={onDetails}
      />,
    );
    return { ...rendered, need, onDetails };
  }

  it('puts only the rows in sight in the page, asks for them, and holds the place of rows not read yet', () => {
    const { container, need } = renderLong();
    const rows = container.querySelectorAll('ul[aria-label="Papers"] > li');
    // 480 px of rows 66 px tall, and six more below.
    expect(rows).toHaveLength(14);
    expect(container.querySelectorAll('li.placeholder')).toHaveLength(9);
    expect(need).toHaveBeenLastCalledWith(0, 14);
    expect((container.querySelector('ul[aria-label="Papers"]') as HTMLElement).style.height).toBe(`${1_000 * 66}px`);
  });

  it('asks for the rows a scroll brings into sight, and a few around them', async () => {
    const { container, need } = renderLong();
    const viewport = container.querySelector('.list-viewport') as HTMLElement;
    viewport.scrollTop = 660; // row 10 at the top
    fireEvent.scroll(viewport);
    await vi.waitFor(() => expect(need).toHaveBeenLastCalledWith(4, 24));
    // Rows 0–3 have left the page; row 4, the first of those asked for, is there.
    expect(container.querySelector(`li[data-paper-id="${many[3]}"]`)).toBeNull();
    expect(container.querySelector(`li[data-paper-id="${many[4]}"]`)).not.toBeNull();
  });

  it('shows a paper’s detail on a click of its title; Enter on it follows the link', () => {
    const { container, onDetails } = renderLong();
    const title = container.querySelector(`li[data-paper-id="${many[2]}"] a`) as HTMLElement;
    container.addEventListener('click', (event) => event.preventDefault()); // no page to follow the link to here
    fireEvent.click(title, { detail: 0 });
    expect(onDetails).not.toHaveBeenCalled();
    fireEvent.click(title, { detail: 1 });
    expect(onDetails).toHaveBeenCalledWith(readFirst.get(many[2]));
  });
});
