/**
 * A topicDays record, keyed by its day ("2026-11-20", UTC): the papers dated that day and the terms they name. It is
 * stored as a few strings and one typed array, which IndexedDB copies in and out almost for free; a record of
 * objects with a thousand keys would cost the popup more to read than to rank.
 */
export interface TopicDayRecord {
  day: string;
  /** Papers dated this day (removed ones not counted): how much was browsed, which rates are measured against. */
  count: number;
  /** Paper ids, one a line; a removed paper leaves an empty line so that indexes stay valid. */
  papers: string;
  /** Term keys, one a line (see terms.ts; a line starting with "=" records an acronym's definition). */
  keys: string;
  /** For each key, how the latest paper of the day that did not write it as the key spells it ("LLMs"), else ''. */
  labels: string;
  /** For each key in order: the number of its papers, then their indexes into `papers`, ascending. */
  postings: Uint32Array;
}

/** A day as a write edits it. */
export interface TopicDay {
  day: string;
  count: number;
  papers: string[];
  terms: Map<string, { label: string; papers: number[] }>;
}

export const emptyDay = (day: string): TopicDay => ({ day, count: 0, papers: [], terms: new Map() });

export function decodeDay(record: TopicDayRecord): TopicDay {
  const keys = record.keys ? record.keys.split('\n') : [];
  const labels = record.labels.split('\n');
  const terms = new Map<string, { label: string; papers: number[] }>();
  let at = 0;
  keys.forEach((key, index) => {
    const papers = Array.from(record.postings.subarray(at + 1, at + 1 + record.postings[at]));
    at += 1 + papers.length;
    terms.set(key, { label: labels[index] ?? '', papers });
  });
  return { day: record.day, count: record.count, papers: record.papers ? record.papers.split('\n') : [], terms };
}

export function encodeDay(day: TopicDay): TopicDayRecord {
  let size = 0;
  for (const { papers } of day.terms.values()) size += 1 + papers.length;
  const postings = new Uint32Array(size);
  let at = 0;
  for (const { papers } of day.terms.values()) {
    postings[at++] = papers.length;
    postings.set(papers, at);
    at += papers.length;
  }
  return {
    day: day.day,
    count: day.count,
    papers: day.papers.join('\n'),
    keys: [...day.terms.keys()].join('\n'),
    labels: [...day.terms.values()].map(({ label }) => label).join('\n'),
    postings,
  };
}

/** Calls `visit` with each key of a record and where its papers are in `postings`, without building anything. */
export function forEachTerm(
  record: TopicDayRecord,
  keys: string[],
  visit: (key: string, index: number, start: number, count: number) => void,
): void {
  let at = 0;
  for (let index = 0; index < keys.length; index++) {
    const count = record.postings[at];
    visit(keys[index], index, at + 1, count);
    at += 1 + count;
  }
}
