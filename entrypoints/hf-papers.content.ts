import { createViewSession } from '@/lib/capture/view-session';
import { sendMessage } from '@/lib/messages';
import { readPage } from '@/lib/page/read-page';
import { captureEnabled } from '@/lib/settings';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_idle',
  async main(ctx) {
    const session = createViewSession({
      read: (initialView) => readPage(document, location.href, { trustIsland: initialView }).papers,
      send: (batch) => sendMessage('capture', batch),
      pageUrl: () => location.href,
    });

    // Cards are swapped in place after in-page navigation, and the island may be rewritten later still.
    const observer = new MutationObserver(() => session.scheduleRead());
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-props', 'href'],
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => session.startNewView());
    const unwatch = captureEnabled.watch((enabled) => session.setEnabled(enabled));
    ctx.onInvalidated(() => {
      observer.disconnect();
      unwatch();
      session.dispose();
    });

    session.setEnabled(await captureEnabled.getValue());
    await session.readNow();
  },
});
