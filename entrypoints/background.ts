import { browser } from 'wxt/browser';
import { createActionBadge } from '@/lib/background/action-badge';
import { interrupted } from '@/lib/background/import-job';
import { createLibraryService } from '@/lib/background/library-service';
import { backupBeforeMigration, dataUrl } from '@/lib/background/pre-migration-backup';
import { createRouter } from '@/lib/background/router';
import { createSegmentMerger } from '@/lib/background/segment-merger';
import { senderRole } from '@/lib/background/sender';
import { createSuggestionTrainer } from '@/lib/background/suggestions';
import { IMPORT_PORT_PREFIX } from '@/lib/messages';
import { actionBadgeEnabled, autoBackup, captureEnabled } from '@/lib/preferences';
import { FOR_YOU_KEY } from '@/lib/recommend/record';
import { importStatus, libraryChange, publishedSuggestions, writeProblem } from '@/lib/status';
import { createSyncService } from '@/lib/sync/service';
import { type LibraryDB, openLibrary } from '@/lib/writes/db';

/** Writes a file from the service worker (no Blob URLs here), only while automatic backups are on and allowed. */
const preMigrationBackups = {
  enabled: async () =>
    (await autoBackup.getValue()).enabled && (await browser.permissions.contains({ permissions: ['downloads'] })),
  save: (filename: string, text: string) =>
    browser.downloads.download({ url: dataUrl(text), filename, conflictAction: 'uniquify', saveAs: false }),
};

export default defineBackground(() => {
  let library: Promise<LibraryDB> | undefined;
  const db = () => {
    library ??= backupBeforeMigration(preMigrationBackups)
      .catch((error) => console.warn('[papershelf] backup before migrating failed:', error))
      .then(openLibrary)
      .catch((error) => {
        library = undefined; // try again on the next message
        throw error;
      });
    return library;
  };

  const merger = createSegmentMerger(db);
  const suggestions = createSuggestionTrainer({
    db,
    published: ({ at, model }) => void publishedSuggestions.setValue({ at, model }),
  });
  // Chrome's MV3 `action`, Firefox's MV2 `browserAction`: the toolbar button either way.
  const badge = createActionBadge({
    db,
    enabled: () => actionBadgeEnabled.getValue(),
    action: browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction,
    alarms: browser.alarms,
  });
  badge.schedule();
  actionBadgeEnabled.watch(() => badge.schedule());
  // Registered synchronously at start-up: the midnight alarm wakes a stopped worker with this event.
  browser.alarms.onAlarm.addListener((alarm) => void badge.alarm(alarm.name)?.catch(console.warn));
  // After every write, whoever made it (a page, an import, the other browser through sync).
  const changed = (ids: string[] | undefined) => {
    badge.schedule();
    void libraryChange.setValue({ at: Date.now(), ids: ids && ids.length <= 500 ? ids : null });
    void merger.written().catch(console.warn);
    suggestions.schedule();
  };
  const sync = createSyncService({ db, area: browser.storage.sync, changed });
  let problem: string | null | undefined; // unknown until the first write after a start
  const route = createRouter(
    createLibraryService({
      db,
      captureEnabled: () => captureEnabled.getValue(),
      changed,
      aroundClear: sync.aroundClear,
      importStatus: (status) => void importStatus.setValue(status),
      writeProblem: (message) => {
        // Written only when it changes: a capture that succeeds costs no extra storage write.
        if ((message === null) === (problem === null) && problem !== undefined) return;
        problem = message;
        void writeProblem.setValue(message === null ? null : { at: Date.now(), message });
      },
    }),
  );

  // A library from before suggestions (or a lost ranking) is ranked once, after start-up's own work.
  void db()
    .then(async (library) => {
      if (!(await library.getKey('meta', FOR_YOU_KEY))) suggestions.schedule();
    })
    .catch(() => {});

  // An import left running by a stopped worker was rolled back: say so, so it can be tried again.
  void importStatus.getValue().then((status) => {
    const failed = interrupted(status);
    if (failed) return importStatus.setValue(failed);
  });

  // A page handing an import over holds a port open; if it closes before the commit, the import is abandoned.
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(IMPORT_PORT_PREFIX)) return;
    const importId = port.name.slice(IMPORT_PORT_PREFIX.length);
    const role = senderRole(port.sender ?? {}, browser.runtime.id, browser.runtime.getURL('/'));
    port.onDisconnect.addListener(() => void route({ type: 'importAbandon', data: { importId } }, role));
  });

  // Registered synchronously at start-up: a restarted worker must hear the message that woke it.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const role = senderRole(sender, browser.runtime.id, browser.runtime.getURL('/'));
    route(message, role).then((outcome) => {
      sendResponse(outcome);
      if (outcome.ok) sync.handled(message);
    });
    return true;
  });
  // Likewise: a change another browser synced wakes the worker with this event, and must be heard.
  browser.storage.onChanged.addListener((changes, area) => sync.storageChanged(changes, area));
  void sync.start();
});
