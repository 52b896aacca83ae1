import { useEffect, useRef, useState } from 'preact/hooks';
import type { Paper } from '@/lib/paper';
import { type TopicsResult, type TopicWindow, topicInputsChanged } from '@/lib/topics/topics';
import type { TopicsRequest, TopicsResponse } from './topics-worker';
import TopicsWorker from './topics-worker?worker';

/** Library updates arriving in a burst (a capture, an import) recompute topics once. */
const SETTLE_MS = 500;

/**
 * Topics of the whole library, computed in a worker once the list has loaded, so neither first paint
 * nor scrolling ever waits for them. `papers` only signals that the library changed.
 */
export function useTopics(papers: Paper[], complete: boolean, window: TopicWindow): TopicsResult | null {
  const [result, setResult] = useState<TopicsResult | null>(null);
  const worker = useRef<Worker | undefined>(undefined);
  const latest = useRef(0);
  const seenPapers = useRef<Paper[] | undefined>(undefined);

  useEffect(() => {
    const started = new TopicsWorker();
    started.onmessage = ({ data }: MessageEvent<TopicsResponse>) => {
      if (data.id !== latest.current) return;
      if ('error' in data) console.error('[papershelf] topics failed:', data.error);
      else setResult(data.result);
    };
    worker.current = started;
    return () => started.terminate();
  }, []);

  useEffect(() => {
    if (!complete) return;
    // A star or a note changes the list but not its topics: only re-read the library when topics can change.
    const reload = seenPapers.current !== undefined && topicInputsChanged(seenPapers.current, papers);
    const timer = setTimeout(
      () => {
        seenPapers.current = papers;
        const request: TopicsRequest = {
          id: ++latest.current,
          reload,
          options: { window, now: new Date().toISOString(), limit: 12 },
        };
        worker.current?.postMessage(request);
      },
      reload ? SETTLE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [papers, complete, window]);

  return result;
}
