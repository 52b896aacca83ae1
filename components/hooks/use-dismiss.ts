import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * While `open`, a press outside `root` or Esc closes a menu, as menus do. Esc goes no further (not to the search,
 * not to a detail) and gives the focus back to `focusAfter`. A dialog opened from the menu is left to itself.
 */
export function useDismiss(
  open: boolean,
  root: RefObject<Element | null>,
  close: () => void,
  focusAfter: () => HTMLElement | null | undefined,
) {
  useEffect(() => {
    if (!open) return;
    const onPress = (event: Event) => {
      const target = event.target as Element;
      if (root.current?.contains(target) || target.closest?.('dialog')) return;
      close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      event.stopImmediatePropagation();
      close();
      focusAfter()?.focus();
    };
    document.addEventListener('pointerdown', onPress);
    window.addEventListener('keydown', onKey, true); // before the page's own keys
    return () => {
      document.removeEventListener('pointerdown', onPress);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
}
