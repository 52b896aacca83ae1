import type { IDBPDatabase } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import type { LibrarySchema } from '@/lib/library/schema';
import { percent, SHARE_WEEKS, shareSentence, type WeekShare } from '@/lib/topics/share';
import type { Topic } from '@/lib/topics/topics';

const BAR = 10;
const GAP = 3;
const HEIGHT = 32;

/**
 * The chosen topic's share of the papers week by week, as bars, beside its papers: a rise seen rather than read.
 * The numbers are in the image's accessible name; the last week is also said in text.
 */
export function TopicChart({ db, topic }: { db: IDBPDatabase<LibrarySchema>; topic: Topic }) {
  const [weeks, setWeeks] = useState<WeekShare[] | null>(null);
  // The terms as one string: a new ranking of the same topic does not read the weeks again.
  const termsKey = (topic.terms ?? [topic.key]).join('\n');
  useEffect(() => {
    let live = true;
    setWeeks(null);
    import('@/lib/topics/read')
      .then(({ readWeeklyShare }) => readWeeklyShare(db, termsKey.split('\n'), new Date().toISOString()))
      .then((read) => {
        if (live) setWeeks(read);
      })
      .catch(console.error);
    return () => {
      live = false;
    };
  }, [db, termsKey]);
  if (!weeks) return null;
  const max = Math.max(...weeks.map((week) => week.share), 0.0001);
  const width = SHARE_WEEKS * (BAR + GAP) - GAP;
  const last = weeks[weeks.length - 1];
  return (
    <figure class="topic-chart" style={{ margin: '6px 0 0', display: 'flex', alignItems: 'flex-end', gap: '8px' }}>
      <svg
        role="img"
        aria-label={shareSentence(weeks)}
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
      >
        <title>{shareSentence(weeks)}</title>
        {weeks.map((week, index) => {
          const height = week.papers ? Math.max(2, (week.share / max) * HEIGHT) : 1;
          return (
            <rect
              key={week.from}
              x={index * (BAR + GAP)}
              y={HEIGHT - height}
              width={BAR}
              height={height}
              style={{ fill: week.papers ? 'var(--accent)' : 'var(--muted)' }}
            />
          );
        })}
      </svg>
      <figcaption class="topic-count">
        {/* A share and its sign stay on one line. */}
        {`Share of papers each week, ${SHARE_WEEKS} weeks: ${percent(last.share).replace(' ', '\u00a0')} this week`}
      </figcaption>
    </figure>
  );
}
