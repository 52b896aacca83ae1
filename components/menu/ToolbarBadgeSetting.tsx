import { useStored } from '@/components/hooks/use-stored';
import { actionBadgeEnabled } from '@/lib/preferences';

/** Whether the toolbar icon counts the papers first seen today. */
export function ToolbarBadgeSetting() {
  const enabled = useStored(actionBadgeEnabled, true);
  return (
    <label class="tool-row toolbar-badge">
      <input
        type="checkbox"
        checked={enabled}
        onChange={(event) => actionBadgeEnabled.setValue(event.currentTarget.checked)}
      />
      Count today’s new papers on the toolbar icon
    </label>
  );
}
