import { dimSeen, forYouMarks, showBadges } from '@/lib/preferences';
import { StoredCheckbox } from './StoredCheckbox';

/** How the Hugging Face pages show what the library remembers; open tabs follow a change at once. */
export function PageSettings() {
  return (
    <details class="tools page-settings">
      <summary>On Hugging Face pages</summary>
      <div class="tools-body">
        <StoredCheckbox item={showBadges} initial={true}>
          Show “already seen” badges
        </StoredCheckbox>
        <StoredCheckbox item={dimSeen} initial={false}>
          Dim papers I have already seen
        </StoredCheckbox>
        <StoredCheckbox item={forYouMarks} initial={true}>
          Mark papers suggested for me
        </StoredCheckbox>
      </div>
    </details>
  );
}
