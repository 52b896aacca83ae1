import { PAPER_COUNT_KEY } from '@/lib/library/schema';
import type { PaperChange, WriteTx } from '@/lib/library/write-tx';
import { fileTypoFormsOfEveryTerm, updatePostings } from '@/lib/search/postings';
import { updateTopicTallies } from '@/lib/topics/tallies';

async function updatePaperCount(tx: WriteTx, changes: PaperChange[]) {
  const delta = changes.reduce((sum, { before, after }) => sum + (after ? 1 : 0) - (before ? 1 : 0), 0);
  if (delta === 0) return;
  const meta = tx.objectStore('meta');
  const known = await meta.get(PAPER_COUNT_KEY);
  // Unknown (a library cleared, or from before the count was kept): counted once, here.
  const base = typeof known === 'number' ? known : (await tx.objectStore('papers').count()) - delta;
  await meta.put(base + delta, PAPER_COUNT_KEY);
}

/**
 * Brings what is derived from papers (the search postings, the topic tallies, the count) in step with `changes`,
 * inside the transaction that writes them: a paper and what is derived from it commit together or not at all.
 */
export async function updateDerived(tx: WriteTx, changes: PaperChange[]): Promise<void> {
  if (changes.length === 0) return;
  await Promise.all([updatePostings(tx, changes), updateTopicTallies(tx, changes), updatePaperCount(tx, changes)]);
}

/** Files the terms a library has indexed so far under their typo forms: derived once, when they are first kept. */
export const deriveTypoForms = (tx: WriteTx): Promise<void> => fileTypoFormsOfEveryTerm(tx);
