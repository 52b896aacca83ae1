import type { TopicsResult, TopicWindow } from '@/lib/topics/topics';

// The topics a library view last ranked, kept in the extension's localStorage: it is read synchronously, so the
// next opening shows them in its very first render, while it ranks them again.

const KEY = 'papershelf:lastTopics';
/** A ranking this large (all time, say) is not kept: localStorage is for small things. */
const KEEP_AT_MOST_IDS = 5_000;

export interface KeptTopics {
  /** The `libraryChange` stamp it was ranked at: equal to the current one, it is exact. */
  changeAt: number;
  result: TopicsResult;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The ranking kept for `window` today, or null (none, another day, or unreadable). */
export function keptTopics(window: TopicWindow): KeptTopics | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (kept?.day !== today() || kept.result?.window !== window || !Array.isArray(kept.result.topics)) return null;
    return typeof kept.changeAt === 'number' ? { changeAt: kept.changeAt, result: kept.result } : null;
  } catch {
    return null;
  }
}

export function keepTopics(result: TopicsResult, changeAt: number): void {
  try {
    const ids = result.topics.reduce((sum, topic) => sum + topic.paperIds.length, 0);
    if (ids > KEEP_AT_MOST_IDS) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify({ day: today(), changeAt, result }));
  } catch {
    // storage full or unavailable: the next opening ranks them, as it would anyway
  }
}
