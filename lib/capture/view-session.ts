import type { CaptureBatch, PaperSighting } from '@/lib/paper';

export interface ViewSessionOptions {
  /** Reads what is on screen now; `initialView` is false once in-page navigation has happened. */
  read: (initialView: boolean) => PaperSighting[];
  send: (batch: CaptureBatch) => Promise<unknown>;
  pageUrl: () => string;
  newViewId?: () => string;
  /** Quiet time after the last DOM change before re-reading. */
  debounceMs?: number;
  /** Upper bound on how long a stream of DOM changes can postpone a read. */
  maxWaitMs?: number;
  /** After in-page navigation, how long the previous view's cards may linger before they count as the new view's. */
  staleGraceMs?: number;
  /** Waits before sending again a batch the background did not take (a worker stopping or restarting). */
  retryDelaysMs?: number[];
  now?: () => number;
}

const idsOf = (papers: PaperSighting[]) => papers.map((paper) => paper.id).join(' ');
/** What one page view may write: far above any real papers page (~100 cards), and what the background accepts. */
export const MAX_PAPERS_PER_VIEW = 500;
/** Faster than anyone reads: a page that rewrites its own address in a loop does not inflate seen counts. */
export const MAX_VIEWS_PER_MINUTE = 30;

/**
 * One page view at a time: a view id per document load or in-page navigation, debounced re-reads
 * when the DOM changes, and a batch sent only when the read differs from the last one sent for this view
 * (so re-reading an unchanged view costs the library nothing and never counts as a new sighting).
 */
export function createViewSession(options: ViewSessionOptions) {
  const { debounceMs = 250, maxWaitMs = 2000, staleGraceMs = 4000, now = Date.now } = options;
  const { retryDelaysMs = [100, 300, 1000, 3000, 10_000] } = options;
  let failures = 0;
  const viewStarts: number[] = [];
  const newViewId = options.newViewId ?? (() => crypto.randomUUID());
  let viewId = newViewId();
  let initialView = true;
  let lastSent = '';
  let lastSentIds = '';
  // The previous view's papers: until the page swaps its cards, what is on screen still belongs to that view.
  let leftBehind = { ids: '', until: 0 };
  let enabled = false;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let maxWaitTimer: ReturnType<typeof setTimeout> | undefined;

  function cancelTimers() {
    clearTimeout(debounceTimer);
    clearTimeout(maxWaitTimer);
    debounceTimer = maxWaitTimer = undefined;
  }

  async function readNow() {
    cancelTimers();
    if (!enabled) return;
    // A page that claims thousands of papers gets the first screenfuls' worth recorded, not a flood.
    const papers = options.read(initialView).slice(0, MAX_PAPERS_PER_VIEW);
    if (papers.length === 0) return;
    const remaining = leftBehind.until - now();
    if (remaining > 0 && idsOf(papers) === leftBehind.ids) {
      debounceTimer = setTimeout(readNow, remaining);
      return;
    }
    const signature = JSON.stringify(papers);
    if (signature === lastSent) return;
    lastSent = signature;
    lastSentIds = idsOf(papers);
    try {
      await options.send({ viewId, pageUrl: options.pageUrl(), papers });
      failures = 0;
    } catch (error) {
      // Sent again under the same view id (so it is counted once), after a pause that grows with each failure.
      if (lastSent === signature) lastSent = '';
      const delay = retryDelaysMs[failures++];
      console.debug('[papershelf] capture not delivered:', error, delay === undefined ? '(giving up)' : '');
      if (delay !== undefined && debounceTimer === undefined) debounceTimer = setTimeout(readNow, delay);
    }
  }

  return {
    get viewId() {
      return viewId;
    },
    /** The DOM changed: read again once it settles. */
    scheduleRead() {
      if (!enabled) return;
      clearTimeout(debounceTimer);
      debounceTimer = setTimeout(readNow, debounceMs);
      maxWaitTimer ??= setTimeout(readNow, maxWaitMs);
    },
    /** The location changed without a document load: a new view begins. */
    startNewView() {
      const minuteAgo = now() - 60_000;
      while (viewStarts.length && viewStarts[0] < minuteAgo) viewStarts.shift();
      if (viewStarts.length >= MAX_VIEWS_PER_MINUTE) {
        this.scheduleRead(); // still the same view: what is on screen is read, but not counted again
        return;
      }
      viewStarts.push(now());
      viewId = newViewId();
      initialView = false;
      leftBehind = { ids: lastSentIds, until: now() + staleGraceMs };
      lastSent = '';
      this.scheduleRead();
    },
    setEnabled(value: boolean) {
      enabled = value;
      if (enabled) this.scheduleRead();
      else cancelTimers();
    },
    readNow,
    dispose: cancelTimers,
  };
}
