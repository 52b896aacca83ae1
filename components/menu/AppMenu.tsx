import { useRef, useState } from 'preact/hooks';
import { useDismiss } from '@/components/hooks/use-dismiss';
import { useModule } from '@/components/hooks/use-module';
import type { MenuProps } from './MenuPanel';

const loadPanel = () => import('./MenuPanel');

/**
 * One menu for what is used once a week (export, import, library tools, page and sync settings), so the list keeps
 * the popup; its panel is loaded the first time it opens.
 */
export function AppMenu(props: MenuProps) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  const panel = useModule(loadPanel, open);
  // A dialog opened from it (a deletion's) keeps it open behind.
  useDismiss(
    open,
    menu,
    () => {
      if (menu.current) menu.current.open = false;
    },
    () => menu.current?.querySelector('summary'),
  );
  return (
    <details ref={menu} class="app-menu" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary aria-label="Menu: export, import, tools and settings" title="Export, import, tools and settings">
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
          <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
        </svg>
      </summary>
      {/* Kept once loaded, so a choice made in it (an export's format) holds the next time it opens. */}
      {(open || panel) && (
        <div class="menu-panel" hidden={!open}>
          {panel ? <panel.MenuPanel {...props} /> : <p class="hint">Loading…</p>}
        </div>
      )}
    </details>
  );
}
