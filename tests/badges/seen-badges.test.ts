import { badgeTitle, cardBadgeText, shelfLineText, shortDay } from '@/lib/badges/badge-text';
import { createSeenBadges } from '@/lib/badges/seen-badges';
import type { SeenBefore } from '@/lib/library/seen';
import { cardsHtml } from '../helpers/island';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const seen = (id: string, fields: Partial<SeenBefore> = {}): SeenBefore => ({
  id,
  seenCount: 3,
  firstSeenAt: '2026-11-02T12:00:00.000Z',
  starred: false,
  ...fields,
});

describe('badge text', () => {
  // Dates are local: the times are at noon UTC, the same day in every time zone the tests run in.
  it('says how often and since when, with the year only when it is not this one', () => {
    expect(cardBadgeText(seen('2601.00001'), NOW)).toBe('seen 3× · first Nov 2');
    expect(cardBadgeText(seen('2601.00001', { firstSeenAt: '2024-08-01T12:00:00.000Z' }), NOW)).toBe(
      'seen 3× · first Aug 1, 2024',
    );
    expect(shelfLineText(seen('2601.00001', { seenCount: 4 }), NOW)).toBe('In your shelf since Nov 2 · seen 4×');
    expect(shortDay('2026-01-05T12:00:00.000Z', NOW)).toBe('Jan 5');
    expect(badgeTitle(seen('2601.00001', { seenCount: 2, starred: true }))).toBe(
      'Papershelf: on screen in 2 page views with this one, the first on November 2, 2026; starred',
    );
  });
});

/** A list page showing cards for `ids`. */
function showCards(ids: string[]) {
  document.body.innerHTML = `<main>${cardsHtml(ids.map((id) => ({ paper: { id, title: `Paper ${id}` } })))}</main>`;
}

/** Each card's id and its badges' text. */
const marks = () =>
  [...document.querySelectorAll('article')].map((card) => ({
    id: card.querySelector('h3 a')?.getAttribute('href')?.split('/').pop(),
    badges: [...card.querySelectorAll('papershelf-seen')].map((host) => host.shadowRoot?.textContent ?? ''),
    opacity: (card as HTMLElement).style.opacity,
  }));

/** A library that knows `known` and records every lookup. */
function fakeLibrary(known: SeenBefore[]) {
  const lookups: string[][] = [];
  let fail = 0;
  return {
    lookups,
    failNext: (times: number) => (fail = times),
    lookup: async (ids: string[]) => {
      lookups.push(ids);
      if (fail > 0) {
        fail--;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return known.filter((paper) => ids.includes(paper.id));
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('seen badges on a page', () => {
  const A = '2601.00001';
  const B = '2601.00002';
  const C = '2601.00003';

  function setUp(known: SeenBefore[], paperOnPage: string | null = null) {
    const library = fakeLibrary(known);
    const badges = createSeenBadges({
      root: document,
      lookup: library.lookup,
      star: async () => true,
      paperOnPage: () => paperOnPage,
      now: () => NOW,
      retryDelaysMs: [10],
    });
    return { library, badges };
  }

  it('asks once for every card on screen and badges only the papers seen before, one badge each', async () => {
    showCards([A, B, C]);
    const { library, badges } = setUp([seen(A), seen(C, { starred: true, seenCount: 1 })]);
    badges.configure({ capture: true, badges: true, dim: false });
    await settle();
    expect(library.lookups).toEqual([[A, B, C]]);
    expect(marks().map((card) => card.badges)).toEqual([
      [cardBadgeText(seen(A), NOW)],
      [],
      [`★${cardBadgeText(seen(C, { seenCount: 1 }), NOW)}`],
    ]);
    // The page re-renders: nothing asked again, nothing added twice.
    badges.update();
    badges.update();
    await settle();
    expect(library.lookups).toHaveLength(1);
    expect(marks().map((card) => card.badges.length)).toEqual([1, 0, 1]);
    badges.dispose();
  });

  it('asks again in a new view, and drops an answer meant for the view before', async () => {
    showCards([A, B]);
    const answers: ((papers: SeenBefore[]) => void)[] = [];
    const badges = createSeenBadges({
      root: document,
      lookup: () => new Promise((resolve) => answers.push(resolve)),
      star: async () => true,
      paperOnPage: () => null,
      now: () => NOW,
    });
    badges.configure({ capture: true, badges: true, dim: false });
    badges.newView(); // before the first answer came back
    expect(answers).toHaveLength(2);
    answers[1]([seen(A, { seenCount: 2 })]);
    await settle();
    answers[0]([seen(A, { seenCount: 1 }), seen(B)]); // late, and about the view before
    await settle();
    expect(marks().map((card) => card.badges)).toEqual([[cardBadgeText(seen(A, { seenCount: 2 }), NOW)], []]);
    badges.dispose();
  });

  it('fades exactly the seen cards in dim mode, and puts every card back when it is turned off', async () => {
    showCards([A, B]);
    (document.querySelectorAll('article')[0] as HTMLElement).style.opacity = '0.9'; // the page's own
    const { badges } = setUp([seen(A)]);
    badges.configure({ capture: true, badges: false, dim: true });
    await settle();
    expect(marks()).toEqual([
      { id: A, badges: [], opacity: '0.45' },
      { id: B, badges: [], opacity: '' },
    ]);
    badges.configure({ dim: false });
    expect(marks().map((card) => card.opacity)).toEqual(['0.9', '']);
    badges.dispose();
  });

  it('leaves no trace and asks nothing while capture is paused or everything is off', async () => {
    showCards([A]);
    const { library, badges } = setUp([seen(A)]);
    badges.configure({ capture: true, badges: true, dim: true });
    await settle();
    expect(marks()[0].badges).toHaveLength(1);
    badges.configure({ capture: false });
    expect(marks()).toEqual([{ id: A, badges: [], opacity: '' }]);
    badges.update();
    await settle();
    expect(library.lookups).toHaveLength(1);
    badges.configure({ capture: true, badges: false, dim: false });
    badges.update();
    await settle();
    expect(library.lookups).toHaveLength(1);
    expect(marks()[0].badges).toEqual([]);
    badges.dispose();
  });

  it('asks again after the background did not answer', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    showCards([A]);
    const { library, badges } = setUp([seen(A)]);
    library.failNext(1);
    badges.configure({ capture: true, badges: true, dim: false });
    await vi.waitFor(() => expect(marks()[0].badges).toHaveLength(1));
    expect(library.lookups).toEqual([[A], [A]]);
    expect(debug).toHaveBeenCalledOnce();
    debug.mockRestore();
    badges.dispose();
  });

  it('puts a line under a paper page’s title, and none for a paper first seen now', async () => {
    document.body.innerHTML = '<main><h1>A paper</h1><p>Abstract</p></main>';
    const { badges } = setUp([seen(A, { starred: true })], A);
    badges.configure({ capture: true, badges: true, dim: false });
    await settle();
    const line = document.querySelector('papershelf-shelf');
    expect(line?.previousElementSibling?.tagName).toBe('H1');
    expect(line?.shadowRoot?.textContent).toBe(`${shelfLineText(seen(A), NOW)}★ Starred`);
    badges.dispose();
    expect(document.querySelector('papershelf-shelf')).toBeNull();

    const fresh = setUp([], B);
    fresh.badges.configure({ capture: true, badges: true, dim: false });
    await settle();
    expect(document.querySelector('papershelf-shelf')).toBeNull();
    fresh.badges.dispose();
  });
});
