import { browser } from 'wxt/browser';
import { createLibraryService } from '@/lib/background/library-service';
import { createRouter } from '@/lib/background/router';
import { createSearchService } from '@/lib/background/search-service';
import { senderRole } from '@/lib/background/sender';
import { type LibraryDB, openLibrary } from '@/lib/library/db';
import { captureEnabled, libraryChange } from '@/lib/settings';

export default defineBackground(() => {
  let library: Promise<LibraryDB> | undefined;
  const db = () => {
    library ??= openLibrary().catch((error) => {
      library = undefined; // try again on the next message
      throw error;
    });
    return library;
  };

  const search = createSearchService(db);
  const route = createRouter(
    createLibraryService({
      db,
      captureEnabled: () => captureEnabled.getValue(),
      search: search.search,
      changed: (ids, options) => {
        void libraryChange.setValue({ at: Date.now(), ids: ids && ids.length <= 500 ? ids : null });
        void search.changed(ids, options);
      },
    }),
  );

  // Registered synchronously at start-up: a restarted worker must hear the message that woke it.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const role = senderRole(sender, browser.runtime.id, browser.runtime.getURL('/'));
    route(message, role).then(sendResponse);
    return true;
  });
});
