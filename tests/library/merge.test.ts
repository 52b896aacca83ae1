import { capHistory, mergeImported, mergeSighting, tallyImport } from '@/lib/library/merge';
import { readCards } from '@/lib/page/cards';
import { readPage } from '@/lib/page/read-page';
import type { Paper, PaperSighting } from '@/lib/paper';
import { parseHtml, readHfFixture } from '../helpers/fixtures';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-01-02T00:00:00.000Z';
const T3 = '2026-01-03T00:00:00.000Z';
const rich: PaperSighting = {
  id: '2509.24002',
  title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
  abstract: 'MCP standardizes how LLMs interact with external systems.',
  authors: ['Zijian Wu', 'Xiangyan Liu'],
  upvotes: 118,
  publishedAt: '2025-09-28T17:53:27.000Z',
  keywords: ['MCP', 'LLMs'],
  githubRepo: 'https://github.com/eval-sys/mcpmark',
};

describe('mergeSighting', () => {
  it('creates a record with the bookkeeping of a first sighting', () => {
    const paper = mergeSighting(undefined, rich, 'view-a', T1);
    expect(paper).toMatchObject({
      ...rich,
      url: 'https://huggingface.co/papers/2509.24002',
      firstSeenAt: T1,
      lastSeenAt: T1,
      seenCount: 1,
      starred: false,
      tags: [],
      note: null,
      comments: null,
      upvoteHistory: [{ at: T1, upvotes: 118 }],
      recentViewIds: ['view-a'],
    });
  });

  it('counts distinct views, not re-reads of the same view', () => {
    let paper = mergeSighting(undefined, rich, 'view-a', T1);
    paper = mergeSighting(paper, rich, 'view-a', T2);
    expect(paper.seenCount).toBe(1);
    paper = mergeSighting(paper, rich, 'view-b', T3);
    expect(paper).toMatchObject({ seenCount: 2, firstSeenAt: T1, lastSeenAt: T3 });
  });

  it('never lets a blank or poorer value overwrite a richer one', () => {
    const stored = mergeSighting(undefined, rich, 'view-a', T1);
    const poor = mergeSighting(
      stored,
      { id: rich.id, title: 'MCPMark', titleSource: 'link', authors: ['xyz'], keywords: [] } as PaperSighting,
      'view-b',
      T2,
    );
    expect(poor).toMatchObject({
      title: rich.title,
      abstract: rich.abstract,
      authors: rich.authors,
      keywords: rich.keywords,
      upvotes: 118,
      githubRepo: rich.githubRepo,
    });
  });

  it('takes the latest counts, longer texts and keyword unions', () => {
    const stored = mergeSighting(undefined, rich, 'view-a', T1);
    const next = mergeSighting(
      stored,
      {
        id: rich.id,
        title: rich.title,
        upvotes: 130,
        comments: 4,
        keywords: ['mcp', 'agents'],
        abstract: `${rich.abstract} More.`,
      },
      'view-b',
      T2,
    );
    expect(next).toMatchObject({
      upvotes: 130,
      comments: 4,
      keywords: ['MCP', 'LLMs', 'agents'],
      abstract: `${rich.abstract} More.`,
    });
    expect(next.upvoteHistory).toEqual([
      { at: T1, upvotes: 118 },
      { at: T2, upvotes: 130 },
    ]);
    // An unchanged count marks how long it held: the plateau keeps its first and its latest observation.
    const held = mergeSighting(next, { ...rich, upvotes: 130 }, 'view-c', T3);
    expect(held.upvoteHistory).toEqual([...next.upvoteHistory, { at: T3, upvotes: 130 }]);
    expect(mergeSighting(held, { ...rich, upvotes: 130 }, 'view-d', T4).upvoteHistory).toEqual([
      ...next.upvoteHistory,
      { at: T4, upvotes: 130 },
    ]);
    expect(mergeSighting(held, { ...rich, upvotes: 130 }, 'view-c', T3).upvoteHistory).toEqual(held.upvoteHistory);
  });

  it('keeps the user’s star, tags and note through captures', () => {
    const stored = { ...mergeSighting(undefined, rich, 'view-a', T1), starred: true, tags: ['read'], note: 'good' };
    expect(mergeSighting(stored, rich, 'view-b', T2)).toMatchObject({ starred: true, tags: ['read'], note: 'good' });
  });

  it('marks the paper opened only when the view is its own page', () => {
    expect(mergeSighting(undefined, rich, 'v1', T1).openedAt).toBe(null);
    const opened = mergeSighting(undefined, rich, 'v1', T1, true);
    expect(opened.openedAt).toBe(T1);
    expect(mergeSighting(opened, rich, 'v2', T2).openedAt).toBe(T1);
  });

  it('remembers only the last 32 views', () => {
    let paper = mergeSighting(undefined, rich, 'view-0', T1);
    for (let view = 1; view < 40; view++) paper = mergeSighting(paper, rich, `view-${view}`, T1);
    expect(paper.seenCount).toBe(40);
    expect(paper.recentViewIds).toHaveLength(32);
  });
});

describe('capHistory', () => {
  it('thins the older half when the series is full, keeping the newest points and the first', () => {
    const series = Array.from({ length: 129 }, (_, index) => ({ at: String(index).padStart(4, '0'), upvotes: index }));
    const capped = capHistory(series);
    expect(capped.length).toBeLessThan(129);
    expect(capped[0]).toEqual(series[0]);
    expect(capped.at(-1)).toEqual(series.at(-1));
    expect(capped.slice(-64)).toEqual(series.slice(-64));
  });
});

type Sourced = PaperSighting & { titleSource?: 'island' | 'card' | 'link' };
type StoredRecord = ReturnType<typeof mergeSighting> & { titleSource?: string; annotatedAt?: string | null };
const T4 = '2026-01-04T00:00:00.000Z';

describe('mergeSighting: titles', () => {
  const island: Sourced = { ...rich, titleSource: 'island' };
  const fromIsland = mergeSighting(undefined, island, 'view-a', T1) as StoredRecord;

  it('remembers where the title was read', () => {
    expect(fromIsland.titleSource).toBe('island');
    expect((mergeSighting(undefined, { ...rich, titleSource: 'link' }, 'v', T1) as StoredRecord).titleSource).toBe(
      'link',
    );
  });

  it('never takes a longer string from a weaker source', () => {
    const longerCard: Sourced = { id: rich.id, title: `${rich.title} (extended version)`, titleSource: 'card' };
    const abstractLink: Sourced = { id: rich.id, title: rich.abstract as string, titleSource: 'link' };
    let paper = mergeSighting(fromIsland, longerCard, 'view-b', T2);
    paper = mergeSighting(paper, abstractLink, 'view-c', T3);
    expect(paper).toMatchObject({ title: rich.title, titleSource: 'island', seenCount: 3 });
  });

  it('lets a stronger reading replace the title, and an equal one only with a plausible newer title', () => {
    const fromLink = mergeSighting(undefined, { id: rich.id, title: 'MCPMark', titleSource: 'link' }, 'a', T1);
    const card = mergeSighting(fromLink, { id: rich.id, title: 'MCPMark: A Benchmark', titleSource: 'card' }, 'b', T2);
    expect(card).toMatchObject({ title: 'MCPMark: A Benchmark', titleSource: 'card' });
    // A renamed paper: the newer card heading wins over the older one, even though it is shorter.
    const renamed = mergeSighting(card, { id: rich.id, title: 'MCPMark v2', titleSource: 'card' }, 'c', T3);
    expect(renamed.title).toBe('MCPMark v2');
    // …but a caption or an abstract never passes for a title.
    const sentences = 'We present MCPMark. It stresses agents. Results are poor.';
    expect(mergeSighting(renamed, { id: rich.id, title: sentences, titleSource: 'card' }, 'd', T4).title).toBe(
      'MCPMark v2',
    );
    expect(mergeSighting(renamed, { ...rich, title: 'x'.repeat(301), titleSource: 'card' }, 'e', T4).title).toBe(
      'MCPMark v2',
    );
    expect(mergeSighting(renamed, { ...island, title: 'MCPMark (island)' }, 'f', T4)).toMatchObject({
      title: 'MCPMark (island)',
      titleSource: 'island',
    });
  });

  it('repairs a title that an older version took from an abstract, once a card is read', () => {
    // Stored before sources were kept: the whole abstract as the title, no titleSource.
    const polluted = { ...mergeSighting(undefined, rich, 'a', T1), title: `${rich.abstract} It is hard.` };
    delete (polluted as StoredRecord).titleSource;
    const repaired = mergeSighting(polluted, { id: rich.id, title: rich.title, titleSource: 'card' }, 'b', T2);
    expect(repaired).toMatchObject({ title: rich.title, titleSource: 'card' });
  });

  it('on a real daily list: no abstract passes for a title, and the island’s reading replaces a card’s', () => {
    const html = readHfFixture('2024-08-01_papers-date_slbqc.html');
    const fromIsland = readPage(parseHtml(html), 'https://huggingface.co/papers/date/2024-08-01').papers;
    const fromCards = readCards(parseHtml(html));
    expect(fromCards.map((card) => card.id)).toEqual(fromIsland.map((paper) => paper.id));
    fromCards.forEach((card, index) => {
      const island = fromIsland[index] as Sourced;
      const misread = (titleSource: 'card' | 'link'): Sourced => ({
        id: card.id,
        title: island.abstract ?? '',
        titleSource,
      });
      let paper = mergeSighting(undefined, card, 'view-a', T1);
      paper = mergeSighting(paper, misread('card'), 'view-b', T2);
      paper = mergeSighting(paper, misread('link'), 'view-c', T3);
      expect(paper).toMatchObject({ title: card.title, titleSource: 'card' });
      paper = mergeSighting(paper, island, 'view-d', T4);
      expect(paper).toMatchObject({ title: island.title, titleSource: 'island', abstract: island.abstract });
      expect(mergeSighting(paper, misread('card'), 'view-e', T4).title).toBe(island.title);
    });
  });
});

describe('mergeImported', () => {
  const imported = { ...mergeSighting(undefined, rich, 'v', T2), starred: true, tags: ['x'], note: 'n', seenCount: 5 };
  const { recentViewIds: _, ...paper } = imported;

  /** A library record observed at `seen` with `upvotes`, and a history point at each of `points`. */
  function observed(seen: string, upvotes: number, fields: Partial<Paper & { annotatedAt: string | null }> = {}) {
    const { recentViewIds: _views, ...record } = mergeSighting(
      undefined,
      { ...rich, upvotes, comments: upvotes % 7 },
      'v',
      seen,
    );
    return { ...record, ...fields } as Paper & { annotatedAt?: string | null };
  }
  const inLibrary = (record: Paper) => ({ ...record, recentViewIds: ['v'] });

  it('keeps an imported paper exactly in an empty slot', () => {
    expect(mergeImported(undefined, paper)).toEqual({
      record: { ...paper, recentViewIds: [] },
      added: true,
      keptNewerCounts: false,
      keptNewerAnnotation: false,
    });
  });

  it('an old backup does not roll counts back, and its history joins the library’s', () => {
    const backup = observed(T1, 100);
    const library = { ...observed(T3, 130), upvoteHistory: [{ at: T3, upvotes: 130 }] };
    const merge = mergeImported(inLibrary(library), backup);
    expect(merge.record).toMatchObject({ upvotes: 130, comments: 130 % 7, firstSeenAt: T1, lastSeenAt: T3 });
    expect(merge.record.upvoteHistory).toEqual([
      { at: T1, upvotes: 100 },
      { at: T3, upvotes: 130 },
    ]);
    expect(merge).toMatchObject({ added: false, keptNewerCounts: true });
  });

  it('a newer file brings its newer counts, but a blank in it never erases a count', () => {
    const library = inLibrary({ ...observed(T1, 100), githubStars: 40 });
    const newer = { ...observed(T3, 150), comments: null, githubStars: null };
    const merge = mergeImported(library, newer);
    expect(merge.record).toMatchObject({ upvotes: 150, comments: 100 % 7, githubStars: 40, lastSeenAt: T3 });
    expect(merge.keptNewerCounts).toBe(false);
  });

  it('dates counts by the last upvote point when it is later than lastSeenAt', () => {
    const library = inLibrary(observed(T2, 100));
    const file = { ...observed(T1, 120), upvoteHistory: [{ at: T3, upvotes: 120 }] };
    expect(mergeImported(library, file).record.upvotes).toBe(120);
  });

  it('unites histories sorted by time, one point per time, a run of one value kept as its ends, capped', () => {
    const series = (from: number, step: number) =>
      Array.from({ length: 128 }, (_, n) => ({
        at: new Date(Date.UTC(2026, 0, 1, from + n * step)).toISOString(),
        upvotes: from + n * step,
      }));
    const library = inLibrary({ ...observed(T1, 0), upvoteHistory: series(0, 2) });
    const file = { ...observed(T4, 0), upvoteHistory: [...series(1, 2), { at: T1, upvotes: 0 }] };
    const { upvoteHistory } = mergeImported(library, file).record;
    expect(upvoteHistory.length).toBeLessThanOrEqual(128);
    expect(upvoteHistory[0]).toEqual({ at: T1, upvotes: 0 });
    expect(upvoteHistory.at(-1)).toEqual(file.upvoteHistory[127]);
    const times = upvoteHistory.map((point) => point.at);
    expect(times).toEqual([...new Set(times)].sort());
    const same = [
      { at: T1, upvotes: 5 },
      { at: T2, upvotes: 5 },
      { at: T3, upvotes: 5 },
      { at: T4, upvotes: 6 },
    ];
    expect(
      mergeImported(inLibrary({ ...observed(T1, 5), upvoteHistory: [same[0], same[2]] }), {
        ...observed(T4, 6),
        upvoteHistory: [same[1], same[3]],
      }).record.upvoteHistory,
    ).toEqual([same[0], same[2], same[3]]);
  });

  describe('star, tags and note: the later user edit wins', () => {
    const starredBackup = observed(T1, 1, {
      starred: true,
      tags: ['old', 'gone'],
      note: 'first\nthoughts',
      annotatedAt: T1,
    });

    it('both dated: the library’s later edit is kept (a removed star and tag stay removed)', () => {
      const library = inLibrary(observed(T2, 1, { starred: false, tags: ['old'], note: null, annotatedAt: T3 }));
      const merge = mergeImported(library, starredBackup);
      expect(merge.record).toMatchObject({ starred: false, tags: ['old'], note: null, annotatedAt: T3 });
      expect(merge.keptNewerAnnotation).toBe(true);
    });

    it('both dated: the file’s later edit replaces the library’s, tags and all', () => {
      const library = inLibrary(observed(T2, 1, { starred: false, tags: ['mine'], note: 'x', annotatedAt: T1 }));
      const file = observed(T1, 1, { starred: true, tags: ['theirs'], note: 'two\nlines', annotatedAt: T4 });
      const merge = mergeImported(library, file);
      expect(merge.record).toMatchObject({ starred: true, tags: ['theirs'], note: 'two\nlines', annotatedAt: T4 });
      expect(merge.keptNewerAnnotation).toBe(false);
    });

    it('only one dated: that one wins', () => {
      const undatedLibrary = inLibrary(observed(T3, 1, { starred: false, tags: [], note: null }));
      expect(mergeImported(undatedLibrary, starredBackup).record).toMatchObject({
        starred: true,
        tags: ['old', 'gone'],
        note: 'first\nthoughts',
        annotatedAt: T1,
      });
      const datedLibrary = inLibrary(observed(T1, 1, { starred: false, tags: ['kept'], note: null, annotatedAt: T2 }));
      const undatedFile = observed(T4, 1, { starred: true, tags: ['x'], note: 'n' });
      expect(mergeImported(datedLibrary, undatedFile).record).toMatchObject({
        starred: false,
        tags: ['kept'],
        note: null,
        annotatedAt: T2,
      });
    });

    it('neither dated: the library’s are kept, nothing the user removed comes back', () => {
      const library = inLibrary(observed(T2, 1, { starred: false, tags: ['kept'], note: null }));
      const undatedBackup = observed(T1, 1, { starred: true, tags: ['removed'], note: 'old note' });
      const merge = mergeImported(library, undatedBackup);
      expect(merge.record).toMatchObject({ starred: false, tags: ['kept'], note: null });
      expect(merge.keptNewerAnnotation).toBe(true);
      // The same annotation on both sides is nothing to report.
      expect(
        mergeImported(library, { ...undatedBackup, starred: false, tags: ['kept'], note: null }).keptNewerAnnotation,
      ).toBe(false);
    });
  });

  describe('reading states: the later user edit wins, as stars do', () => {
    it('an old backup never resets a newer state, and a newer file brings its own with its place in the queue', () => {
      const readNow = inLibrary(observed(T2, 1, { readingState: 'read', queuedAt: null, annotatedAt: T3 }));
      const queuedBackup = observed(T1, 1, { readingState: 'to-read', queuedAt: T1, annotatedAt: T1 });
      const kept = mergeImported(readNow, queuedBackup);
      expect(kept.record).toMatchObject({ readingState: 'read', queuedAt: null, annotatedAt: T3 });
      expect(kept.keptNewerAnnotation).toBe(true);
      const newerFile = observed(T1, 1, { readingState: 'to-read', queuedAt: T4, annotatedAt: T4 });
      expect(mergeImported(readNow, newerFile).record).toMatchObject({ readingState: 'to-read', queuedAt: T4 });
    });

    it('a state set aside in a newer file clears the library’s, and an undated file never sets one', () => {
      const queued = inLibrary(observed(T2, 1, { readingState: 'to-read', queuedAt: T2, annotatedAt: T2 }));
      const cleared = observed(T1, 1, { readingState: null, queuedAt: null, annotatedAt: T4 });
      expect(mergeImported(queued, cleared).record).toMatchObject({ readingState: null, queuedAt: null });
      const undated = observed(T4, 1, { readingState: 'not-interested' });
      expect(mergeImported(queued, undated).record).toMatchObject({ readingState: 'to-read', queuedAt: T2 });
    });

    it('keeps the later time the paper was opened, from either side', () => {
      const library = inLibrary(observed(T2, 1, { openedAt: T3 }));
      expect(mergeImported(library, observed(T1, 1, { openedAt: T1 })).record.openedAt).toBe(T3);
      expect(mergeImported(library, observed(T1, 1, { openedAt: T4 })).record.openedAt).toBe(T4);
      expect(mergeImported(inLibrary(observed(T2, 1, { openedAt: null })), observed(T1, 1)).record.openedAt).toBe(null);
    });
  });

  it('an imported title replaces only a weaker reading', () => {
    const fromIsland = mergeSighting(undefined, { ...rich, titleSource: 'island' }, 'v', T1);
    const file = { ...paper, title: 'MCPMark (renamed in a backup)', lastSeenAt: T4 };
    expect(mergeImported(fromIsland, file).record).toMatchObject({ title: rich.title, titleSource: 'island' });
    const fromLink = mergeSighting(undefined, { id: rich.id, title: 'MCPMark', titleSource: 'link' }, 'v', T1);
    const replaced = mergeImported(fromLink, file).record as StoredRecord;
    expect(replaced.title).toBe(file.title);
    // The title now comes from the file, whose source is unknown: the link's source must not stick to it.
    expect(replaced).not.toHaveProperty('titleSource');
  });

  it('merges other facts by the capture rules', () => {
    const stored = { ...mergeSighting(undefined, { id: rich.id, title: 'MCPMark' }, 'w', T1), tags: ['y'] };
    expect(mergeImported(stored, paper).record).toMatchObject({
      abstract: rich.abstract,
      keywords: rich.keywords,
      githubRepo: rich.githubRepo,
      firstSeenAt: T1,
      lastSeenAt: T2,
      seenCount: 5,
    });
  });
});

describe('tallyImport', () => {
  it('adds up what each merge did', () => {
    const library = mergeSighting(undefined, { ...rich, upvotes: 9 }, 'v', T3);
    const { recentViewIds: _, ...older } = mergeSighting(undefined, { ...rich, upvotes: 2 }, 'v', T1);
    const merges = [
      mergeImported(undefined, older),
      mergeImported(library, older),
      mergeImported(library, { ...older, starred: true }),
    ];
    const zero = { added: 0, updated: 0, keptNewerCounts: 0, keptNewerAnnotations: 0 };
    expect(merges.reduce(tallyImport, zero)).toEqual({
      added: 1,
      updated: 2,
      keptNewerCounts: 2,
      keptNewerAnnotations: 1,
    });
  });
});
