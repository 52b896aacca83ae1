import { renderHook, waitFor } from '@testing-library/preact';
import { useForYou } from '@/components/hooks/use-for-you';
import { useSimilar } from '@/components/hooks/use-recommend';
import { createSuggestionTrainer } from '@/lib/background/suggestions';
import { startEarlyRead } from '@/lib/library/first-screen';
import { openLibraryReader } from '@/lib/library/read';
import { EARLY_FOR_YOU_KEY, EARLY_ROWS, startEarlyForYou } from '@/lib/recommend/early-read';
import { type ForYou, readForYou } from '@/lib/recommend/for-you';
import { FIRST_WINDOW } from '@/lib/recommend/record';
import { publishedSuggestions } from '@/lib/status';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { makePaper } from '@/tests/helpers/papers';

const idsOf = (forYou: ForYou) => (forYou.state === 'ready' ? forYou.items.map((item) => item.paper.id) : []);
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** Three starred diffusion papers seen long ago, and papers of two themes seen over the last few days. */
const library = Array.from({ length: 40 }, (_, i) => {
  const theme = i % 2 ? 'robot grasping manipulation policy' : 'diffusion denoising image generation';
  const fields = { title: `${theme} study ${i}`, abstract: `We study ${theme}.`, lastSeenAt: hoursAgo(i * 2) };
  const id = `2611.${String(10000 + i)}`;
  if (i < 6 && i % 2 === 0)
    return makePaper(id, { ...fields, lastSeenAt: hoursAgo(40 * 24), starred: true, annotatedAt: hoursAgo(40 * 24) });
  return makePaper(id, fields);
});

describe('For you as the page shows it', () => {
  it('shows a ranking published after the page’s opening read, not that older read', async () => {
    const db = await openLibrary();
    await applyImport(db, library);
    // The opening reads before any ranking exists…
    const opened = startEarlyRead();
    const early = startEarlyForYou(opened.opening, opened.firstScreen);
    (globalThis as Record<string, unknown>)[EARLY_FOR_YOU_KEY] = early;
    expect((await early).record).toBeUndefined();
    // …then the background ranks and publishes before the panel is first shown (it is loaded when first opened).
    await createSuggestionTrainer({
      db: async () => db,
      published: ({ at, model }) => void publishedSuggestions.setValue({ at, model }),
    }).run();
    await waitFor(async () => expect(await publishedSuggestions.getValue()).not.toBeNull());
    const reader = await openLibraryReader();
    const { result } = renderHook(() => useForYou(reader, 0, FIRST_WINDOW));
    await waitFor(() => expect(result.current.state).toBe('ready'));
    if (result.current.state !== 'ready') return;
    expect(result.current.items[0].paper.title).toMatch(/diffusion/);
    (await opened.opening).close();
    db.close();
  });

  it('shows the opening’s first rows at once, then the whole window', async () => {
    const db = await openLibrary();
    await applyImport(db, library);
    await createSuggestionTrainer({
      db: async () => db,
      published: ({ at, model }) => void publishedSuggestions.setValue({ at, model }),
    }).run();
    await waitFor(async () => expect(await publishedSuggestions.getValue()).not.toBeNull());
    const opened = startEarlyRead();
    (globalThis as Record<string, unknown>)[EARLY_FOR_YOU_KEY] = startEarlyForYou(opened.opening, opened.firstScreen);
    const reader = await openLibraryReader();
    const whole = idsOf(await readForYou(reader, FIRST_WINDOW, new Date().toISOString()));
    expect(whole.length).toBeGreaterThan(EARLY_ROWS);
    const shown: string[][] = [];
    const { result } = renderHook(() => {
      const forYou = useForYou(reader, 0, FIRST_WINDOW);
      if (forYou.state === 'ready') shown.push(idsOf(forYou));
      return forYou;
    });
    await waitFor(() => expect(idsOf(result.current)).toEqual(whole));
    expect(shown[0]).toEqual(whole.slice(0, EARLY_ROWS));
    expect(result.current).not.toHaveProperty('partial');
    (await opened.opening).close();
    db.close();
  });
});

describe('Similar papers as the page shows them', () => {
  it('never shows the papers near the detail shown before while the new one’s are read', async () => {
    const db = await openLibrary();
    await applyImport(db, library);
    const reader = await openLibraryReader();
    const [diffusion, robots] = [library[8], library[9]];
    const shown: { paper: string; similar: string[] | undefined }[] = [];
    const { result, rerender } = renderHook(
      ({ paper }) => {
        const similar = useSimilar(reader, paper);
        shown.push({ paper: paper.id, similar: similar?.map((near) => near.title) });
        return similar;
      },
      { initialProps: { paper: diffusion } },
    );
    await waitFor(() => expect(result.current?.length).toBeGreaterThan(0));
    rerender({ paper: robots });
    await waitFor(() => expect(result.current?.[0]?.title).toMatch(/robot/));
    for (const { similar } of shown.filter((render) => render.paper === robots.id))
      for (const title of similar ?? []) expect(title).toMatch(/robot/);
    db.close();
  });
});
