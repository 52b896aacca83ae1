import { createSuggestionTrainer } from '@/lib/background/suggestions';
import { startEarlyRead } from '@/lib/library/first-screen';
import { openLibraryReader } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { EARLY_FOR_YOU_KEY, EARLY_ROWS, startEarlyForYou, takeEarlyForYou } from '@/lib/recommend/early-read';
import { earlyForYou, type ForYou, forYouOf, readForYou } from '@/lib/recommend/for-you';
import { FOR_YOU_KEY, FORMER_SUGGESTIONS_KEY, type StoredSuggestions } from '@/lib/recommend/record';
import { openLibrary } from '@/lib/writes/db';
import { setReadingState } from '@/lib/writes/edits';
import { applyImport } from '@/lib/writes/ingest';
import { makePaper } from '../helpers/papers';

const NOW = new Date('2026-11-10T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const THEMES = ['diffusion denoising image generation', 'robot grasping manipulation policy'];

/** Papers on two themes: the first three of the diffusion one starred long ago, the rest seen over the last 20 days. */
function library(): Paper[] {
  return Array.from({ length: 60 }, (_, i) => {
    const theme = THEMES[i % 2];
    const id = `2611.${String(10000 + i)}`;
    const fields: Partial<Paper> = {
      title: `${theme} study ${i}`,
      abstract: `We study ${theme}.`,
      lastSeenAt: daysAgo(i / 3),
    };
    if (i < 6 && i % 2 === 0)
      return makePaper(id, { ...fields, lastSeenAt: daysAgo(40), starred: true, annotatedAt: daysAgo(40) });
    return makePaper(id, fields);
  });
}

const idsOf = (forYou: ForYou | undefined) =>
  forYou?.state === 'ready' ? forYou.items.map((item) => item.paper.id) : [];

async function trained(papers: Paper[]) {
  const db = await openLibrary();
  await applyImport(db, papers);
  await createSuggestionTrainer({ db: async () => db, published: () => {}, now: () => NOW }).run();
  return db;
}

describe('For you as a page reads it', { timeout: 60_000 }, () => {
  it('stores the ranking without the model, under its own key, and drops the former record', async () => {
    const db = await openLibrary();
    await db.put('meta', { at: daysAgo(3), model: { terms: [] } }, FORMER_SUGGESTIONS_KEY);
    await applyImport(db, library());
    await createSuggestionTrainer({ db: async () => db, published: () => {}, now: () => NOW }).run();
    const stored = (await db.get('meta', FOR_YOU_KEY)) as StoredSuggestions;
    expect(Object.keys(stored).sort()).toEqual(['at', 'learned', 'positives', 'ranked']);
    expect(stored.learned).toBe(true);
    expect(await db.get('meta', FORMER_SUGGESTIONS_KEY)).toBeUndefined();
  });

  it('ranks the wanted theme first within the window, from the stored ranking', async () => {
    (await trained(library())).close();
    const forYou = await readForYou(await openLibraryReader(), 7, NOW.toISOString());
    const ids = idsOf(forYou);
    expect(ids.length).toBeGreaterThan(5);
    const byId = new Map(library().map((paper) => [paper.id, paper]));
    expect(byId.get(ids[0])?.title).toMatch(/diffusion/);
    for (const id of ids) expect((byId.get(id) as Paper).lastSeenAt >= daysAgo(7)).toBe(true);
    const month = idsOf(await readForYou(await openLibraryReader(), 30, NOW.toISOString()));
    expect(month.length).toBeGreaterThan(ids.length);
  });

  it('reads with the opening the first rows a read on request would, and keeps none acted on since the ranking', async () => {
    const db = await trained(library());
    const first = idsOf(await readForYou(await openLibraryReader(), 7, NOW.toISOString()));
    expect(first.length).toBeGreaterThan(EARLY_ROWS);
    await setReadingState(db, first[0], 'not-interested');
    db.close();

    const opened = startEarlyRead();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const early = startEarlyForYou(opened.opening, opened.firstScreen);
    vi.useRealTimers();
    const shown = await earlyForYou(early, 7);
    expect(idsOf(shown)).toEqual(first.slice(1, EARLY_ROWS));
    expect(shown).toMatchObject({ partial: true });
    const onRequest = await readForYou(await openLibraryReader(), 7, NOW.toISOString());
    expect(idsOf(onRequest)).toEqual(first.slice(1));
    expect(onRequest).not.toHaveProperty('partial');
    (await opened.opening).close();
  });

  it('reads the whole window with the opening when it fits in the first rows', async () => {
    (await trained(library().slice(0, 14))).close();
    const whole = idsOf(await readForYou(await openLibraryReader(), 7, NOW.toISOString()));
    expect(whole.length).toBeGreaterThan(0);
    expect(whole.length).toBeLessThanOrEqual(EARLY_ROWS);
    const opened = startEarlyRead();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const shown = await earlyForYou(startEarlyForYou(opened.opening, opened.firstScreen), 7);
    vi.useRealTimers();
    expect(idsOf(shown)).toEqual(whole);
    expect(shown).not.toHaveProperty('partial');
    (await opened.opening).close();
  });

  it('says how many papers are still wanted before there is a ranking, read early or not', async () => {
    const papers = library().map((paper) => ({ ...paper, starred: false }));
    (await trained(papers.map((paper, i) => (i === 0 ? { ...paper, starred: true } : paper)))).close();
    const opened = startEarlyRead();
    expect(await earlyForYou(startEarlyForYou(opened.opening, opened.firstScreen), 7)).toEqual({
      state: 'learning',
      missing: 2,
    });
    expect(await readForYou(await openLibraryReader(), 7, NOW.toISOString())).toEqual({
      state: 'learning',
      missing: 2,
    });
    expect(forYouOf(undefined, 7, NOW.toISOString(), [])).toEqual({ state: 'learning', missing: 3 });
    (await opened.opening).close();
  });

  it('is taken over once; a failed opening leaves the page to read for itself', async () => {
    const failed = startEarlyForYou(Promise.reject(new Error('needs an upgrade')), Promise.resolve());
    (globalThis as Record<string, unknown>)[EARLY_FOR_YOU_KEY] = failed;
    expect(takeEarlyForYou()).toBe(failed);
    expect(takeEarlyForYou()).toBeUndefined();
    expect(await earlyForYou(failed, 7)).toBeUndefined();
  });
});
