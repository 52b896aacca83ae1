import type { SeenBefore } from '@/lib/library/seen';
import { MAX_LOOKUP_IDS } from '@/lib/messages';
import { cardHeadings } from '@/lib/page/cards';
import { badgeTitle, cardBadgeText, shelfLineText } from './badge-text';
import { forYouOnPage } from './for-you';
import {
  type CardBadge,
  removeAll,
  removeCardBadge,
  removeShelfLines,
  setDimmed,
  showCardBadge,
  showShelfLine,
  undimAllBut,
} from './page-badges';

export interface BadgeSettings {
  /** Capture is on: while it is paused the page shows nothing of the library. */
  capture: boolean;
  badges: boolean;
  dim: boolean;
  /** Mark the cards the user's suggestions rank highest. */
  marks: boolean;
}

export interface SeenBadgesOptions {
  root: Document;
  /** Asks the background which of `ids` were on screen in an earlier page view than the current one. */
  lookup: (ids: string[]) => Promise<SeenBefore[]>;
  /** Stars or unstars a paper in the library; false when the library does not hold it. */
  star: (id: string, starred: boolean) => Promise<boolean>;
  /** The score of each paper on the page under the user's suggestion model (empty without one); `ids` are the cards'. */
  scores?: (ids: readonly string[]) => ReadonlyMap<string, number>;
  /** The paper a single-paper page shows, or null on a list page. */
  paperOnPage: () => string | null;
  now?: () => number;
  /** Waits before asking again after the background did not answer (a worker starting or restarting). */
  retryDelaysMs?: number[];
}

/**
 * The "already seen" marks of one page: each card of a paper seen in an earlier view gets a badge (and fades in
 * dim mode); a paper page gets a line under its title. What the library knew is asked once per paper per view,
 * in one message for all the ids on screen; `update` re-applies it after any change of the page, writing nothing
 * when nothing changed, so the page's own re-renders cannot duplicate or lose a badge.
 */
export function createSeenBadges(options: SeenBadgesOptions) {
  const { root, now = Date.now, retryDelaysMs = [300, 1000, 3000] } = options;
  let settings: BadgeSettings = { capture: false, badges: false, dim: false, marks: false };
  // What this view knows: a paper seen before (and its badge, worded once), or null for one first seen now.
  // Absent: not answered yet.
  let known = new Map<string, Known | null>();
  const asked = new Set<string>();
  let generation = 0;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const active = () => settings.capture && (settings.badges || settings.dim || settings.marks);

  interface Known {
    seen: SeenBefore;
    badge: CardBadge;
    line: string;
  }
  const describe = (seen: SeenBefore): Known => ({
    seen,
    badge: { text: cardBadgeText(seen, now()), title: badgeTitle(seen), starred: seen.starred },
    line: shelfLineText(seen, now()),
  });

  async function ask(ids: string[]) {
    const askedIn = generation;
    for (const id of ids) asked.add(id);
    try {
      const answers = await Promise.all(
        Array.from({ length: Math.ceil(ids.length / MAX_LOOKUP_IDS) }, (_, index) =>
          options.lookup(ids.slice(index * MAX_LOOKUP_IDS, (index + 1) * MAX_LOOKUP_IDS)),
        ),
      );
      if (askedIn !== generation) return;
      const seen = new Map(answers.flat().map((paper) => [paper.id, paper]));
      for (const id of ids) {
        const paper = seen.get(id);
        known.set(id, paper ? describe(paper) : null);
      }
      failures = 0;
      update();
    } catch (error) {
      if (askedIn !== generation) return;
      for (const id of ids) asked.delete(id);
      const delay = retryDelaysMs[failures++];
      console.debug('[papershelf] seen papers not looked up:', error, delay === undefined ? '(giving up)' : '');
      clearTimeout(retryTimer);
      if (delay !== undefined) retryTimer = setTimeout(update, delay);
    }
  }

  async function toggleStar(id: string) {
    const seen = known.get(id)?.seen;
    if (!seen) return;
    const starred = !seen.starred;
    try {
      if (await options.star(id, starred)) known.set(id, describe({ ...seen, starred }));
    } catch (error) {
      console.debug('[papershelf] star not changed:', error);
    }
    update();
  }

  function renderPaperPage(paperId: string) {
    const paper = known.get(paperId);
    const heading = root.querySelector('h1');
    if (paper === undefined) return; // not answered yet: leave the page as it is
    if (!paper || !settings.badges || !heading) {
      removeShelfLines(root);
      return;
    }
    showShelfLine(heading, paperId, {
      text: paper.line,
      title: paper.badge.title,
      starred: paper.seen.starred,
      onToggleStar: () => void toggleStar(paperId),
    });
  }

  /** The cards marked "for you": never a paper the user already starred or gave a reading state. */
  function markedForYou(cards: ReturnType<typeof cardHeadings>): ReadonlySet<string> {
    const ids = cards.map((card) => card.id);
    const scores = settings.marks ? options.scores?.(ids) : undefined;
    if (!scores?.size) return new Set();
    const decided = (id: string) => {
      const seen = known.get(id)?.seen;
      return Boolean(seen?.starred || seen?.readingState);
    };
    return forYouOnPage(ids, scores, decided);
  }

  function renderCards(cards: ReturnType<typeof cardHeadings>) {
    const faded = new Set<Element>();
    const forYou = markedForYou(cards);
    for (const { card, id, heading } of cards) {
      const paper = known.get(id);
      if (paper === undefined) {
        removeCardBadge(card, id); // a card the page reused for another paper loses the other paper's badge
        continue;
      }
      const seenBadge = paper && settings.badges ? paper.badge : null;
      if (seenBadge || forYou.has(id)) {
        const badge = seenBadge ?? { text: '', title: 'Suggested for you', starred: false };
        showCardBadge(card, heading, id, { ...badge, forYou: forYou.has(id) });
      } else removeCardBadge(card);
      if (paper && settings.dim) faded.add(card);
    }
    for (const card of faded) setDimmed(card, true);
    undimAllBut(faded);
  }

  /** Brings the page's marks in line with what is on screen and known; asks about papers not known yet. */
  function update() {
    if (!active()) return;
    const paperId = options.paperOnPage();
    const cards = paperId ? [] : cardHeadings(root);
    const ids = paperId ? [paperId] : [...new Set(cards.map((card) => card.id))];
    const missing = ids.filter((id) => !known.has(id) && !asked.has(id));
    if (missing.length > 0) void ask(missing);
    if (paperId) renderPaperPage(paperId);
    else removeShelfLines(root);
    renderCards(cards);
  }

  function forget() {
    generation++;
    known = new Map();
    asked.clear();
    failures = 0;
    clearTimeout(retryTimer);
  }

  return {
    update,
    /** A new page view began: what counts as "earlier" moved, so every paper is asked about again. */
    newView() {
      forget();
      update();
    },
    configure(next: Partial<BadgeSettings>) {
      const resumed = next.capture === true && !settings.capture;
      settings = { ...settings, ...next };
      if (resumed) forget(); // answers given while paused said nothing
      if (active()) update();
      else removeAll(root);
    },
    /** Every mark gone (the extension was updated or removed). */
    dispose() {
      forget();
      settings = { capture: false, badges: false, dim: false, marks: false };
      removeAll(root);
    },
  };
}
