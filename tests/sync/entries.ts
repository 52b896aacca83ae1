// Entries for the sync tests: made by hand, or at random from a seed (the same seed, the same entries).
import type { Register, Registers, ShelfEntry, Stamp } from '@/lib/sync/entry';
import type { ShardState } from '@/lib/sync/merge';

export const T0 = Date.UTC(2026, 10, 20, 12);
export const at = (seconds: number): Stamp => T0 + seconds * 1000;

export function entry(id: string, fields: Registers = {}, removedAt?: Stamp, title = `Paper ${id}`): ShelfEntry {
  return { id, title, fields, ...(removedAt === undefined ? {} : { removedAt }) };
}

export const set = <const T>(value: T, seconds: number): Register<T> => ({ value, at: at(seconds) });

export function shard(entries: ShelfEntry[], clearedAt = 0): ShardState {
  return { clearedAt, entries: new Map(entries.map((one) => [one.id, one])) };
}

/** A small deterministic generator (mulberry32). */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

const TAGS = ['rl', 'agents', 'survey', 'to-reproduce', 'vision', 'long context'];
const NOTES = [null, 'Compare with last week’s paper.', 'Ablation in §4 is weak.', 'Read the appendix.'];
const STATES = [null, 'to-read', 'read', 'not-interested'] as const;

/** An entry of `id` with some fields set at small random times (so that ties happen), maybe removed. */
export function randomEntry(rng: ReturnType<typeof random>, id: string): ShelfEntry {
  const fields: Registers = {};
  if (rng.next() < 0.7) fields.starred = set(rng.next() < 0.5, rng.int(20));
  if (rng.next() < 0.7)
    fields.tags = set(
      TAGS.filter(() => rng.next() < 0.3),
      rng.int(20),
    );
  if (rng.next() < 0.7) fields.note = set(rng.pick(NOTES), rng.int(20));
  if (rng.next() < 0.7) fields.readingState = set(rng.pick(STATES), rng.int(20));
  return entry(id, fields, rng.next() < 0.25 ? at(rng.int(20)) : undefined, rng.pick(['A title', 'Another title']));
}
