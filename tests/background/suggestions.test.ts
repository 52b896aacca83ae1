import {
  buildSuggestions,
  createSuggestionTrainer,
  RETRAIN_MEASURE,
  suggestionSteps,
} from '@/lib/background/suggestions';
import type { Paper } from '@/lib/paper';
import type { SuggestionsRecord } from '@/lib/recommend/record';
import { FOR_YOU_KEY, type StoredSuggestions, toStored } from '@/lib/recommend/record';
import { countTerms, createTermMemory } from '@/lib/recommend/term-numbers';
import { runInSlices, runSteps } from '@/lib/tasks';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { allSeedPapers, makePaper } from '../helpers/papers';

const NOW = new Date('2026-11-10T12:00:00.000Z');
const library: Paper[] = allSeedPapers().map((paper, i) => ({
  ...paper,
  lastSeenAt: new Date(NOW.getTime() - (i % 40) * 86_400_000).toISOString(),
}));
const rl = library.filter((paper) => /reinforcement/i.test(paper.title));

describe('suggestions in the background', { timeout: 60_000 }, () => {
  it('says how many papers were chosen, and ranks nothing below three', () => {
    const record = buildSuggestions(library, NOW.toISOString());
    expect(record).toMatchObject({ positives: 0, learned: false, model: null, ranked: [] });
  });

  it('learns the same in slices as at once', async () => {
    const papers = library.map((paper) =>
      rl.slice(0, 3).includes(paper) ? { ...paper, starred: true, annotatedAt: NOW.toISOString() } : paper,
    );
    const atOnce = buildSuggestions(papers, NOW.toISOString());
    expect(atOnce.ranked.length).toBeGreaterThan(10);
    expect(await runInSlices(suggestionSteps(papers, NOW.toISOString(), countTerms()), 0)).toEqual(atOnce);
  });

  it('learns the same from terms kept since the last retrain as from terms counted anew', () => {
    const memory = createTermMemory();
    const star = (count: number) =>
      library.map((paper) =>
        rl.slice(0, count).includes(paper) ? { ...paper, starred: true, annotatedAt: NOW.toISOString() } : paper,
      );
    runSteps(suggestionSteps(star(3), NOW.toISOString(), memory.begin()));
    memory.end();
    const again = runSteps(suggestionSteps(star(4), NOW.toISOString(), memory.begin()));
    expect(again.positives).toBe(4);
    expect(again).toEqual(buildSuggestions(star(4), NOW.toISOString()));
  });

  it('retrains from the stored library once writes pause, and stores a ranking of the last 30 days', async () => {
    const db = await openLibrary();
    await applyImport(
      db,
      library.map((paper) =>
        rl.slice(0, 3).includes(paper) ? { ...paper, starred: true, annotatedAt: NOW.toISOString() } : paper,
      ),
    );
    const published: SuggestionsRecord[] = [];
    const trainer = createSuggestionTrainer({
      db: async () => db,
      published: (record) => published.push(record),
      now: () => NOW,
    });
    await trainer.run();
    const stored = (await db.get('meta', FOR_YOU_KEY)) as StoredSuggestions;
    expect(published.map(toStored)).toEqual([stored]);
    expect(stored).not.toHaveProperty('model');
    expect(stored).toMatchObject({ positives: 3, learned: true });
    expect(published[0].model?.terms.length).toBeGreaterThan(0);
    const since = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
    expect(stored.ranked.length).toBeGreaterThan(10);
    for (const entry of stored.ranked) expect(entry.lastSeenAt >= since).toBe(true);
    expect(stored.ranked.map((entry) => entry.id)).not.toContain(rl[0].id);
  });

  it('learns from the newest 3,000 papers and every one acted on, however old', async () => {
    const db = await openLibrary();
    const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
    const papers = Array.from({ length: 3_200 }, (_, i) =>
      makePaper(`2611.${String(10000 + i)}`, {
        title: `Paper ${i} on ${i % 2 ? 'diffusion models' : 'policy optimization'}`,
        lastSeenAt: minutesAgo(i),
        ...(i >= 3_197 ? { starred: true, annotatedAt: minutesAgo(i) } : {}),
      }),
    );
    await applyImport(db, papers);
    await createSuggestionTrainer({ db: async () => db, published: () => {}, now: () => NOW }).run();
    const [measure] = performance.getEntriesByName(RETRAIN_MEASURE) as PerformanceMeasure[];
    expect(measure.detail).toMatchObject({ papers: 3_000 + 3 });
    const stored = (await db.get('meta', FOR_YOU_KEY)) as StoredSuggestions;
    expect(stored.positives).toBe(3);
  });
});
