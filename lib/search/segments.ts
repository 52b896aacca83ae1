// A write's new postings are kept together in one record (a segment) until the background merges them into the
// per-term blocks: a capture then costs one put instead of a read and a write for each of its terms.

import type { Segment } from '@/lib/library/schema';

export interface OpenSegment {
  keys: string[];
  offsets: Uint32Array;
  docs: Uint32Array;
}

export function packSegment(postings: ReadonlyMap<string, readonly number[]>): Segment {
  const keys = [...postings.keys()].sort();
  const offsets = new Uint32Array(keys.length + 1);
  const docs: number[] = [];
  keys.forEach((key, index) => {
    docs.push(...(postings.get(key) ?? []));
    offsets[index + 1] = docs.length;
  });
  return { keys: keys.join('\n'), offsets, docs: Uint32Array.from(docs) };
}

export const openSegment = (segment: Segment): OpenSegment => ({
  keys: segment.keys ? segment.keys.split('\n') : [],
  offsets: segment.offsets,
  docs: segment.docs,
});

function indexOf(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The docs a segment holds for a "field term" key (empty when none). */
export function docsFor(segment: OpenSegment, key: string): Uint32Array {
  const index = indexOf(segment.keys, key);
  if (segment.keys[index] !== key) return new Uint32Array(0);
  return segment.docs.subarray(segment.offsets[index], segment.offsets[index + 1]);
}

/** The first `limit` of sorted `keys` that start with `prefix`, in order. */
export function sortedWithPrefix(keys: readonly string[], prefix: string, limit = Number.POSITIVE_INFINITY): string[] {
  const found: string[] = [];
  for (let index = indexOf(keys, prefix); index < keys.length && found.length < limit; index++) {
    if (!keys[index].startsWith(prefix)) break;
    found.push(keys[index]);
  }
  return found;
}

/** The keys of a segment that start with `prefix`, in order. */
export const keysWithPrefix = (segment: OpenSegment, prefix: string): string[] =>
  sortedWithPrefix(segment.keys, prefix);

/** All of a segment's postings, as a map from key to docs. */
export function segmentPostings(segment: OpenSegment): Map<string, number[]> {
  return new Map(segment.keys.map((key) => [key, [...docsFor(segment, key)]]));
}
