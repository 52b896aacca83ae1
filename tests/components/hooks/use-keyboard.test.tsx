import { fireEvent, render } from '@testing-library/preact';
import { useRef, useState } from 'preact/hooks';
import { useKeyboard } from '@/components/hooks/use-keyboard';
import type { ReadingState } from '@/lib/paper';

function List({ onStar, onMark }: { onStar: (index: number) => void; onMark: (i: number, s: ReadingState) => void }) {
  const searchInput = useRef<HTMLInputElement>(null);
  const [activeIndex, setActiveIndex] = useState(-1);
  useKeyboard({
    searchInput,
    count: 3,
    activeIndex,
    setActiveIndex,
    open: () => {},
    star: onStar,
    mark: onMark,
    clearSearch: () => {},
  });
  return (
    <>
      <input type="search" ref={searchInput} aria-label="Search papers" />
      <output>{activeIndex}</output>
    </>
  );
}

describe('keyboard', () => {
  it('follows the README: / query ↓ s stars the selected row, t queues it, Esc returns to the box', () => {
    const starred: number[] = [];
    const marked: [number, ReadingState][] = [];
    const { getByRole, container } = render(
      <List onStar={(index) => starred.push(index)} onMark={(index, state) => marked.push([index, state])} />,
    );
    const box = getByRole('searchbox') as HTMLInputElement;
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(box);
    // Pressed again in the empty box (the popup opens with it focused), `/` is not typed.
    expect(fireEvent.keyDown(box, { key: '/' })).toBe(false);
    fireEvent.input(box, { target: { value: 'diffusion' } });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    // Typed before the list has re-rendered: the row the arrow moved to is the one meant.
    fireEvent.keyDown(document.body, { key: 's' });
    expect(starred).toEqual([0]);
    starred.length = 0;
    expect(container.querySelector('output')?.textContent).toBe('0');
    expect(document.activeElement).not.toBe(box);
    // Letters now act on the list: the key event goes to whatever has focus (the page), not the box.
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 's' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 't' });
    expect(starred).toEqual([0]);
    expect(marked).toEqual([[0, 'to-read']]);
    expect(box.value).toBe('diffusion');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(document.activeElement).toBe(box);
    // In the box, letters are typing.
    fireEvent.keyDown(box, { key: 's' });
    expect(starred).toEqual([0]);
  });
});
