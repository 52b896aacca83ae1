import type { PaperChange, WriteTx } from '@/lib/library/derived';

/** Keeps the per-day topic tallies in step with `changes` (see topicDays in the schema). */
export async function updateTopicTallies(_tx: WriteTx, _changes: PaperChange[]): Promise<void> {}
