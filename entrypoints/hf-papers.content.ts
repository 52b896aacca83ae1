import { scorePage } from '@/lib/badges/for-you';
import { followPageTheme } from '@/lib/badges/page-badges';
import { createSeenBadges } from '@/lib/badges/seen-badges';
import { createViewSession } from '@/lib/capture/view-session';
import { sendMessage } from '@/lib/messages';
import { readPage } from '@/lib/page/read-page';
import { classifyPapersUrl } from '@/lib/page/view';
import type { PaperSighting } from '@/lib/paper';
import { captureEnabled, dimSeen, forYouMarks, showBadges } from '@/lib/preferences';
import type { SuggestionModel } from '@/lib/recommend/model';
import { publishedSuggestions } from '@/lib/status';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_idle',
  async main(ctx) {
    // Everything started here ends with the script's context (an update or reload of the extension ends it): each
    // observer, watch and part is tied to its signal.
    const whileValid = (stop: () => void) => ctx.signal.addEventListener('abort', () => stop(), { once: true });
    // The user's suggestion model scores the papers the page shows, for the "for you" marks; nothing is sent.
    let model: SuggestionModel | null = null;
    let onPage: PaperSighting[] = [];
    let scores = new Map<string, number>();
    const score = () => {
      scores = model
        ? scorePage(
            model,
            onPage.map((paper) => ({ ...paper, abstract: paper.abstract ?? null, keywords: paper.keywords ?? [] })),
          )
        : new Map();
    };
    const rescore = () => {
      score();
      badges.update();
    };
    // Cards new on screen are read and scored at once, not after capture's pause: their marks land with their badges.
    let cardsScored = '';
    const scoresOf = (ids: readonly string[]) => {
      const cards = ids.join(' ');
      if (model && cards !== cardsScored && ids.some((id) => !scores.has(id))) {
        cardsScored = cards;
        onPage = readPage(document, location.href, { trustIsland: false }).papers; // cards say which papers
        score();
      }
      return scores;
    };
    const session = createViewSession({
      read: (initialView) => {
        onPage = readPage(document, location.href, { trustIsland: initialView }).papers;
        queueMicrotask(rescore);
        return onPage;
      },
      send: (batch) => sendMessage('capture', batch),
      pageUrl: () => location.href,
    });
    const badges = createSeenBadges({
      root: document,
      // Asked under this view's id: the background leaves this view out of what it counts as seen before.
      lookup: async (ids) => (await sendMessage('lookupSeen', { ids, viewId: session.viewId })).papers,
      star: async (id, starred) => (await sendMessage('starFromPage', { id, starred })).ok,
      scores: scoresOf,
      paperOnPage: () => {
        const view = classifyPapersUrl(location.href);
        return view?.kind === 'paper' ? view.paperId : null;
      },
    });

    // Cards are swapped in place after in-page navigation, and the island may be rewritten later still.
    const observer = new MutationObserver(() => {
      session.scheduleRead();
      badges.update();
    });
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-props', 'href'],
    });
    whileValid(() => observer.disconnect());
    // The site's dark mode is a class on <html>, switched without a reload: the badges follow it.
    const themeObserver = new MutationObserver(() => followPageTheme(document));
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    whileValid(() => themeObserver.disconnect());
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      const viewBefore = session.viewId;
      session.startNewView();
      // A page rewriting its address in a loop stays one view (see view-session): its answers still hold.
      if (session.viewId !== viewBefore) badges.newView();
      else badges.update();
    });
    whileValid(
      captureEnabled.watch((enabled) => {
        session.setEnabled(enabled);
        badges.configure({ capture: enabled });
      }),
    );
    whileValid(showBadges.watch((shown) => badges.configure({ badges: shown })));
    whileValid(dimSeen.watch((dim) => badges.configure({ dim })));
    whileValid(forYouMarks.watch((marks) => badges.configure({ marks })));
    whileValid(
      publishedSuggestions.watch((published) => {
        model = published?.model ?? null;
        rescore();
      }),
    );
    // Ended last (signal listeners run in order), once nothing feeds them: the session's timers, the marks on the page.
    whileValid(session.dispose);
    whileValid(badges.dispose);

    const [capture, shown, dim, marks, published] = await Promise.all([
      captureEnabled.getValue(),
      showBadges.getValue(),
      dimSeen.getValue(),
      forYouMarks.getValue(),
      publishedSuggestions.getValue(),
    ]);
    model = published?.model ?? null;
    session.setEnabled(capture);
    badges.configure({ capture, badges: shown, dim, marks });
    await session.readNow();
  },
});
