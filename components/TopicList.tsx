import type { IDBPDatabase } from 'idb';
import { useState } from 'preact/hooks';
import { useModule } from '@/components/hooks/use-module';
import { useAppState } from '@/components/state/app-state';
import type { LibrarySchema } from '@/lib/library/schema';
import { EMPTY_WINDOW_HINT, type TopicsResult, type TopicWindow } from '@/lib/topics/topics';
import { Sparkline } from './Sparkline';

// The chosen topic's weekly chart loads when a topic is first chosen, never with the popup.
const loadChart = () => import('./TopicChart');

interface TopicListProps {
  result: TopicsResult | null;
  /** The result is the last ranking shown and the library changed since: a new one is coming. */
  stale?: boolean;
  error?: string | null;
  /** One line of topics that opens into the whole list (the popup); the full page shows them all. */
  compact?: boolean;
  /** The library, to chart the chosen topic's weekly share from. */
  db?: IDBPDatabase<LibrarySchema>;
}

const WINDOW_LABELS: Record<TopicWindow, string> = {
  '7d': '7 days',
  '30d': '30 days',
  all: 'All time',
};

/** Why there is nothing to show, in one short line; the whole reason is its tooltip and, opened, its text. */
function Hint({
  result,
  error,
  window,
  open,
}: Pick<TopicListProps, 'result' | 'error'> & { window: TopicWindow; open: boolean }) {
  if (error) return <p class="hint topics-hint">Topics could not be read: {error}</p>;
  if (result === null) return <p class="hint topics-hint">Finding topics…</p>;
  if (window !== 'all' && result.recentPapers === 0)
    return (
      <p class="hint topics-hint" title={EMPTY_WINDOW_HINT}>
        {open ? EMPTY_WINDOW_HINT : 'No papers dated in this window yet.'}
      </p>
    );
  if (result.topics.length === 0) {
    return (
      <p class="hint topics-hint">
        {window === 'all' ? 'Topics appear once a few papers share a term.' : 'Nothing rose clearly in this window.'}
      </p>
    );
  }
  return null;
}

/** What the topics are: rising in the window, or, while nothing is dated before it, the most frequent. */
function heading(result: TopicsResult | null, window: TopicWindow) {
  if (window === 'all') return { text: 'Top topics', title: undefined };
  if (result?.fallback === 'young-library')
    return { text: 'Most frequent', title: 'Nothing is dated before this window yet, so rising cannot be told' };
  return { text: 'Rising', title: `Topics rising in the last ${WINDOW_LABELS[window]}` };
}

export function TopicList({ result, stale = false, error = null, compact = false, db }: TopicListProps) {
  // The window and the chosen topic are the App's: the list and the papers shown follow them.
  const state = useAppState();
  const window = state.topicWindow.value;
  const activeKey = state.topicKey.value;
  const [expanded, setExpanded] = useState(false);
  const active = result?.topics.find((topic) => topic.key === activeKey);
  const chart = useModule(loadChart, active !== undefined && db !== undefined);
  const open = !compact || expanded;
  const title = heading(result, window);
  const topics = result?.topics ?? [];
  return (
    <section class={open ? 'topics' : 'topics compact'} aria-labelledby="topics-heading">
      <div class="topics-head">
        <h2 id="topics-heading" title={title.title}>
          {title.text}
        </h2>
        {/* Every topic stays in the list, opened or not: one line shows those that fit. */}
        {topics.length > 0 && (
          <ul id="topic-list" aria-label="Trending topics" class="topic-list" aria-busy={stale || undefined}>
            {topics.map((topic) => (
              <li key={topic.key}>
                <button
                  type="button"
                  class="topic"
                  aria-pressed={topic.key === activeKey}
                  title={[topic.evidence, topic.variants.length ? `Also: ${topic.variants.join(', ')}` : '']
                    .filter(Boolean)
                    .join('. ')}
                  onClick={() => {
                    state.topicKey.value = topic.key === activeKey ? null : topic.key;
                  }}
                >
                  {topic.label}
                  {topic.acronym && <abbr class="topic-count topic-acronym">{topic.acronym}</abbr>}{' '}
                  <span class="topic-count topic-evidence">{topic.evidence}</span>
                  <Sparkline values={topic.series} />
                </button>
              </li>
            ))}
          </ul>
        )}
        {!open && <Hint result={result} error={error} window={window} open={false} />}
        {open && (
          <select
            aria-label="Topic window"
            value={window}
            onChange={(event) => {
              state.topicWindow.value = event.currentTarget.value as TopicWindow;
              state.topicKey.value = null;
            }}
          >
            {Object.entries(WINDOW_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
        {compact && (
          <button
            type="button"
            class="topics-toggle"
            aria-expanded={expanded}
            aria-controls="topic-list"
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Less' : topics.length > 0 ? `All ${topics.length}` : 'More'}
          </button>
        )}
      </div>
      {open && <Hint result={result} error={error} window={window} open />}
      {active && db && chart && <chart.TopicChart db={db} topic={active} />}
    </section>
  );
}
