import type { OrderPosition } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import {
  CACHE_LIMIT,
  JUMP,
  ListWindow,
  type OrderPage,
  PAGE,
  type PlainReads,
  REREAD_LIMIT,
} from '@/lib/view/list-window';
import { makePaper } from '../helpers/papers';

const idOf = (index: number) => `2601.${String(index).padStart(5, '0')}`;
/** An order of `length` papers, newest first; each position is its index. */
const order = (length: number) => Array.from({ length }, (_, index) => makePaper(idOf(index)));

/** Reads of an order held in memory; each call is logged, and answers wait until the test lets them go. */
function fakeReads(papers: Paper[]) {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const calls: string[] = [];
  const held: (() => void)[] = [];
  const later = <T>(value: () => T) =>
    new Promise<T>((resolve) => {
      held.push(() => resolve(value()));
    });
  const pageAt = (start: number, count: number): OrderPage => {
    const end = Math.min(papers.length, start + count);
    const last = papers[end - 1];
    return {
      papers: papers.slice(start, end),
      next: end < papers.length ? { key: last.lastSeenAt, id: last.id } : null,
    };
  };
  const plain: PlainReads = {
    page(count: number, after?: OrderPosition) {
      const start = after ? papers.findIndex((paper) => paper.id === after.id) + 1 : 0;
      calls.push(`page ${start}+${count}`);
      return later(() => pageAt(start, count));
    },
    order() {
      calls.push('order');
      return later(() => papers.map((paper) => paper.id));
    },
  };
  const readPapers = (ids: string[]) => {
    calls.push(`papers ${ids.length}`);
    return later(() => ids.map((id) => byId.get(id)));
  };
  /** Lets every held answer go and waits for what follows from them. */
  const answer = async () => {
    while (held.length) held.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { plain, readPapers, calls, answer, pageAt, byId };
}

/** A window showing the top 30 rows of the plain list of `papers`, last seen first. */
function plainWindow(papers: Paper[]) {
  const reads = fakeReads(papers);
  const rows = new ListWindow(() => {});
  const { list } = rows.beginPlain('lastSeen', 30);
  rows.showPlain(list, 'lastSeen', reads.pageAt(0, 30));
  return { reads, rows, list };
}

describe('a window over a list of papers', () => {
  it('starts from the first screen read with the opening, and goes on from where it ended', async () => {
    const papers = order(250);
    const reads = fakeReads(papers);
    const changed = vi.fn();
    const rows = new ListWindow(changed, { sort: 'lastSeen', page: reads.pageAt(0, 30) });
    expect(rows.ids).toEqual(papers.slice(0, 30).map((paper) => paper.id));
    expect(rows.paper(idOf(29))?.title).toBe(`Paper ${idOf(29)}`);
    expect(rows.complete).toBe(false);
    expect(rows.firstShown).toBe(true);

    const { list } = rows.beginPlain('lastSeen', 30);
    rows.continuePlain(list, 'lastSeen', reads.pageAt(0, 30).next);
    rows.need(20, 40, reads.plain, reads.readPapers);
    expect(reads.calls).toEqual([`page 30+${PAGE}`]);
    await reads.answer();
    expect(rows.ids).toHaveLength(30 + PAGE);
    expect(rows.ids[30]).toBe(idOf(30));
    expect(rows.paper(idOf(129))).toBeDefined();
    expect(changed).toHaveBeenCalled();
  });

  it('pages the plain list as it scrolls, one read at a time, until its end', async () => {
    const papers = order(130);
    const reads = fakeReads(papers);
    const rows = new ListWindow(() => {});
    const { list, count } = rows.beginPlain('upvotes', 30);
    expect(count).toBe(30);
    rows.showPlain(list, 'upvotes', reads.pageAt(0, 30));
    rows.need(25, 35, reads.plain, reads.readPapers);
    rows.need(26, 36, reads.plain, reads.readPapers); // still reading: not asked twice
    expect(reads.calls).toEqual([`page 30+${PAGE}`]);
    await reads.answer();
    expect(rows.ids).toEqual(papers.map((paper) => paper.id));
    expect(rows.complete).toBe(true);
    rows.need(120, 140, reads.plain, reads.readPapers);
    expect(reads.calls).toHaveLength(1); // at the end: nothing more to read
  });

  it('reads the whole order, not page after page, for a long jump of the scrollbar', async () => {
    const { reads, rows } = plainWindow(order(3000));
    rows.need(2000, 2020, reads.plain, reads.readPapers);
    expect(reads.calls).toEqual(['order']);
    await reads.answer();
    expect(rows.ids).toHaveLength(3000);
    expect(rows.complete).toBe(true);
    // The rows of the jump are read next, not held yet.
    expect(rows.paper(idOf(2000))).toBeUndefined();
    rows.need(2000, 2020, reads.plain, reads.readPapers);
    expect(reads.calls.at(-1)).toBe('papers 20');
    await reads.answer();
    expect(rows.paper(idOf(2010))?.id).toBe(idOf(2010));
    // A short step past the end reads a page, not the order.
    const short = new ListWindow(() => {});
    const started = short.beginPlain('lastSeen', 30);
    short.showPlain(started.list, 'lastSeen', reads.pageAt(0, 30));
    short.need(0, 30 + JUMP, reads.plain, reads.readPapers);
    expect(reads.calls.at(-1)).toBe(`page 30+${JUMP}`);
  });

  it('drops an answer for a list that is no longer shown', async () => {
    const { reads, rows, list: plain } = plainWindow(order(200));
    rows.need(20, 40, reads.plain, reads.readPapers); // a page is on its way…
    const search = rows.beginView(); // …when a search is typed
    rows.showIds(search, [idOf(150), idOf(3)], true);
    rows.showPlain(plain, 'lastSeen', reads.pageAt(0, 60)); // a late read of the plain list
    await reads.answer();
    expect(rows.ids).toEqual([idOf(150), idOf(3)]);
    expect(rows.complete).toBe(true);
    rows.fail(plain, new Error('late'));
    expect(rows.error).toBeNull();
    rows.fail(search, new Error('the database is gone'));
    expect(rows.error).toBe('the database is gone');
  });

  it('re-reads as many rows as were listed after a write to the same list, and a first screen for another sort', async () => {
    const { reads, rows } = plainWindow(order(400));
    rows.need(25, 35, reads.plain, reads.readPapers);
    await reads.answer();
    expect(rows.ids).toHaveLength(130);
    expect(rows.beginPlain('lastSeen', 30).count).toBe(130);
    expect(rows.beginPlain('published', 30).count).toBe(30);
    // Far down a long list, no more than the limit.
    const long = new ListWindow(() => {});
    const view = long.beginView();
    long.showIds(
      view,
      order(REREAD_LIMIT + 500).map((paper) => paper.id),
      true,
    );
    expect(long.beginPlain('lastSeen', 30).count).toBe(30); // it was not the plain list
    const plainLong = long.beginPlain('lastSeen', 30);
    long.showPlain(plainLong.list, 'lastSeen', { papers: order(REREAD_LIMIT + 500), next: null });
    expect(long.beginPlain('lastSeen', 30).count).toBe(REREAD_LIMIT);
  });

  it('reads only the rows on screen that it does not hold, once', async () => {
    const papers = order(50);
    const reads = fakeReads(papers);
    const rows = new ListWindow(() => {});
    const view = rows.beginView();
    rows.remember(papers.slice(0, 5));
    rows.showIds(
      view,
      papers.map((paper) => paper.id),
      true,
    );
    rows.need(0, 10, undefined, reads.readPapers);
    rows.need(0, 10, undefined, reads.readPapers);
    expect(reads.calls).toEqual(['papers 5']);
    await reads.answer();
    expect(rows.paper(idOf(9))).toBeDefined();
    rows.need(0, 10, undefined, reads.readPapers);
    expect(reads.calls).toHaveLength(1);
  });

  it('re-reads the papers a write touched, keeps showing them meanwhile, and forgets the deleted', async () => {
    const papers = order(10);
    const reads = fakeReads(papers);
    const rows = new ListWindow(() => {}, { sort: 'lastSeen', page: { papers, next: null } });
    reads.byId.set(idOf(1), { ...papers[1], starred: true });
    reads.byId.delete(idOf(2));
    rows.refresh([idOf(1), idOf(2), '2699.00001'], reads.readPapers);
    expect(reads.calls).toEqual(['papers 2']); // a paper the window never held is not read
    expect(rows.paper(idOf(1))?.starred).toBe(false);
    await reads.answer();
    expect(rows.paper(idOf(1))?.starred).toBe(true);
    expect(rows.paper(idOf(2))).toBeUndefined();
    rows.refresh(null, reads.readPapers); // many changes: every held paper
    expect(reads.calls.at(-1)).toBe('papers 9');
  });

  it('holds at most its limit of papers, keeping the ones just read', () => {
    const rows = new ListWindow(() => {});
    const papers = order(CACHE_LIMIT + 1);
    rows.remember(papers.slice(0, CACHE_LIMIT));
    rows.remember(papers.slice(CACHE_LIMIT));
    const held = papers.filter((paper) => rows.paper(paper.id));
    expect(held.length).toBeLessThanOrEqual(CACHE_LIMIT / 2);
    expect(rows.paper(idOf(CACHE_LIMIT))).toBeDefined();
  });

  it('says a list being worked out is not complete, and a read that failed', async () => {
    const rows = new ListWindow(() => {});
    const view = rows.beginView();
    rows.showIds(view, [idOf(1)], true);
    const next = rows.beginView();
    rows.working(next);
    expect(rows.complete).toBe(false);
    expect(rows.ids).toEqual([idOf(1)]); // what was shown stays until the new list is known
    rows.need(0, 1, undefined, () => Promise.reject(new Error('read failed')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rows.error).toBe('read failed');
    rows.showIds(next, [idOf(2)], true);
    expect(rows.error).toBeNull();
  });
});
