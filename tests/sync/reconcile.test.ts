// Two (or three) browsers exchanging the synced copy, in memory: each pass is the pure function the background runs.

import { mergeSighting } from '@/lib/library/merge';
import { toStored } from '@/lib/library/stored';
import type { Paper, StoredPaper } from '@/lib/paper';
import type { EncodedItem } from '@/lib/sync/codec';
import { type Stamp, toIso } from '@/lib/sync/entry';
import { itemBytes } from '@/lib/sync/quota';
import { agreedShards, readRemote, reconcile } from '@/lib/sync/reconcile';
import { NO_SYNC_BASE, type SyncBase } from '@/lib/sync/settings';
import { makePaper } from '../helpers/papers';
import { at } from './entries';

type Items = Record<string, unknown>;

class Browser {
  papers = new Map<string, StoredPaper>();
  base: SyncBase = NO_SYNC_BASE;
  items: Items = {};

  constructor(papers: Paper[] = []) {
    for (const paper of papers) this.papers.set(paper.id, toStored({ ...paper, recentViewIds: [] }, paper.lastSeenAt));
  }

  /** A user's edit here, stamped like the library's own writes. */
  edit(id: string, change: Partial<Paper>, seconds: number) {
    const paper = this.papers.get(id) as StoredPaper;
    this.papers.set(id, { ...paper, ...change, annotatedAt: toIso(at(seconds)) });
  }

  /** One pass at `seconds`, against this browser's copy of the synced items; returns what it wrote. */
  pass(seconds: number): Items {
    const now: Stamp = at(seconds);
    const remote = readRemote(this.items, now, (key) => itemBytes(key, this.items[key]));
    const agreed = agreedShards(this.base);
    const wanted = new Map<string, StoredPaper | undefined>(this.papers);
    for (const shard of [...agreed, ...remote.map((theirs) => theirs.state)])
      for (const id of shard.entries.keys()) wanted.set(id, this.papers.get(id));
    const result = reconcile({ now, agreed, remote, papers: wanted });
    for (const change of result.changes) {
      if (change.kind === 'delete') this.papers.delete(change.id);
      else this.papers.set(change.record.id, toStored(change.record, toIso(now)));
    }
    this.base = { scanned: true, watermark: null, shards: result.agreed };
    Object.assign(this.items, structuredClone(result.writes));
    this.report = result.report;
    return result.writes;
  }

  report: ReturnType<typeof reconcile>['report'] | undefined;

  /** What the browser's sync delivers: the other's items, as they are there. */
  receive(items: Items) {
    Object.assign(this.items, structuredClone(items));
  }

  annotations(id: string) {
    const paper = this.papers.get(id);
    return (
      paper && {
        starred: paper.starred,
        tags: paper.tags,
        note: paper.note,
        readingState: paper.readingState ?? null,
        onlyFromSync: paper.onlyFromSync ?? false,
      }
    );
  }
}

const P1 = '2401.00001';
const P2 = '2401.00002';
const P3 = '2401.00003';
const library = () => [P1, P2, P3].map((id) => makePaper(id, { lastSeenAt: toIso(at(0)), firstSeenAt: toIso(at(0)) }));

/** A annotates three papers; B, which never saw them, receives A's copy. */
function annotatedInA() {
  const a = new Browser(library());
  a.edit(P1, { starred: true }, 1);
  a.edit(P2, { tags: ['rl', 'survey'], note: 'Compare with last week.' }, 2);
  a.edit(P3, { readingState: 'to-read', queuedAt: toIso(at(3)) }, 3);
  a.pass(10);
  const b = new Browser();
  b.receive(a.items);
  b.pass(11);
  return { a, b };
}

describe('a pass between a library and the synced copy', () => {
  it('brings another browser’s annotated papers, with titles, marked as known only through sync', () => {
    const { a, b } = annotatedInA();
    expect(b.annotations(P1)).toEqual({ starred: true, tags: [], note: null, readingState: null, onlyFromSync: true });
    expect(b.annotations(P2)).toMatchObject({ tags: ['rl', 'survey'], note: 'Compare with last week.' });
    expect(b.papers.get(P3)).toMatchObject({ readingState: 'to-read', queuedAt: toIso(at(3)), seenCount: 0 });
    expect(b.papers.get(P1)?.title).toBe(a.papers.get(P1)?.title);
    expect(b.report).toMatchObject({ papers: 3, leftOut: 0, unreadable: 0 });
  });

  it('keeps both edits when two browsers change different fields of one paper', () => {
    const { a, b } = annotatedInA();
    a.edit(P2, { starred: true }, 20);
    b.edit(P2, { note: 'Edited in B.' }, 21);
    const fromA = a.pass(30);
    const fromB = b.pass(31);
    a.receive(fromB);
    b.receive(fromA);
    a.pass(40);
    b.pass(41);
    for (const browser of [a, b])
      expect(browser.annotations(P2)).toMatchObject({ starred: true, tags: ['rl', 'survey'], note: 'Edited in B.' });
  });

  it('takes the newer of two edits of the same field, whichever arrives first', () => {
    const { a, b } = annotatedInA();
    a.edit(P1, { note: 'Earlier, in A' }, 20);
    b.edit(P1, { note: 'Later, in B' }, 25);
    const [fromA, fromB] = [a.pass(30), b.pass(30)];
    a.receive(fromB);
    b.receive(fromA);
    a.pass(40);
    b.pass(40);
    expect(a.annotations(P1)).toEqual({ ...b.annotations(P1), onlyFromSync: false });
    expect(a.annotations(P1)).toMatchObject({ starred: true, note: 'Later, in B' });
  });

  it('ends in the same library whatever order two browsers’ changes arrive in', () => {
    const { a, b } = annotatedInA();
    const c = new Browser();
    c.receive(a.items);
    c.pass(12);
    a.edit(P1, { note: 'From A' }, 20);
    c.edit(P1, { readingState: 'read', starred: false }, 22);
    const [fromA, fromC] = [a.pass(30), c.pass(30)];
    const first = new Browser();
    const second = new Browser();
    Object.assign(first, { papers: new Map(b.papers), base: b.base, items: structuredClone(b.items) });
    Object.assign(second, { papers: new Map(b.papers), base: b.base, items: structuredClone(b.items) });
    first.receive(fromA);
    first.pass(40);
    first.receive(fromC);
    first.pass(41);
    second.receive(fromC);
    second.pass(40);
    second.receive(fromA);
    second.pass(41);
    expect(first.annotations(P1)).toEqual(second.annotations(P1));
    expect(first.annotations(P1)).toMatchObject({ starred: false, note: 'From A', readingState: 'read' });
  });

  it('changes nothing when the same state arrives twice, and writes nothing back', () => {
    const { b } = annotatedInA();
    const before = structuredClone([...b.papers.values()]);
    expect(b.pass(12)).toEqual({});
    expect([...b.papers.values()]).toEqual(before);
  });

  it('ignores an older state replayed later, and writes the newer one back over it', () => {
    const { a, b } = annotatedInA();
    const older = structuredClone(a.items);
    b.edit(P1, { starred: false }, 20);
    a.receive(b.pass(30));
    a.pass(31);
    const followed = structuredClone([...a.papers.values()]);
    expect(a.annotations(P1)?.starred).toBe(false);
    a.receive(older);
    const rewritten = a.pass(40);
    expect([...a.papers.values()]).toEqual(followed);
    expect(Object.keys(rewritten).length).toBeGreaterThan(0);
  });

  it('carries a removal: a paper known only through sync goes, a captured one keeps its facts but not the removed annotations', () => {
    const { a, b } = annotatedInA();
    const c = new Browser(library()); // saw the papers itself
    c.receive(a.items);
    c.pass(12);
    expect(c.annotations(P2)).toMatchObject({ tags: ['rl', 'survey'], onlyFromSync: false });
    a.papers.delete(P2);
    const removal = a.pass(20);
    b.receive(removal);
    b.pass(21);
    c.receive(removal);
    c.pass(21);
    expect(b.papers.has(P2)).toBe(false);
    expect(c.annotations(P2)).toEqual({
      starred: false,
      tags: [],
      note: null,
      readingState: null,
      onlyFromSync: false,
    });
    // An edit after the removal wins over it, everywhere: the paper comes back, as one known through sync.
    c.edit(P2, { starred: true }, 30);
    const edit = c.pass(31);
    for (const browser of [a, b]) {
      browser.receive(edit);
      browser.pass(32);
      expect(browser.annotations(P2)).toEqual({
        starred: true,
        tags: [],
        note: null,
        readingState: null,
        onlyFromSync: true,
      });
    }
  });

  it('orders an edit after what it replaced even when the editing browser’s clock is behind', () => {
    const { a, b } = annotatedInA();
    a.edit(P2, { tags: ['from A'] }, 100); // A's clock runs ahead
    b.receive(a.pass(101));
    b.pass(50);
    b.edit(P2, { tags: ['seen, then changed in B'] }, 60); // at 60 by B's clock
    a.receive(b.pass(61));
    a.pass(102);
    expect(a.annotations(P2)?.tags).toEqual(['seen, then changed in B']);
  });

  it('lets a page capture fill in a paper known only through sync, which then loses its mark', () => {
    const { b } = annotatedInA();
    const stored = b.papers.get(P1) as StoredPaper;
    const captured = mergeSighting(
      stored,
      { id: P1, title: 'Its title on the page', abstract: 'Whole.' },
      'v1',
      toIso(at(50)),
    );
    expect(captured).toMatchObject({ title: 'Its title on the page', abstract: 'Whole.', seenCount: 1, starred: true });
    expect(captured.onlyFromSync).toBeUndefined();
    expect(captured.firstSeenAt).toBe(toIso(at(50)));
  });

  it('refuses a bad item alone: the rest applies, the library is untouched by it, and it is not overwritten', () => {
    const { a } = annotatedInA();
    const b = new Browser();
    const items = structuredClone(a.items);
    const [victim] = Object.keys(items);
    items[victim] = { v: 1, e: [['2401.00009', '<script>', 'zz', 1]] };
    b.receive(items);
    const writes = b.pass(11);
    expect(b.report?.unreadable).toBe(1);
    expect(b.papers.has('2401.00009')).toBe(false);
    expect(writes[victim]).toBeUndefined();
    expect(b.papers.size).toBe(3 - (a.items[victim] as EncodedItem).e.length);
  });
});
