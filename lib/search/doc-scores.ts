// Scores by paper number, for one search. A common word matches most of a large library, so a search touches tens
// of thousands of papers: an open-addressing table in typed arrays does that several times faster than a Map of
// numbers, and ranking packs each score with its number into one float so a native sort orders them.

/** No paper has number 0 (new-style numbers start at 0704_00001, old-style ones above 2^31): it marks a free slot. */
const FREE = 0;
const TWO_TO_32 = 2 ** 32;

export class DocScores {
  private numbers: Uint32Array;
  private scores: Float64Array;
  size = 0;

  constructor(expected = 64) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.numbers = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  private slot(doc: number): number {
    const mask = this.numbers.length - 1;
    let slot = (Math.imul(doc, 0x9e3779b1) >>> 0) & mask;
    while (this.numbers[slot] !== FREE && this.numbers[slot] !== doc) slot = (slot + 1) & mask;
    return slot;
  }

  /** The paper's score, or 0 when it has none (every score is above 0). */
  get(doc: number): number {
    const slot = this.slot(doc);
    return this.numbers[slot] === doc ? this.scores[slot] : 0;
  }

  /** Keeps the higher of the paper's score and `score`. */
  raise(doc: number, score: number): void {
    const slot = this.claim(doc);
    if (this.scores[slot] < score) this.scores[slot] = score;
  }

  /** Adds `score` to the paper's score. */
  add(doc: number, score: number): void {
    const slot = this.claim(doc); // first: claiming may grow the table and replace `scores`
    this.scores[slot] += score;
  }

  /** The paper's slot, taken with a score of 0 if it had none (growing the table first when it is half full). */
  private claim(doc: number): number {
    let slot = this.slot(doc);
    if (this.numbers[slot] === doc) return slot;
    if ((this.size + 1) * 2 > this.numbers.length) {
      this.grow();
      slot = this.slot(doc);
    }
    this.numbers[slot] = doc;
    this.scores[slot] = 0;
    this.size++;
    return slot;
  }

  forEach(visit: (doc: number, score: number) => void): void {
    const { numbers, scores } = this;
    for (let slot = 0; slot < numbers.length; slot++) if (numbers[slot] !== FREE) visit(numbers[slot], scores[slot]);
  }

  /**
   * Paper numbers, highest score first, ties to the higher number; only the first `limit` when given (picked
   * without sorting the rest). Scores are compared to a thousandth (finer differences say nothing about
   * relevance), which lets score and number share one float of 53 bits.
   */
  ranked(limit = Number.POSITIVE_INFINITY): number[] {
    const { numbers, scores } = this;
    let top = 0;
    for (let slot = 0; slot < numbers.length; slot++) if (scores[slot] > top) top = scores[slot];
    const scale = Math.min(1000, 2 ** 21 / (top + 1));
    const keys = new Float64Array(this.size);
    let next = 0;
    for (let slot = 0; slot < numbers.length; slot++)
      if (numbers[slot] !== FREE) keys[next++] = Math.round(scores[slot] * scale) * TWO_TO_32 + numbers[slot];
    const kept = limit < keys.length ? largest(keys, limit) : keys;
    kept.sort();
    const docs = new Array<number>(kept.length);
    for (let index = 0; index < kept.length; index++) docs[index] = kept[kept.length - 1 - index] % TWO_TO_32;
    return docs;
  }

  private grow(): void {
    const { numbers, scores } = this;
    this.numbers = new Uint32Array(numbers.length * 2);
    this.scores = new Float64Array(scores.length * 2);
    for (let slot = 0; slot < numbers.length; slot++) {
      if (numbers[slot] === FREE) continue;
      const next = this.slot(numbers[slot]);
      this.numbers[next] = numbers[slot];
      this.scores[next] = scores[slot];
    }
  }
}

/** The `count` largest of `keys` (all distinct), in no order: kept in a min-heap that each key is compared with. */
function largest(keys: Float64Array, count: number): Float64Array {
  const heap = keys.slice(0, count);
  for (let index = (count >> 1) - 1; index >= 0; index--) siftDown(heap, index);
  for (let index = count; index < keys.length; index++) {
    if (keys[index] <= heap[0]) continue;
    heap[0] = keys[index];
    siftDown(heap, 0);
  }
  return heap;
}

function siftDown(heap: Float64Array, from: number): void {
  const value = heap[from];
  let at = from;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && heap[child + 1] < heap[child]) child++;
    if (heap[child] >= value) break;
    heap[at] = heap[child];
    at = child;
  }
  heap[at] = value;
}
