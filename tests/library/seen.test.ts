// The "already seen" lookup, through the message path a content script uses: router → service → library.
import { createLibraryService } from '@/lib/background/library-service';
import { createRouter } from '@/lib/background/router';
import type { SeenBefore } from '@/lib/library/seen';
import { MAX_LOOKUP_IDS } from '@/lib/messages';
import { openLibrary } from '@/lib/writes/db';

const A = { id: '2407.21783', title: 'The Llama 3 Herd of Models' };
const B = { id: '2407.21705', title: 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation' };
const C = { id: '2408.00118', title: 'Gemma 2: Improving Open Language Models at a Practical Size' };

function service() {
  let enabled = true;
  let clock = Date.parse('2026-11-02T09:00:00.000Z');
  const changes: (string[] | undefined)[] = [];
  const db = openLibrary();
  const route = createRouter(
    createLibraryService({
      db: () => db,
      captureEnabled: async () => enabled,
      changed: (ids) => changes.push(ids),
      importStatus: () => {},
      now: () => new Date(clock),
    }),
    () => {},
  );
  return {
    route,
    changes,
    pause: () => (enabled = false),
    nextDay: () => (clock += 86_400_000),
    async capture(viewId: string, papers: { id: string; title: string }[]) {
      const outcome = await route(
        { type: 'capture', data: { viewId, pageUrl: 'https://huggingface.co/papers/date/2024-08-01', papers } },
        'content-script',
      );
      expect(outcome.ok).toBe(true);
    },
    async lookup(ids: string[], viewId: string): Promise<SeenBefore[]> {
      const outcome = await route({ type: 'lookupSeen', data: { ids, viewId } }, 'content-script');
      if (!outcome.ok) throw new Error(outcome.error);
      return (outcome.value as { papers: SeenBefore[] }).papers;
    },
  };
}

describe('what the library knew before this page view', () => {
  it('counts the asking view once, whether its capture was merged before the lookup or after', async () => {
    const shelf = service();
    await shelf.capture('view-1', [A, B]);
    shelf.nextDay();
    // View 2 asks before its capture is merged and after: both count the earlier view and this one.
    expect(await shelf.lookup([A.id, B.id, C.id], 'view-2')).toEqual([
      { id: A.id, seenCount: 2, firstSeenAt: '2026-11-02T09:00:00.000Z', starred: false },
      { id: B.id, seenCount: 2, firstSeenAt: '2026-11-02T09:00:00.000Z', starred: false },
    ]);
    await shelf.capture('view-2', [A, C]);
    expect(await shelf.lookup([A.id, B.id, C.id], 'view-2')).toEqual([
      { id: A.id, seenCount: 2, firstSeenAt: '2026-11-02T09:00:00.000Z', starred: false },
      { id: B.id, seenCount: 2, firstSeenAt: '2026-11-02T09:00:00.000Z', starred: false },
    ]);
    // C was first seen in view 2: no badge there, a badge in any later view.
    expect((await shelf.lookup([C.id], 'view-3')).map((paper) => [paper.id, paper.seenCount])).toEqual([[C.id, 2]]);
    expect((await shelf.lookup([A.id], 'view-3')).map((paper) => paper.seenCount)).toEqual([3]);
  });

  it('tells a starred paper, and stars from a paper page only what the library holds', async () => {
    const shelf = service();
    await shelf.capture('view-1', [A]);
    expect(await shelf.route({ type: 'starFromPage', data: { id: A.id, starred: true } }, 'content-script')).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(shelf.changes.at(-1)).toEqual([A.id]);
    expect((await shelf.lookup([A.id], 'view-2'))[0].starred).toBe(true);
    expect(await shelf.route({ type: 'starFromPage', data: { id: C.id, starred: true } }, 'content-script')).toEqual({
      ok: true,
      value: { ok: false },
    });
  });

  it('shows nothing while capture is paused', async () => {
    const shelf = service();
    await shelf.capture('view-1', [A]);
    shelf.pause();
    expect(await shelf.lookup([A.id], 'view-2')).toEqual([]);
  });

  it('refuses lookups and stars that are malformed, too large or from the wrong sender', async () => {
    const shelf = service();
    await shelf.capture('view-1', [A]);
    const many = Array.from({ length: MAX_LOOKUP_IDS + 1 }, (_, index) => `2601.${String(index).padStart(5, '0')}`);
    const refused = [
      [{ type: 'lookupSeen', data: { ids: [A.id], viewId: 'view-2' } }, 'extension-page'],
      [{ type: 'lookupSeen', data: { ids: [A.id], viewId: 'view 2<script>' } }, 'content-script'],
      [{ type: 'lookupSeen', data: { ids: ['../../etc/passwd'], viewId: 'view-2' } }, 'content-script'],
      [{ type: 'lookupSeen', data: { ids: A.id, viewId: 'view-2' } }, 'content-script'],
      [{ type: 'lookupSeen', data: { ids: many, viewId: 'view-2' } }, 'content-script'],
      [{ type: 'starFromPage', data: { id: A.id, starred: 'yes' } }, 'content-script'],
      [{ type: 'starFromPage', data: { id: A.id, starred: true } }, 'extension-page'],
      [{ type: 'setStarred', data: { id: A.id, starred: true } }, 'content-script'],
    ] as const;
    for (const [message, role] of refused)
      expect((await shelf.route(message, role)).ok, JSON.stringify(message).slice(0, 80)).toBe(false);
    expect((await shelf.lookup([A.id], 'view-2'))[0].starred).toBe(false);
    expect(await shelf.lookup(many.slice(1), 'view-2')).toEqual([]);
  });
});
