import { actionBadgeEnabled } from '@/lib/preferences';
import { StoredCheckbox } from './StoredCheckbox';

/** Whether the toolbar icon counts the papers first seen today. */
export function ToolbarBadgeSetting() {
  return (
    <StoredCheckbox item={actionBadgeEnabled} initial={true} class="toolbar-badge">
      Count today’s new papers on the toolbar icon
    </StoredCheckbox>
  );
}
