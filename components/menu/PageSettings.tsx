import { useStored } from '@/components/hooks/use-stored';
import { dimSeen, forYouMarks, showBadges } from '@/lib/preferences';

/** How the Hugging Face pages show what the library remembers; open tabs follow a change at once. */
export function PageSettings() {
  const badges = useStored(showBadges, true);
  const dim = useStored(dimSeen, false);
  const marks = useStored(forYouMarks, true);
  return (
    <details class="tools page-settings">
      <summary>On Hugging Face pages</summary>
      <div class="tools-body">
        <label class="tool-row">
          <input
            type="checkbox"
            checked={badges}
            onChange={(event) => showBadges.setValue(event.currentTarget.checked)}
          />
          Show “already seen” badges
        </label>
        <label class="tool-row">
          <input type="checkbox" checked={dim} onChange={(event) => dimSeen.setValue(event.currentTarget.checked)} />
          Dim papers I have already seen
        </label>
        <label class="tool-row">
          <input
            type="checkbox"
            checked={marks}
            onChange={(event) => forYouMarks.setValue(event.currentTarget.checked)}
          />
          Mark papers suggested for me
        </label>
      </div>
    </details>
  );
}
