import type { Paper } from '@/lib/paper';
import { paperTerms } from '@/lib/recommend/features';
import { MIN_POSITIVES, suggest } from '@/lib/recommend/suggest';
import { allSeedPapers } from '../helpers/papers';

const NOW = '2026-11-10T12:00:00.000Z';
const RECENT = '2026-11-09T12:00:00.000Z';
const EARLIER = '2026-10-01T12:00:00.000Z';

/** Real papers; a theme is what a title says it is about. */
const library = allSeedPapers().map((paper) => ({ ...paper, lastSeenAt: RECENT }));
const about = (word: string) => (paper: Paper) => paper.title.toLowerCase().includes(word);
const rl = about('reinforcement');

/** The library with `ids` marked by `change`, seen earlier (so they are not candidates themselves). */
function withSignals(papers: Paper[], ids: string[], change: Partial<Paper>): Paper[] {
  return papers.map((paper) => (ids.includes(paper.id) ? { ...paper, ...change, lastSeenAt: EARLIER } : paper));
}

const precisionAt10 = (ranked: { id: string }[], relevant: (paper: Paper) => boolean) =>
  ranked.slice(0, 10).filter(({ id }) => relevant(library.find((paper) => paper.id === id) as Paper)).length / 10;

// Training on the real seed library takes a fraction of a second, much more on a loaded machine: no time is asserted.
describe('suggest', { timeout: 60_000 }, () => {
  const starredRl = library
    .filter(rl)
    .slice(0, 3)
    .map((paper) => paper.id);

  it('learns a planted theme from three positives, and never suggests what the user already chose', () => {
    const papers = withSignals(library, starredRl, { starred: true });
    const ranked = suggest(papers, { now: NOW, windowDays: 7 }) ?? [];
    expect(precisionAt10(ranked, rl)).toBeGreaterThanOrEqual(0.6);
    expect(ranked.some(({ id }) => starredRl.includes(id))).toBe(false);
    // The same signals, read from queued and tagged papers instead of stars, teach the same theme.
    const queued = withSignals(library, starredRl, { readingState: 'to-read' });
    expect(precisionAt10(suggest(queued, { now: NOW, windowDays: 7 }) ?? [], rl)).toBeGreaterThanOrEqual(0.6);
  });

  it('says nothing below three positives: an empty state, not a random list', () => {
    const two = withSignals(library, starredRl.slice(0, MIN_POSITIVES - 1), { starred: true });
    expect(suggest(two, { now: NOW, windowDays: 7 })).toBeNull();
    expect(suggest(library, { now: NOW, windowDays: 7 })).toBeNull();
  });

  it('pushes papers like one marked Not interested down', () => {
    const papers = withSignals(library, starredRl, { starred: true });
    const before = suggest(papers, { now: NOW, windowDays: 7 }) ?? [];
    const [top] = before;
    const neighbours = before.slice(1, 40).map(({ id }) => id);
    const after =
      suggest(withSignals(papers, [top.id], { readingState: 'not-interested' }), { now: NOW, windowDays: 7 }) ?? [];
    expect(after.map(({ id }) => id)).not.toContain(top.id);
    const rank = (ranked: { id: string }[], id: string) => ranked.findIndex((entry) => entry.id === id);
    // Its closest neighbours (by content) lose ground on average.
    const nearest = neighbours
      .map((id) => library.find((paper) => paper.id === id) as Paper)
      .filter((paper) => {
        const mine = paperTerms(library.find((p) => p.id === top.id) as Paper);
        return [...paperTerms(paper).keys()].filter((term) => mine.has(term) && term.includes(' ')).length >= 2;
      })
      .map((paper) => paper.id);
    expect(nearest.length).toBeGreaterThan(0);
    // Everyone below the removed paper moves up one place; its neighbours must do worse than that.
    const moved = nearest.map((id) => rank(after, id) - (rank(before, id) - 1));
    expect(moved.reduce((sum, step) => sum + step, 0) / moved.length).toBeGreaterThan(0);
  });

  it('ranks the same way every time, whatever order the library comes in', () => {
    const papers = withSignals(library, starredRl, { starred: true });
    const once = suggest(papers, { now: NOW, windowDays: 7 });
    expect(suggest([...papers].reverse(), { now: NOW, windowDays: 7 })).toEqual(once);
  });

  it('gives reasons that are terms of the paper itself', () => {
    const papers = withSignals(library, starredRl, { starred: true });
    const ranked = suggest(papers, { now: NOW, windowDays: 7, limit: 10 }) ?? [];
    expect(ranked).toHaveLength(10);
    for (const { id, reasons } of ranked) {
      const terms = paperTerms(library.find((paper) => paper.id === id) as Paper);
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) expect(terms.has(reason), reason).toBe(true);
    }
  });

  it('suggests only papers seen within the window', () => {
    const papers = withSignals(library, starredRl, { starred: true }).map((paper, i) =>
      i % 2 ? { ...paper, lastSeenAt: '2026-10-20T00:00:00.000Z' } : paper,
    );
    const since = '2026-11-03T12:00:00.000Z';
    const ranked = suggest(papers, { now: NOW, windowDays: 7 }) ?? [];
    for (const { id } of ranked) expect((papers.find((p) => p.id === id) as Paper).lastSeenAt >= since).toBe(true);
    expect((suggest(papers, { now: NOW, windowDays: 30 }) ?? []).length).toBeGreaterThan(ranked.length);
  });
});
