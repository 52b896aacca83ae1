import type { StoreName } from '@/lib/library/schema';
import type { WriteTx } from '@/lib/library/write-tx';
import { mergeSegments } from '@/lib/search/postings';
import type { LibraryDB } from '@/lib/writes/db';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PAUSE_MS = 20;

const MERGE_STORES: StoreName[] = ['postings', 'segments', 'terms'];

/**
 * Folds the segments captures leave behind into the per-term blocks, in short transactions once writes pause
 * (or at once when many pile up), so a capture stays one put and a search reads few segments.
 */
export function createSegmentMerger(db: () => Promise<LibraryDB>, { quietMs = 3_000, maxSegments = 16 } = {}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  async function mergeAll() {
    const database = await db();
    for (;;) {
      const tx = database.transaction(MERGE_STORES, 'readwrite') as WriteTx;
      const left = await mergeSegments(tx);
      await tx.done;
      if (left === 0) return;
      await pause(PAUSE_MS); // let captures and pages' reads in between
    }
  }

  function run(): Promise<void> {
    clearTimeout(timer);
    running ??= mergeAll()
      .catch((error) => console.warn('[papershelf] merging search segments failed:', error))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    /** After a write (or at start-up): merge once writes pause, or now if segments pile up. */
    async written(): Promise<void> {
      const count = await (await db()).count('segments');
      if (count === 0) return;
      clearTimeout(timer);
      if (count >= maxSegments) await run();
      else timer = setTimeout(run, quietMs);
    },
    /** Merges everything now (tests, benchmarks). */
    run,
  };
}
