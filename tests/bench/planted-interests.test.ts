// The planted library the recommendation bench scores: real papers, themes by their titles, users who star a theme.
import { NOW, plantedLibrary, plantedUsers, THEME_NAMES, themesOf, WINDOW_DAYS } from '@/bench/planted-interests';
import { isCandidate } from '@/bench/recommend-baseline';

const now = Date.parse(NOW);

describe('the planted library', () => {
  const { papers, themes } = plantedLibrary();

  it('holds every real paper of the fixtures once, seen over the month before NOW', () => {
    expect(papers.length).toBeGreaterThan(300);
    expect(new Set(papers.map((paper) => paper.id)).size).toBe(papers.length);
    for (const paper of papers) {
      expect(Date.parse(paper.firstSeenAt)).toBeGreaterThan(now - 30 * 86_400_000);
      expect(paper.lastSeenAt >= paper.firstSeenAt && Date.parse(paper.lastSeenAt) < now).toBe(true);
      expect(paper.seenCount === 1).toBe(paper.lastSeenAt === paper.firstSeenAt);
      expect(paper.readingState).toBeNull();
    }
  });

  it('gives each paper the themes its title names', () => {
    expect(themesOf('ToolRL: Reward is All Tool Learning Needs')).toEqual(['RL & rewards', 'agents & tool use']);
    expect(themesOf('CodeChain: Towards Modular Code Generation Through Chain of Self-revisions')).toEqual([
      'code generation',
    ]);
    expect(themesOf('In defense of parameter sharing for model-compression')).toEqual(['PEFT & model merging']);
    expect(themesOf('Pointer Networks')).toEqual([]);
    for (const theme of THEME_NAMES) {
      const candidates = papers.filter(
        (paper) => themes.get(paper.id)?.includes(theme) && isCandidate(paper, now, WINDOW_DAYS),
      );
      expect(candidates.length, theme).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('the planted users', () => {
  const { themes } = plantedLibrary();
  const users = plantedUsers();

  it('star 4 to 6 papers of their one theme, seen before the week of candidates', () => {
    for (const user of users.filter((one) => one.wanted.length === 1 && !one.unwanted)) {
      expect(user.starred.length).toBeGreaterThanOrEqual(4);
      expect(user.starred.length).toBeLessThanOrEqual(6);
      const starred = user.library.filter((paper) => paper.starred);
      expect(starred.map((paper) => paper.id).sort()).toEqual([...user.starred].sort());
      for (const paper of starred) {
        expect(themes.get(paper.id)).toEqual(user.wanted);
        expect(Date.parse(paper.firstSeenAt)).toBeLessThan(now - WINDOW_DAYS * 86_400_000);
      }
    }
  });

  it('include one with three themes and one who marked another theme not interested', () => {
    expect(users.find((user) => user.wanted.length === 3)?.starred).toHaveLength(12);
    const picky = users.find((user) => user.unwanted);
    const marked = picky?.library.filter((paper) => paper.readingState === 'not-interested') ?? [];
    expect(marked).toHaveLength(5);
    for (const paper of marked) expect(themes.get(paper.id)).toEqual([picky?.unwanted]);
  });

  it('are the same every run', () => {
    expect(plantedUsers().map((user) => user.starred)).toEqual(users.map((user) => user.starred));
  });
});
