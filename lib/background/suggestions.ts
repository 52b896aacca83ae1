// Retrains For you after the signals change, off the path of any glance: once writes pause, in slices that let
// captures and pages' reads in between. Only the background writes the ranking, as it writes everything else.

import { toPaper } from '@/lib/library/stored';
import type { Paper } from '@/lib/paper';
import {
  FOR_YOU_KEY,
  FORMER_SUGGESTIONS_KEY,
  type RankedSuggestion,
  type SuggestionsRecord,
  toStored,
} from '@/lib/recommend/record';
import { isPositive } from '@/lib/recommend/signals';
import { isCandidate, modelSteps, rankingSteps, windowStart } from '@/lib/recommend/suggest';
import { countTerms, createTermMemory, type TermNumbering } from '@/lib/recommend/term-numbers';
import { runInSlices, runSteps, type Steps } from '@/lib/tasks';
import type { LibraryDB } from '@/lib/writes/db';

/** The newest papers learned from and ranked: a month of heavy browsing, never the whole library. */
const RECENT_PAPERS = 3_000;
const LONGEST_WINDOW_DAYS = 30;
/** Suggestions kept: more than anyone scrolls. */
const KEPT = 300;

/** The performance measure each retrain leaves. */
export const RETRAIN_MEASURE = 'papershelf:retrain';

const breath = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Papers the user acted on (any annotation or opening) and the newest ones, read by index, never all. */
async function readCorpus(db: LibraryDB): Promise<Paper[]> {
  const tx = db.transaction('papers');
  const store = tx.store;
  // The newest in two requests: a key cursor jumps to the RECENT_PAPERS-th newest, then one getAll from there
  // (a cursor over the rows costs a round trip each). Ties at that edge may add a few more.
  const byLastSeen = store.index('lastSeenAt');
  const edge = await (await byLastSeen.openKeyCursor(null, 'prev'))?.advance(RECENT_PAPERS - 1);
  const [newest, annotated, opened] = await Promise.all([
    byLastSeen.getAll(edge ? IDBKeyRange.lowerBound(edge.key) : undefined),
    store.index('annotated').getAll(),
    store.index('opened').getAll(),
  ]);
  const recent = newest.reverse().map(toPaper);
  const byId = new Map(recent.map((paper) => [paper.id, paper]));
  for (const record of [...annotated, ...opened]) if (!byId.has(record.id)) byId.set(record.id, toPaper(record));
  return [...byId.values()];
}

export function buildSuggestions(papers: readonly Paper[], now: string): SuggestionsRecord {
  return runSteps(suggestionSteps(papers, now, countTerms()));
}

/** Papers whose terms are counted between pauses. */
const COUNTED_PER_STEP = 50;
/** The longest the worker is kept from its messages (a page's badges wait on them) while it learns. */
const SLICE_MS = 12;

/**
 * buildSuggestions as steps, paused between any few milliseconds of work: the same record, never a long block.
 * `terms` numbers the papers' terms (kept from the last retrain, see createTermMemory, or counted anew).
 */
export function* suggestionSteps(
  papers: readonly Paper[],
  now: string,
  terms: TermNumbering,
): Steps<SuggestionsRecord> {
  const positives = papers.filter(isPositive).length;
  // Learning and ranking read the same papers' terms: those not kept from before are counted first, in slices.
  for (let counted = 1; counted <= papers.length; counted++) {
    terms.termsOf(papers[counted - 1]);
    if (counted % COUNTED_PER_STEP === 0) yield;
  }
  const model = yield* modelSteps(papers, terms);
  const since = windowStart(now, LONGEST_WINDOW_DAYS);
  const lastSeen = new Map(papers.map((paper) => [paper.id, paper.lastSeenAt]));
  const ranked: RankedSuggestion[] = model
    ? (yield* rankingSteps(
        model,
        papers.filter((paper) => isCandidate(paper, since)),
        terms,
        KEPT,
      )).map((suggestion) => ({ ...suggestion, lastSeenAt: lastSeen.get(suggestion.id) as string }))
    : [];
  return { at: now, positives, learned: model !== null, model, ranked };
}

export interface SuggestionTrainerDeps {
  db: () => Promise<LibraryDB>;
  /** The new ranking is stored: pages re-read it, and HF pages get the model for their marks. */
  published: (record: SuggestionsRecord) => void;
  quietMs?: number;
  now?: () => Date;
}

export function createSuggestionTrainer({
  db,
  published,
  quietMs = 1_000,
  now = () => new Date(),
}: SuggestionTrainerDeps) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  // A star changes no paper's text: each paper's terms are counted once and kept for the next retrain.
  const termMemory = createTermMemory();
  let again = false;

  async function retrain() {
    const start = performance.now();
    const database = await db();
    const papers = await readCorpus(database);
    const read = performance.now() - start;
    await breath();
    const learning = performance.now();
    const record = await runInSlices(suggestionSteps(papers, now().toISOString(), termMemory.begin()), SLICE_MS);
    termMemory.end();
    const learned = performance.now() - learning;
    await breath();
    const tx = database.transaction('meta', 'readwrite');
    await Promise.all([tx.store.put(toStored(record), FOR_YOU_KEY), tx.store.delete(FORMER_SUGGESTIONS_KEY), tx.done]);
    published(record);
    // The last retrain's span on the worker's timeline, where DevTools (and the benchmark) can read it.
    performance.clearMeasures(RETRAIN_MEASURE);
    performance.measure(RETRAIN_MEASURE, { start, detail: { papers: papers.length, read, learned } });
  }

  function run(): Promise<void> {
    clearTimeout(timer);
    if (running) {
      again = true; // a signal changed while training: train once more after this one
      return running;
    }
    running = retrain()
      .catch((error) => console.warn('[papershelf] suggestions not retrained:', error))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
    return running;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, quietMs);
  }

  return { schedule, run };
}
