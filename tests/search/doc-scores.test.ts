import { docId, docIds, docNumber } from '@/lib/search/doc-ids';
import { DocScores } from '@/lib/search/doc-scores';
import { random } from '../../bench/synthetic-library';

describe('scores by paper number', () => {
  it('keeps the highest score or the sum per paper, as a Map would, through growth', () => {
    const next = random(7);
    const highest = new DocScores();
    const summed = new DocScores(4);
    const wantHighest = new Map<number, number>();
    const wantSum = new Map<number, number>();
    for (let step = 0; step < 20_000; step++) {
      const doc = 1 + Math.floor(next() * 5_000) * 7919; // collide on purpose: many numbers share low bits
      const score = next() * 10 + 0.001;
      highest.raise(doc, score);
      summed.add(doc, score);
      wantHighest.set(doc, Math.max(wantHighest.get(doc) ?? 0, score));
      wantSum.set(doc, (wantSum.get(doc) ?? 0) + score);
    }
    expect(highest.size).toBe(wantHighest.size);
    for (const [doc, score] of wantHighest) expect(highest.get(doc)).toBe(score);
    for (const [doc, score] of wantSum) expect(summed.get(doc)).toBeCloseTo(score, 9);
    expect(highest.get(123_456_789)).toBe(0);
    const visited = new Map<number, number>();
    highest.forEach((doc, score) => {
      visited.set(doc, score);
    });
    expect(visited).toEqual(wantHighest);
  });

  it('ranks by score, ties (to a thousandth) to the higher number, like sorting the pairs', () => {
    const next = random(11);
    const scores = new DocScores();
    const pairs = new Map<number, number>();
    for (let step = 0; step < 5_000; step++) {
      const doc = 260_100_000 + Math.floor(next() * 99_999) + 1;
      const score = Math.round(next() * 40) / 4 + 0.25; // many exact ties
      scores.raise(doc, score);
      pairs.set(doc, Math.max(pairs.get(doc) ?? 0, score));
    }
    const sorted = [...pairs].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([doc]) => doc);
    expect(scores.ranked()).toEqual(sorted);
    for (const limit of [1, 7, 100, 2_000, sorted.length - 1])
      expect(scores.ranked(limit)).toEqual(sorted.slice(0, limit));
    // Old-style papers have numbers above 2^31; very long queries sum to large scores: both still order right.
    const large = new DocScores();
    large.raise(0xffff_fff0, 5_000.5);
    large.raise(0x8000_0001, 5_000.5);
    large.raise(260_100_001, 9_000);
    expect(large.ranked()).toEqual([260_100_001, 0xffff_fff0, 0x8000_0001]);
  });

  it('turns numbers back into ids, the fast way giving what the general one gives', () => {
    const ids = ['2509.24002', '1501.00001', '1412.9999', '0704.0001', '2612.99999', 'hep-th/9901001', 'unknown'];
    const numbers = ids.map((id) => docNumber(id));
    const table = Object.fromEntries(numbers.filter((n) => n.irregular).map((n, i) => [n.doc, ids[5 + i]]));
    delete table[numbers[6].doc]; // a number whose id was never written is left out
    const docs = numbers.map((n) => n.doc);
    expect(docIds(docs, table)).toEqual(ids.slice(0, 6));
    expect(docIds(docs, table)).toEqual(docs.flatMap((doc) => docId(doc, table) ?? []));
    // "0000.0000" is not a number a search could confuse with a free slot.
    expect(docNumber('0000.0000')).toMatchObject({ irregular: true });
  });
});
