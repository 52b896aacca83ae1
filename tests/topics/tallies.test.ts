import type { PaperChange, WriteTx } from '@/lib/library/write-tx';
import type { Paper } from '@/lib/paper';
import { decodeDay, type TopicDay, type TopicDayRecord } from '@/lib/topics/day-record';
import { readTopics } from '@/lib/topics/read';
import { updateTopicTallies } from '@/lib/topics/tallies';
import { added, daysAgo, hfPapers, NOW, openTopicsDb, writeChanges } from './library';

async function days(papers: Paper[], changes: PaperChange[] = []) {
  const db = await openTopicsDb();
  await writeChanges(db, added(papers));
  await writeChanges(db, changes);
  const records = ((await db.getAll('topicDays')) as TopicDayRecord[]).map(decodeDay);
  db.close();
  indexedDB.deleteDatabase('topics-test');
  return records;
}

/** Term key → ids of its papers, over every day: what the tallies say, however their slots are laid out. */
function tally(records: TopicDay[]) {
  const result: Record<string, string[]> = {};
  for (const record of records) {
    for (const [key, { papers }] of record.terms) {
      result[key] = [...(result[key] ?? []), ...papers.map((index) => record.papers[index])].sort();
    }
  }
  return { terms: result, papers: records.reduce((sum, record) => sum + record.count, 0) };
}

const library = () => hfPapers().map((paper, index) => ({ ...paper, submittedOnDailyAt: daysAgo(index % 9) }));

describe('topic tallies', () => {
  it('counts every paper on its day, one record per day', async () => {
    const records = await days(library());
    expect(records).toHaveLength(9);
    expect(records.reduce((sum, record) => sum + record.count, 0)).toBe(library().length);
    const first = records.find((record) => record.papers.includes(library()[0].id)) as TopicDay;
    expect(first.day).toBe(daysAgo(0).slice(0, 10));
  });

  it('takes back exactly what a deleted paper added', async () => {
    const papers = library();
    const deleted = papers.slice(0, 20);
    const after = await days(
      papers,
      deleted.map((before) => ({ before, after: undefined })),
    );
    expect(tally(after)).toEqual(tally(await days(papers.slice(20))));
  });

  it('moves a paper whose text or date changed, and ends with the same tallies as writing it so at first', async () => {
    const papers = library();
    const edited = papers.map((paper, index) =>
      index % 3 === 0 ? { ...paper, abstract: null, keywords: [], submittedOnDailyAt: daysAgo(20) } : paper,
    );
    const changes = papers.map((before, index) => ({ before, after: edited[index] }));
    expect(tally(await days(papers, changes))).toEqual(tally(await days(edited)));
  });

  it('keeps its counts through many removals (slots are compacted) and drops an emptied day', async () => {
    const papers = library().map((paper) => ({ ...paper, submittedOnDailyAt: daysAgo(1) }));
    const removed = papers.slice(0, 60).map((before) => ({ before, after: undefined }));
    const records = await days(papers, removed);
    expect(records[0].papers.length).toBeLessThan(papers.length);
    expect(tally(records)).toEqual(tally(await days(papers.slice(60))));
    expect(
      await days(
        papers,
        papers.map((before) => ({ before, after: undefined })),
      ),
    ).toEqual([]);
  });

  it('does not touch the database for a star, a note, tags or a sighting', async () => {
    const untouched = {
      objectStore: () => {
        throw new Error('the tallies were read for a change that cannot move topics');
      },
    } as unknown as WriteTx;
    const changes = library().map((before) => ({
      before,
      after: { ...before, starred: true, note: 'read', tags: ['x'], seenCount: 4, lastSeenAt: NOW },
    }));
    await expect(updateTopicTallies(untouched, changes)).resolves.toBeUndefined();
  });

  it('is what readTopics ranks: a capture shows in the next read', async () => {
    const db = await openTopicsDb();
    const papers = library();
    await writeChanges(db, added(papers));
    const before = await readTopics(db, { window: 'all', now: NOW });
    const extra = papers.slice(0, 5).map((paper, index) => ({ ...paper, id: `2611.0000${index}` }));
    await writeChanges(db, added(extra));
    const after = await readTopics(db, { window: 'all', now: NOW });
    expect(after.recentPapers).toBe(before.recentPapers + 5);
    expect(after.topics[0].count).toBeGreaterThanOrEqual(before.topics[0].count);
    db.close();
  });
});
