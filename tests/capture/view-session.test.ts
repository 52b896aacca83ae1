import { createViewSession, MAX_VIEWS_PER_MINUTE } from '@/lib/capture/view-session';
import type { CaptureBatch, PaperSighting } from '@/lib/paper';

function setup(initial: PaperSighting[]) {
  let onScreen = initial;
  const sent: CaptureBatch[] = [];
  const reads: boolean[] = [];
  let nextId = 0;
  const session = createViewSession({
    read: (initialView) => {
      reads.push(initialView);
      return onScreen;
    },
    send: async (batch) => void sent.push(batch),
    pageUrl: () => 'https://huggingface.co/papers/date/2024-08-01',
    newViewId: () => `view-${nextId++}`,
    debounceMs: 100,
    maxWaitMs: 1000,
  });
  return { session, sent, reads, show: (papers: PaperSighting[]) => (onScreen = papers) };
}

/** A session with capture on that has read (and sent) the view's first screen. */
async function capturing(initial: PaperSighting[]) {
  const captured = setup(initial);
  captured.session.setEnabled(true);
  await captured.session.readNow();
  return captured;
}

const A = { id: '2407.21783', title: 'The Llama 3 Herd of Models' };
const B = { id: '2407.21705', title: 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation' };

describe('view session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends nothing while capture is disabled', async () => {
    const { session, sent } = setup([A]);
    await session.readNow();
    session.scheduleRead();
    await vi.runAllTimersAsync();
    expect(sent).toEqual([]);
  });

  it('re-reading an unchanged view sends nothing new; a changed DOM in the same view keeps its view id', async () => {
    const { session, sent, show } = await capturing([A]);
    session.scheduleRead();
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(1);
    show([A, B]);
    session.scheduleRead();
    await vi.runAllTimersAsync();
    expect(sent.map((batch) => batch.viewId)).toEqual(['view-0', 'view-0']);
    expect(sent[1].papers).toEqual([A, B]);
  });

  it('in-page navigation starts a new view that no longer trusts the initial island', async () => {
    const { session, sent, reads } = await capturing([A]);
    session.startNewView();
    await vi.runAllTimersAsync();
    expect(sent.map((batch) => batch.viewId)).toEqual(['view-0', 'view-1']);
    expect(reads.at(0)).toBe(true);
    expect(reads.at(-1)).toBe(false);
  });

  it('does not count the previous view’s lingering cards as the new view', async () => {
    const { session, sent, show } = await capturing([A]);
    session.startNewView(); // the URL changed; the old cards are still on screen
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    show([B]); // the page swaps in the new view's cards
    session.scheduleRead();
    await vi.runAllTimersAsync();
    expect(sent.map((batch) => [batch.viewId, batch.papers.map((paper) => paper.id)])).toEqual([
      ['view-0', [A.id]],
      ['view-1', [B.id]],
    ]);
  });

  it('counts a new view that shows the same papers once the old cards’ grace period is over', async () => {
    const { session, sent } = await capturing([A]);
    session.startNewView();
    await vi.runAllTimersAsync();
    expect(sent.map((batch) => batch.viewId)).toEqual(['view-0', 'view-1']);
  });

  it('debounces a burst of DOM changes into one read, but never waits past maxWait', async () => {
    const { session, reads } = setup([A]);
    session.setEnabled(true);
    await vi.runAllTimersAsync();
    reads.length = 0;
    for (let tick = 0; tick < 30; tick++) {
      session.scheduleRead();
      await vi.advanceTimersByTimeAsync(50);
    }
    // 1.5 s of changes every 50 ms: the 100 ms debounce never settles, the 1 s cap forces one read.
    expect(reads).toHaveLength(1);
    await vi.runAllTimersAsync();
    expect(reads).toHaveLength(2);
  });

  it('a failed delivery is sent again on its own, under the same view id, until the background takes it', async () => {
    let failuresLeft = 3;
    const attempts: CaptureBatch[] = [];
    const sent: CaptureBatch[] = [];
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const session = createViewSession({
      read: () => [A],
      send: async (batch) => {
        attempts.push(batch);
        if (failuresLeft-- > 0) throw new Error('Receiving end does not exist');
        sent.push(batch);
      },
      pageUrl: () => 'https://huggingface.co/papers',
      retryDelaysMs: [100, 200, 400],
    });
    session.setEnabled(true);
    await session.readNow();
    // No DOM change and no new read: the retry alone delivers it.
    await vi.advanceTimersByTimeAsync(100 + 200 + 400);
    expect(attempts).toHaveLength(4);
    expect(sent).toHaveLength(1);
    expect(new Set(attempts.map((batch) => batch.viewId)).size).toBe(1);
    expect(debug).toHaveBeenCalledTimes(3);
    // Delivered: nothing more is sent for the same screen.
    await vi.runAllTimersAsync();
    expect(attempts).toHaveLength(4);
  });

  it('gives up after the last retry, and a later change of the page tries again', async () => {
    const attempts: CaptureBatch[] = [];
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const session = createViewSession({
      read: () => [A],
      send: async (batch) => {
        attempts.push(batch);
        throw new Error('Receiving end does not exist');
      },
      pageUrl: () => 'https://huggingface.co/papers',
      retryDelaysMs: [100],
    });
    session.setEnabled(true);
    await session.readNow();
    await vi.runAllTimersAsync();
    expect(attempts).toHaveLength(2);
    session.scheduleRead();
    await vi.runAllTimersAsync();
    expect(attempts).toHaveLength(3);
  });

  it('counts at most a reader’s pace of views: a page rewriting its address in a loop stays one view', async () => {
    const { session, sent, show } = await capturing([A]);
    // 50 address changes in 50 seconds, each showing other papers.
    for (let step = 0; step < 50; step++) {
      show([{ id: `2601.${String(10000 + step)}`, title: `Paper ${step}` }]);
      session.startNewView();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(new Set(sent.map((batch) => batch.viewId)).size).toBe(1 + MAX_VIEWS_PER_MINUTE);
    // What was on screen is still read, under the last view counted.
    expect(sent.at(-1)?.papers[0].id).toBe('2601.10049');
  });
});
