import type { PaperChange, WriteTx } from '@/lib/library/write-tx';
import { decodeDay, emptyDay, encodeDay, type TopicDay, type TopicDayRecord } from './day-record';
import { type PaperTerms, paperTerms, sameTopicInputs, topicDay } from './terms';

/** Removed papers' slots are dropped once they are this many and the majority. */
const COMPACT_AFTER = 32;

interface DayEdit {
  removed: Set<string>;
  added: { id: string; terms: PaperTerms }[];
}

function dayEdits(changes: PaperChange[]): Map<string, DayEdit> {
  const edits = new Map<string, DayEdit>();
  const edit = (day: string) => {
    const found = edits.get(day) ?? { removed: new Set<string>(), added: [] };
    edits.set(day, found);
    return found;
  };
  for (const { before, after } of changes) {
    // A star, a note or a sighting leaves topics as they were: skipped before any text is read.
    if (before && after && sameTopicInputs(before, after)) continue;
    const beforeDay = before && topicDay(before);
    if (before && beforeDay) edit(beforeDay).removed.add(before.id);
    const afterDay = after && topicDay(after);
    if (after && afterDay) edit(afterDay).added.push({ id: after.id, terms: paperTerms(after) });
  }
  return edits;
}

/**
 * Takes papers out of a day: their slots are emptied and their indexes filtered out of every term in one pass, so
 * what they contributed goes whatever rules extracted it.
 */
function removePapers(record: TopicDay, ids: ReadonlySet<string>): void {
  const gone = new Set<number>();
  record.papers.forEach((id, index) => {
    if (id && ids.has(id)) gone.add(index);
  });
  if (gone.size === 0) return;
  for (const index of gone) record.papers[index] = '';
  record.count -= gone.size;
  for (const [key, term] of record.terms) {
    if (!term.papers.some((index) => gone.has(index))) continue;
    term.papers = term.papers.filter((index) => !gone.has(index));
    if (term.papers.length === 0) record.terms.delete(key);
  }
}

function addPaper(record: TopicDay, id: string, terms: PaperTerms): void {
  const index = record.papers.length;
  record.papers.push(id);
  record.count++;
  for (const [key, label] of terms) {
    const term = record.terms.get(key);
    const spelling = label === key ? '' : label;
    if (!term) record.terms.set(key, { label: spelling, papers: [index] });
    else {
      term.papers.push(index);
      if (spelling) term.label = spelling;
    }
  }
}

function compact(record: TopicDay): void {
  const removed = record.papers.length - record.count;
  if (removed < COMPACT_AFTER || removed * 2 < record.papers.length) return;
  const moved: number[] = [];
  const papers: string[] = [];
  record.papers.forEach((id, index) => {
    moved[index] = papers.length;
    if (id) papers.push(id);
  });
  record.papers = papers;
  for (const term of record.terms.values()) term.papers = term.papers.map((index) => moved[index]);
}

/**
 * Keeps the per-day topic tallies in step with `changes`, inside the transaction that writes the papers. Only a
 * change of a paper's text or date costs anything. Each day touched is read and written once,
 * so a capture costs a few records and an import of 50,000 papers one write per day. Awaits only IndexedDB requests.
 */
export async function updateTopicTallies(tx: WriteTx, changes: PaperChange[]): Promise<void> {
  const edits = dayEdits(changes);
  if (edits.size === 0) return;
  const store = tx.objectStore('topicDays');
  const days = [...edits.keys()];
  const stored = (await Promise.all(days.map((day) => store.get(day)))) as (TopicDayRecord | undefined)[];
  const writes = days.map((day, position) => {
    const found = stored[position];
    const record = found ? decodeDay(found) : emptyDay(day);
    const { removed, added } = edits.get(day) as DayEdit;
    // A paper written twice in one call, or already on this day, is taken out before it is added again.
    removePapers(
      record,
      new Set([...removed, ...added.filter(({ id }) => record.papers.includes(id)).map(({ id }) => id)]),
    );
    for (const { id, terms } of added) addPaper(record, id, terms);
    if (record.count === 0) return store.delete(day);
    compact(record);
    return store.put(encodeDay(record), day);
  });
  await Promise.all(writes);
}
