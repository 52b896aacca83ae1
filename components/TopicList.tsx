import { EMPTY_WINDOW_HINT, type TopicsResult, type TopicWindow } from '@/lib/topics/topics';
import { Sparkline } from './Sparkline';

interface TopicListProps {
  result: TopicsResult | null;
  /** The result is the last ranking shown and the library changed since: a new one is coming. */
  stale?: boolean;
  error?: string | null;
  window: TopicWindow;
  activeKey: string | null;
  onWindowChange: (window: TopicWindow) => void;
  onToggle: (key: string) => void;
}

const WINDOW_LABELS: Record<TopicWindow, string> = {
  '7d': '7 days',
  '30d': '30 days',
  all: 'All time',
};

function Hint({ result, error, window }: Pick<TopicListProps, 'result' | 'error' | 'window'>) {
  if (error) return <p class="hint">Topics could not be read: {error}</p>;
  if (result === null) return <p class="hint">Finding topics…</p>;
  if (window !== 'all' && result.recentPapers === 0) return <p class="hint">{EMPTY_WINDOW_HINT}</p>;
  if (result.fallback === 'young-library') {
    return (
      <p class="hint">Nothing is dated before this window yet, so rising cannot be told: the most frequent topics.</p>
    );
  }
  if (result.topics.length === 0) {
    return (
      <p class="hint">
        {window === 'all' ? 'Topics appear once a few papers share a term.' : 'Nothing rose clearly in this window.'}
      </p>
    );
  }
  return null;
}

export function TopicList({
  result,
  stale = false,
  error = null,
  window,
  activeKey,
  onWindowChange,
  onToggle,
}: TopicListProps) {
  return (
    <section class="topics" aria-labelledby="topics-heading">
      <div class="topics-head">
        <h2 id="topics-heading">{window === 'all' ? 'Top topics' : 'Rising topics'}</h2>
        <select
          aria-label="Topic window"
          value={window}
          onChange={(event) => onWindowChange(event.currentTarget.value as TopicWindow)}
        >
          {Object.entries(WINDOW_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Hint result={result} error={error} window={window} />
      {result !== null && result.topics.length > 0 && (
        <ul aria-label="Trending topics" class="topic-list" aria-busy={stale || undefined}>
          {result.topics.map((topic) => (
            <li key={topic.key}>
              <button
                type="button"
                class="topic"
                aria-pressed={topic.key === activeKey}
                title={topic.variants.length ? `Also: ${topic.variants.join(', ')}` : undefined}
                onClick={() => onToggle(topic.key)}
              >
                {topic.label} <span class="topic-count topic-evidence">{topic.evidence}</span>
                <Sparkline values={topic.series} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
