// The background's main() with a fake browser: what it listens to from start-up, and how it answers.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import type { Outcome } from '@/lib/messages';
import { libraryChange } from '@/lib/status';
import { shardKey, shardOf } from '@/lib/sync/pack';
import { QUIET_MS } from '@/lib/sync/service';
import { syncEnabled } from '@/lib/sync/settings';
import { openLibrary } from '@/lib/writes/db';

const PAPER = { id: '2407.21783', title: 'The Llama 3 Herd of Models' };
const capture = { type: 'capture', data: { viewId: 'v1', pageUrl: 'https://huggingface.co/papers', papers: [PAPER] } };

const contentScript = () => ({ id: fakeBrowser.runtime.id, url: 'https://huggingface.co/papers', tab: { id: 1 } });
const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

/** A message as the browser delivers it, answered through `sendResponse` as the background does. */
function send(message: unknown, sender: object): Promise<Outcome<unknown>> {
  // The fake's trigger hands its listeners every argument, as the browser does (its types name only two).
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
  return new Promise((resolve) => void trigger(message, sender, resolve));
}

beforeEach(() => {
  // Timers stay still: the suggestions' training and sync's quiet period never run behind a test's back.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  // The fake browser has no ports; the background listens for an import's port at start-up.
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the background', () => {
  it('registers its listeners synchronously, before anything is awaited: a restarted worker hears what woke it', () => {
    const listening = [fakeBrowser.runtime.onMessage, fakeBrowser.storage.onChanged, fakeBrowser.alarms.onAlarm].map(
      (event) => vi.spyOn(event, 'addListener'),
    );
    background.main();
    for (const addListener of listening) expect(addListener).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.runtime.onConnect.addListener).toHaveBeenCalledTimes(1);
  });

  it('stores a capture from the content script and tells open pages which papers changed', async () => {
    background.main();
    expect(await send(capture, contentScript())).toEqual({ ok: true, value: { accepted: 1, rejected: 0 } });
    const db = await openLibrary();
    expect((await db.get('papers', PAPER.id))?.title).toBe(PAPER.title);
    db.close();
    expect((await libraryChange.getValue()).ids).toEqual([PAPER.id]);
    expect(await send({ type: 'prepareLibrary', data: {} }, extensionPage())).toEqual({
      ok: true,
      value: { count: 1 },
    });
  });

  it('refuses a message from a sender it is not for, or from outside the extension, and stores nothing', async () => {
    background.main();
    expect(await send(capture, extensionPage())).toEqual({ ok: false, error: 'capture from extension-page' });
    expect(await send(capture, { ...contentScript(), id: 'another-extension' })).toEqual({
      ok: false,
      error: 'capture from an unknown sender',
    });
    expect(await send({ type: 'clearLibrary', data: {} }, contentScript())).toEqual({
      ok: false,
      error: 'clearLibrary from content-script',
    });
    expect(await send({ type: 'prepareLibrary', data: {} }, extensionPage())).toEqual({
      ok: true,
      value: { count: 0 },
    });
  });

  it('listens to the synced storage from start-up, and applies what arrives', async () => {
    await syncEnabled.setValue(true);
    background.main();
    const stamp = (Date.now() - 1000).toString(36);
    await fakeBrowser.storage.sync.set({
      [shardKey(shardOf('2509.24002'))]: { v: 1, e: [['2509.24002', 'Arrived', `${stamp}.0....`, 1]] },
    });
    await vi.advanceTimersByTimeAsync(QUIET_MS + 10);
    const db = await openLibrary();
    await vi.waitFor(async () => expect((await db.get('papers', '2509.24002'))?.title).toBe('Arrived'));
    db.close();
  });
});
