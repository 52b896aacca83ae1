import type { UpvoteObservation } from '@/lib/paper';
import { plural } from '@/lib/plural';
import { formatVelocity, noVelocityReason, upvoteTrend } from '@/lib/velocity';
import { formatDay } from '@/lib/view/format';

const WIDTH = 120;
const HEIGHT = 24;

/** The upvote history as a line over time (points placed by when they were observed), and the rate it gives. */
export function UpvoteHistory({ history }: { history: UpvoteObservation[] }) {
  const trend = upvoteTrend(history);
  const { points } = trend;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return <span class="velocity unknown">{noVelocityReason(trend)}</span>;
  const low = Math.min(...points.map((point) => point.upvotes));
  const high = Math.max(...points.map((point) => point.upvotes));
  const x = (time: number) => (last.time === first.time ? WIDTH / 2 : ((time - first.time) / trend.spanMs) * WIDTH);
  const y = (upvotes: number) =>
    high === low ? HEIGHT / 2 : HEIGHT - 1 - ((upvotes - low) / (high - low)) * (HEIGHT - 2);
  const line = points.map((point) => `${x(point.time).toFixed(1)},${y(point.upvotes).toFixed(1)}`).join(' ');
  const span = `${formatDay(new Date(first.time).toISOString())} – ${formatDay(new Date(last.time).toISOString())}`;
  return (
    <span class="upvote-history">
      <svg
        class="upvote-sparkline"
        width={WIDTH}
        height={HEIGHT}
        viewBox={`-2 -1 ${WIDTH + 4} ${HEIGHT + 2}`}
        role="img"
        aria-label={`Upvotes from ${first.upvotes} to ${last.upvotes}, ${span}`}
      >
        {points.length > 1 && <polyline points={line} fill="none" stroke="currentColor" stroke-width="1.5" />}
        <circle cx={x(last.time)} cy={y(last.upvotes)} r="2" fill="currentColor" />
      </svg>{' '}
      {trend.perDay === null ? (
        <span class="velocity unknown">{noVelocityReason(trend)}</span>
      ) : (
        <span class="velocity">
          {formatVelocity(trend.perDay)} · {plural(trend.observations, 'observation')}, {span}
        </span>
      )}
    </span>
  );
}
