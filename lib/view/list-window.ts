// A window over a list of papers: the list is its ids, and only the rows on screen are held. The reads themselves
// are handed in, so this model knows no database: it decides what to read, and whether an answer is still wanted.
import { errorMessage } from '@/lib/errors';
import type { OrderPosition, SortKey } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';

/** Rows read per step as the list scrolls; a jump further than JUMP rows reads the whole order instead. */
export const PAGE = 100;
export const JUMP = 600;
/** A write re-reads at most this many rows from the top of the list; rows below are paged in again. */
export const REREAD_LIMIT = 1_000;
/** Rows kept in memory; far-away ones are read again if the user scrolls back. */
export const CACHE_LIMIT = 2_000;

/** The top of a sort's order, or the next stretch of it (`next` null: the order ends there). */
export interface OrderPage {
  papers: Paper[];
  next: OrderPosition | null;
}

/** How the plain list of the current sort is read. */
export interface PlainReads {
  /** `count` papers of the order from `after` (from its top without it). */
  page(count: number, after?: OrderPosition): Promise<OrderPage>;
  /** The ids of the whole order: for a long jump of the scrollbar. */
  order(): Promise<string[]>;
}

/** Papers by id, undefined where there is none. */
export type ReadPapers = (ids: string[]) => Promise<(Paper | undefined)[]>;

export class ListWindow {
  /** The list's papers in order, as ids. */
  ids: string[] = [];
  /** False while only the top of the list is known. */
  complete = false;
  /** A first screen has been shown. */
  firstShown = false;
  error: string | null = null;

  private readonly cache = new Map<string, Paper>();
  /** Ids being read, so a scroll does not ask for them twice. */
  private readonly pending = new Set<string>();
  /** The list on screen: every new list (a sort, a search, a filter) is the next number; older answers are dropped. */
  private list = 0;
  /** Where the plain list's next page starts (null: at its end, or another view is shown). */
  private next: OrderPosition | null = null;
  private busy = false;
  /** The sort of the plain list on screen (null: another view is): a write re-reads that list in place. */
  private plainSort: SortKey | null = null;

  /** `changed`: called after every change of what the window shows. `opening`: a plain list's first screen, read with the page. */
  constructor(
    private readonly changed: () => void,
    opening?: { sort: SortKey; page: OrderPage },
  ) {
    if (!opening) return;
    this.keep(opening.page.papers);
    this.ids = opening.page.papers.map((paper) => paper.id);
    this.complete = opening.page.next === null;
    this.firstShown = true;
    this.next = opening.page.next;
    this.plainSort = opening.sort;
  }

  paper(id: string): Paper | undefined {
    return this.cache.get(id);
  }

  /** Keeps papers read; past the limit, forgets others than these. */
  remember(papers: Paper[]): void {
    this.keep(papers);
    this.changed();
  }

  /** A list other than the plain one begins (a search, a topic, filters): answers for an earlier list are dropped. */
  beginView(): number {
    this.plainSort = null;
    return this.begin();
  }

  /** The window is gone: no answer is wanted any more. */
  close(): void {
    this.begin();
  }

  isCurrent(list: number): boolean {
    return list === this.list;
  }

  /**
   * The plain list of `sort` begins: how many rows to read from its top (after a write to the same list, as many as
   * were listed, so the rows on screen stay).
   */
  beginPlain(sort: SortKey, firstScreen: number): { list: number; count: number } {
    const listed = this.plainSort === sort ? Math.min(this.ids.length, REREAD_LIMIT) : 0;
    const list = this.begin();
    this.busy = true;
    return { list, count: Math.max(firstScreen, listed) };
  }

  /** The plain list's top has been read: it is the list now. */
  showPlain(list: number, sort: SortKey, { papers, next }: OrderPage): void {
    if (!this.isCurrent(list)) return;
    this.next = next;
    this.busy = false;
    this.plainSort = sort;
    this.keep(papers);
    this.ids = papers.map((paper) => paper.id);
    this.complete = next === null;
    this.firstShown = true;
    this.error = null;
    this.changed();
  }

  /** The plain list shown since the window was made stands for its first read: only where it goes on is taken. */
  continuePlain(list: number, sort: SortKey, next: OrderPosition | null): void {
    if (!this.isCurrent(list)) return;
    this.next = next;
    this.busy = false;
    this.plainSort = sort;
  }

  /** A list of ids worked out elsewhere (a search, a topic, filters) is the list now; `complete` false: more to come. */
  showIds(list: number, ids: string[], complete: boolean): void {
    if (!this.isCurrent(list)) return;
    this.ids = ids;
    this.complete = complete;
    this.error = null;
    this.changed();
  }

  /** The list is being worked out: what is shown stays, but is not the whole of it. */
  working(list: number): void {
    if (!this.isCurrent(list) || !this.complete) return;
    this.complete = false;
    this.changed();
  }

  fail(list: number, failure: unknown): void {
    if (this.isCurrent(list)) this.failed(failure);
  }

  /**
   * Rows [first, last) are on screen: more of the plain list is read if they pass its end (the next page from its
   * order, or the whole order for a long jump), and the rows not held are read.
   */
  need(first: number, last: number, plain: PlainReads | undefined, readPapers: ReadPapers): void {
    if (plain && last > this.ids.length) this.extend(last, plain);
    const missing = this.ids
      .slice(Math.max(0, first), last)
      .filter((id) => !this.cache.has(id) && !this.pending.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.pending.add(id);
    readPapers(missing)
      .then((papers) => this.remember(papers.filter((paper): paper is Paper => Boolean(paper))))
      .catch((failure) => this.failed(failure))
      .finally(() => {
        for (const id of missing) this.pending.delete(id);
      });
  }

  /**
   * Papers written since they were read (`ids` null: any of them) are read again; each row keeps showing what it
   * showed until its new version arrives, so a starred row never flickers out. Papers gone are forgotten.
   */
  refresh(ids: string[] | null, readPapers: ReadPapers): void {
    const stale = ids ? ids.filter((id) => this.cache.has(id)) : [...this.cache.keys()];
    if (stale.length === 0) return;
    readPapers(stale)
      .then((papers) => {
        stale.forEach((id, index) => {
          if (!papers[index]) this.cache.delete(id);
        });
        this.remember(papers.filter((paper): paper is Paper => Boolean(paper)));
      })
      .catch((failure) => this.failed(failure));
  }

  private begin(): number {
    this.list += 1;
    this.next = null;
    this.busy = false;
    return this.list;
  }

  private extend(last: number, plain: PlainReads): void {
    if (this.busy || !this.next) return;
    const { list, next } = this;
    const known = this.ids.length;
    this.busy = true;
    const done = (more: string[], after: OrderPosition | null) => {
      if (!this.isCurrent(list)) return;
      this.next = after;
      this.busy = false;
      this.ids = [...this.ids, ...more];
      this.complete = after === null;
      this.changed();
    };
    const read =
      last - known <= JUMP
        ? plain.page(Math.max(PAGE, last - known), next).then(({ papers, next: after }) => {
            this.remember(papers);
            done(
              papers.map((paper) => paper.id),
              after,
            );
          })
        : plain.order().then((order) => done(order.slice(known), null));
    read.catch((failure) => {
      if (!this.isCurrent(list)) return;
      this.busy = false;
      this.failed(failure);
    });
  }

  private keep(papers: Paper[]): void {
    for (const paper of papers) this.cache.set(paper.id, paper);
    if (this.cache.size <= CACHE_LIMIT) return;
    const visible = new Set(papers.map((paper) => paper.id));
    for (const id of this.cache.keys()) {
      if (this.cache.size <= CACHE_LIMIT / 2) break;
      if (!visible.has(id)) this.cache.delete(id);
    }
  }

  private failed(failure: unknown): void {
    this.error = errorMessage(failure);
    this.changed();
  }
}
