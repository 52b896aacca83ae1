import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ReadingState } from '@/lib/paper';

const MARK_KEYS: Record<string, ReadingState> = { t: 'to-read', r: 'read', x: 'not-interested' };

interface KeyboardOptions {
  searchInput: RefObject<HTMLInputElement | null>;
  count: number;
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  open: (index: number) => void;
  star: (index: number) => void;
  /** `t` To read (again: unmarked), `r` Read, `x` Not interested, on the active row. */
  mark: (index: number, state: ReadingState) => void;
  /** Empties the search box, and with it the results. */
  clearSearch: () => void;
  /** `n`: shows only what is new since the last visit, or everything again. */
  toggleNew?: () => void;
  /** Closes the open paper detail, if any (Esc outside the search box). */
  closeDetail?: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * `/` search, Esc clears it then leaves it, arrows move, Enter opens, `s` stars, `t` / `r` / `x` mark To read, Read,
 * Not interested, `n` shows what is new since the last visit — arrows and Enter also work from the search box.
 */
export function useKeyboard(options: KeyboardOptions) {
  // The row an arrow moved to, before the render that shows it: `↓ s` typed fast stars that row, not none.
  const moved = useRef<{ from: number; to: number } | null>(null);
  // The options of the last render, read when a key comes: an effect would hand them over only after the paint,
  // and a key pressed in between would act on the list as it was before.
  const latest = useRef(options);
  if (latest.current.activeIndex !== options.activeIndex) moved.current = null; // rendered: the options hold it now
  latest.current = options;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const options = latest.current;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const inSearch = event.target === options.searchInput.current;
      const typing = isTyping(event.target) && !inSearch;
      const { count } = options;
      const pending = moved.current?.from === options.activeIndex ? moved.current.to : null;
      const activeIndex = pending ?? options.activeIndex;
      if (event.key === 'Escape' && !inSearch && options.closeDetail && !typing) {
        event.preventDefault();
        options.closeDetail();
      } else if (event.key === 'Escape' && inSearch) {
        event.preventDefault();
        // First Esc clears the query and its results; the next leaves the box so single-key shortcuts act on the list.
        if (options.searchInput.current?.value) options.clearSearch();
        else options.searchInput.current?.blur();
      } else if (event.key === '/' && (!isTyping(event.target) || (inSearch && !options.searchInput.current?.value))) {
        // In an empty box (the popup opens with it focused) `/` means search, as everywhere else: not a query's start.
        event.preventDefault();
        options.searchInput.current?.focus();
      } else if (event.key === 'Escape' && !inSearch && !typing) {
        event.preventDefault();
        options.searchInput.current?.focus(); // back to the box, as the arrows left it
      } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !typing && count > 0) {
        event.preventDefault();
        // Arrows take the keyboard to the list: from there, letters are commands (`s` stars), not typing.
        if (inSearch) options.searchInput.current?.blur();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // From nothing active, the first step down lands on the first row.
        const to = Math.min(count - 1, Math.max(0, activeIndex + step));
        moved.current = { from: options.activeIndex, to };
        options.setActiveIndex(to);
      } else if (event.key === 'Enter' && !typing && count > 0 && !(event.target instanceof HTMLButtonElement)) {
        if (event.target instanceof HTMLAnchorElement) return; // the link opens itself
        event.preventDefault();
        options.open(Math.max(0, activeIndex)); // Enter with nothing chosen opens the top result
      } else if (event.key === 's' && !isTyping(event.target) && count > 0) {
        event.preventDefault();
        if (activeIndex >= 0) options.star(activeIndex);
      } else if (event.key === 'n' && !isTyping(event.target) && options.toggleNew) {
        event.preventDefault();
        options.toggleNew();
      } else if (Object.hasOwn(MARK_KEYS, event.key) && !isTyping(event.target) && count > 0) {
        event.preventDefault();
        if (activeIndex >= 0) options.mark(activeIndex, MARK_KEYS[event.key]);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
