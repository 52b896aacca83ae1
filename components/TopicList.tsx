import type { TopicsResult, TopicWindow } from '@/lib/topics/topics';
import { Sparkline } from './Sparkline';

interface TopicListProps {
  result: TopicsResult | null;
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

export function TopicList({ result, window, activeKey, onWindowChange, onToggle }: TopicListProps) {
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
      {result?.fallback === 'young-library' && (
        <p class="hint">Your library is too young to tell what is rising; showing the most frequent topics.</p>
      )}
      {result === null ? (
        <p class="hint">Finding topics…</p>
      ) : result.topics.length === 0 ? (
        <p class="hint">Topics appear once a few papers share a theme.</p>
      ) : (
        <ul aria-label="Trending topics" class="topic-list">
          {result.topics.map((topic) => (
            <li key={topic.key}>
              <button
                type="button"
                class="topic"
                aria-pressed={topic.key === activeKey}
                onClick={() => onToggle(topic.key)}
              >
                {topic.label} <span class="topic-count">{topic.count}</span>
                <Sparkline values={topic.weekly} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
