import type { LibraryState } from '@/components/hooks/use-library';
import { useAppState } from '@/components/state/app-state';
import type { ExportSubject } from '@/lib/transfer/export-library';
import { ExportPanel } from './ExportPanel';
import { chooseImportFile } from './ImportPanel';
import { LibraryTools } from './LibraryTools';
import { PageSettings } from './PageSettings';
import { SyncSetting } from './SyncSetting';
import { ToolbarBadgeSetting } from './ToolbarBadgeSetting';

export interface MenuProps {
  library: LibraryState;
  /** The view's ids for "This view" (see ExportPanel), and what the view is. */
  view: string[] | undefined | null;
  viewSubject: ExportSubject;
}

/** The menu's contents: loaded on its first opening, never with the list. */
export function MenuPanel({ library, view, viewSubject }: MenuProps) {
  const selection = [...useAppState().selected.value];
  return (
    <>
      <section class="menu-section" aria-label="Export and import">
        <ExportPanel library={library} view={view} viewSubject={viewSubject} selection={selection} />
        <button type="button" class="import-button" onClick={chooseImportFile}>
          Import a file…
        </button>
      </section>
      <LibraryTools library={library} />
      <ToolbarBadgeSetting />
      <PageSettings />
      <SyncSetting />
    </>
  );
}
