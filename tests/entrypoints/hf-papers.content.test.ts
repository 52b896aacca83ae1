// The content script over a list page with a fake browser: it captures and badges the cards, and once its context
// is invalidated (the extension updated or reloaded) it stops reading the page and takes its marks away.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '@/entrypoints/hf-papers.content';
import { showBadges } from '@/lib/preferences';
import { cardsHtml } from '../helpers/island';

const IDS = ['2601.00001', '2601.00002'];
const showCards = (ids: string[]) => {
  document.body.innerHTML = `<main>${cardsHtml(ids.map((id) => ({ paper: { id, title: `Paper ${id}` } })))}</main>`;
};
const badgesOnPage = () => document.querySelectorAll('papershelf-seen').length;

/** The background as the page sees it: every message is recorded; captures are taken, the first card was seen. */
function fakeBackground() {
  const received: string[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (sent: unknown) => {
    const message = sent as { type: string; data: { papers?: unknown[] } };
    received.push(message.type);
    if (message.type === 'capture') return { ok: true, value: { accepted: message.data.papers?.length, rejected: 0 } };
    const papers = [{ id: IDS[0], seenCount: 2, firstSeenAt: '2026-11-02T12:00:00.000Z', starred: false }];
    return { ok: true, value: { papers } };
  });
  return received;
}

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://huggingface.co/papers');
  showCards(IDS);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the content script', () => {
  it('reads and badges the page while its context holds, and nothing after, leaving no mark behind', async () => {
    const received = fakeBackground();
    const ctx = new ContentScriptContext('hf-papers');
    await contentScript.main(ctx);
    await vi.waitFor(() => expect(badgesOnPage()).toBe(1));
    expect(received).toContain('capture');

    // While valid, a new card on the page is read again.
    const before = received.length;
    showCards([...IDS, '2601.00003']);
    await vi.waitFor(() => expect(received.length).toBeGreaterThan(before), { timeout: 5_000 });

    ctx.notifyInvalidated();
    expect(badgesOnPage()).toBe(0);
    const after = received.length;
    // Whatever the page does next, and however long it waits (any debounce long past), nothing is read or asked.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    showCards([...IDS, '2601.00004']);
    await showBadges.setValue(false);
    await showBadges.setValue(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(received.length).toBe(after);
    expect(badgesOnPage()).toBe(0);
  });
});
