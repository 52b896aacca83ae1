import { useEffect, useState } from 'preact/hooks';
import type { Paper } from '@/lib/paper';
import { computeTopics, type TopicsResult, type TopicWindow } from '@/lib/topics/topics';

/** Topics of the whole library, computed after the list has painted so they never delay it. */
export function useTopics(papers: Paper[], complete: boolean, window: TopicWindow): TopicsResult | null {
  const [result, setResult] = useState<TopicsResult | null>(null);
  useEffect(() => {
    if (!complete) return;
    const timer = setTimeout(() => {
      setResult(computeTopics(papers, { window, now: new Date().toISOString(), limit: 12 }));
    }, 0);
    return () => clearTimeout(timer);
  }, [papers, complete, window]);
  return result;
}
