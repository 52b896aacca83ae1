import type { Paper } from '@/lib/paper';
import { readWeeklyShare } from '@/lib/topics/read';
import { percent, SHARE_WEEKS, shareSentence, weeklyShare } from '@/lib/topics/share';
import { makePaper } from '../helpers/papers';
import { added, daysAgo, NOW, openTopicsDb, writeChanges } from './library';

const TODAY = NOW.slice(0, 10);

async function shareOf(papers: Paper[], terms: string[]) {
  const db = await openTopicsDb();
  await writeChanges(db, added(papers));
  const weeks = await readWeeklyShare(db, terms, NOW);
  db.close();
  indexedDB.deleteDatabase('topics-test');
  return weeks;
}

/** `count` papers titled `title`, dated `days` ago. */
const papersOn = (title: string, count: number, days: number, prefix: string) =>
  Array.from({ length: count }, (_, index) =>
    makePaper(`${prefix}.${String(index).padStart(5, '0')}`, { title, submittedOnDailyAt: daysAgo(days + 0.1) }),
  );

describe('weekly share of a topic', () => {
  it('is the papers with the topic over the papers dated that week, for 12 weeks ending today', async () => {
    const weeks = await shareOf(
      [
        ...papersOn('Sheaf Diffusion Kernels', 1, 3, '2611'), // this week: 1 of 4
        ...papersOn('Protein Folding', 3, 2, '2612'),
        ...papersOn('Sheaf Diffusion Kernels', 2, 9, '2613'), // last week: 2 of 2
        ...papersOn('Protein Folding', 5, 80, '2614'), // the first week: none of 5
        ...papersOn('Sheaf Diffusion Kernels', 4, 90, '2615'), // before the 12 weeks: not read
      ],
      ['sheaf diffusion kernel'],
    );
    expect(weeks).toHaveLength(SHARE_WEEKS);
    expect(weeks.at(-1)).toMatchObject({ papers: 1, total: 4, share: 0.25 });
    expect(weeks.at(-2)).toMatchObject({ papers: 2, total: 2, share: 1 });
    expect(weeks[0]).toMatchObject({ from: '2026-08-29', papers: 0, total: 5, share: 0 });
    expect(weeks.slice(1, -2).every((week) => week.total === 0 && week.share === 0)).toBe(true);
    expect(weeks.at(-1)?.from).toBe('2026-11-14');
  });

  it('counts a paper once when it uses both the phrase and its acronym', async () => {
    const both = makePaper('2611.00001', {
      title: 'Reinforcement Learning (RL) and RL Baselines',
      submittedOnDailyAt: daysAgo(1),
    });
    const weeks = await shareOf([both], ['reinforcement learning', 'rl']);
    expect(weeks.at(-1)).toMatchObject({ papers: 1, total: 1 });
  });

  it('reads only records of its weeks, and says every week in words', () => {
    const record = (day: string) => ({
      day,
      count: 2,
      papers: 'a\nb',
      keys: 'x',
      labels: '',
      postings: Uint32Array.of(1, 0),
    });
    const weeks = weeklyShare([record('2026-11-20'), record('2026-06-01')], ['x'], TODAY);
    expect(weeks.at(-1)).toMatchObject({ papers: 1, total: 2, share: 0.5 });
    expect(weeks.reduce((sum, week) => sum + week.total, 0)).toBe(2);
    expect(percent(0.0423)).toBe('4.2 %');
    expect(percent(0.5)).toBe('50 %');
    expect(shareSentence(weeks)).toBe(`Weekly share over 12 weeks, oldest first: ${'0 %, '.repeat(11)}50 %`);
  });
});
