import type { Page } from 'playwright-core';

/**
 * How long after cards are put on screen their "already seen" badges are, in ms, measured inside the page:
 * the cards are inserted in one DOM write (as HF swaps them in after in-page navigation), and a MutationObserver of
 * the page's own sees the content script's badges land. `page` must be a papers list page the content script runs
 * on (capture on, badges on), and `expected` the number of cards whose papers were seen in an earlier page view.
 * The first call also pays for starting the background and opening the library: call it once to warm up, with
 * other papers (a page asks about each paper once per view) or in another tab. With `inShadow`, what is counted is
 * the badges whose shadow root holds that selector (a "for you" mark may come into a badge already there).
 */
export async function badgeLatency(
  page: Page,
  cardsHtml: string,
  expected: number,
  timeoutMs = 10_000,
  inShadow: string | null = null,
) {
  // No named functions inside: a runner that keeps function names (tsx) would wrap them in a helper the page lacks.
  return page.evaluate(
    ({ html, expected, timeoutMs, inShadow }) =>
      new Promise<number>((resolve, reject) => {
        document.querySelector('section[data-latency-probe]')?.remove();
        const probe = document.createElement('section');
        probe.dataset.latencyProbe = '';
        probe.innerHTML = html;
        const badges = probe.getElementsByTagName('papershelf-seen'); // live: always the current count
        const watched = new Set<ShadowRoot>();
        let landed = 0;
        const observer = new MutationObserver(() => {
          landed = inShadow === null ? badges.length : 0;
          for (const badge of inShadow === null ? [] : badges) {
            const shadow = badge.shadowRoot;
            if (!shadow) continue;
            if (!watched.has(shadow)) {
              watched.add(shadow);
              observer.observe(shadow, { childList: true, subtree: true });
            }
            if (shadow.querySelector(inShadow as string)) landed++;
          }
          if (landed < expected) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - start);
        });
        observer.observe(probe, { childList: true, subtree: true });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${landed} of ${expected} ${inShadow ?? 'badges'} after ${timeoutMs} ms`));
        }, timeoutMs);
        const start = performance.now();
        (document.querySelector('main') ?? document.body).append(probe);
      }),
    { html: cardsHtml, expected, timeoutMs, inShadow },
  );
}
