// Topics of a large library take seconds to compute: they run here, off the popup's main thread,
// on papers this worker reads itself so the popup never has to copy 50,000 records across.

import { errorMessage } from '@/lib/errors';
import { getAllPapers, openLibrary } from '@/lib/library/db';
import {
  analyzeLibrary,
  rankTopics,
  type TopicAnalysis,
  type TopicOptions,
  type TopicsResult,
} from '@/lib/topics/topics';

export interface TopicsRequest {
  id: number;
  /** The library changed since the last request: read it again. */
  reload: boolean;
  options: TopicOptions;
}

export type TopicsResponse = { id: number; result: TopicsResult } | { id: number; error: string };

// Kept between requests: switching the window only re-ranks.
let analysis: Promise<TopicAnalysis> | undefined;

async function analyze(): Promise<TopicAnalysis> {
  const db = await openLibrary();
  try {
    return analyzeLibrary(await getAllPapers(db));
  } finally {
    db.close();
  }
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<TopicsRequest>) => void) | null;
  postMessage(message: TopicsResponse): void;
};

scope.onmessage = async ({ data }) => {
  if (data.reload || !analysis) analysis = analyze();
  let response: TopicsResponse;
  try {
    response = { id: data.id, result: rankTopics(await analysis, data.options) };
  } catch (error) {
    analysis = undefined;
    response = { id: data.id, error: errorMessage(error) };
  }
  scope.postMessage(response);
};
