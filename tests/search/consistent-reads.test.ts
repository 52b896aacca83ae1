// Searches while captures and merges are under way: each answer must be the library as it stood at one moment.

import { openLibraryReader } from '@/lib/library/read';
import { WRITE_STORES } from '@/lib/library/schema';
import type { PaperSighting } from '@/lib/paper';
import { mergeSegments } from '@/lib/search/postings';
import { createSearcher } from '@/lib/search/store';
import { tokenize } from '@/lib/search/tokens';
import { openLibrary } from '@/lib/writes/db';
import { ingestCapture } from '@/lib/writes/ingest';

const CAPTURES = 40;
const PER_CAPTURE = 12;
const WORDS = ['sparse', 'attention', 'reward', 'decoding', 'robot', 'vision', 'agent', 'kernel'];
// A common word, a prefix of it, two words, a prefix with a few completions, and misspellings (a swap of
// neighbours in a word of a paper written midway, and in a common word).
const QUERIES = ['model', 'mod', 'model sparse', 'quirk12', 'zeat123', 'mdoel sparse'];
/** What a misspelled query should find: the papers of the word meant (no other word is a typo away). */
const MEANT: Record<string, string> = { zeat123: 'zeta123', 'mdoel sparse': 'model sparse' };

/** Paper `n`: common words, "model" in most abstracts, and words of its own (many terms to merge). */
function sighting(n: number): PaperSighting {
  const pick = (k: number) => WORDS[(n * 7 + k * 3) % WORDS.length];
  return {
    id: `2601.${String(n + 1).padStart(5, '0')}`,
    title: `${pick(0)} ${pick(1)} quirk${n}`,
    abstract: `${n % 4 === 3 ? '' : 'A model of '}${pick(2)} with zeta${n} and omega${n % 97}.`,
  };
}

const capture = (batch: number) => ({
  viewId: `view-${batch}`,
  pageUrl: 'https://huggingface.co/papers',
  papers: Array.from({ length: PER_CAPTURE }, (_, index) => sighting(batch * PER_CAPTURE + index)),
});

/** A linear scan: the papers having, for each query word, a word that starts with it (as the search matches). */
function scan(papers: Iterable<PaperSighting>, query: string): Set<string> {
  const words = tokenize(MEANT[query] ?? query);
  const found = new Set<string>();
  for (const paper of papers) {
    const terms = tokenize(`${paper.title} ${paper.abstract ?? ''}`);
    if (words.every((word) => terms.some((term) => term.startsWith(word)))) found.add(paper.id);
  }
  return found;
}

// Many writes, merges and searches interleaved: seconds on a loaded machine, and no time is asserted.
describe('a search while captures and merges are under way', { timeout: 60_000 }, () => {
  it('answers from one state: every paper written before it began, none not yet written by its end', async () => {
    const db = await openLibrary();
    // Papers whose write has committed, and papers whose write has at least begun; commits of writes and merges.
    const committed = new Map<string, PaperSighting>();
    const begun = new Map<string, PaperSighting>();
    let commits = 0;
    const write = async (batch: number) => {
      const { papers } = capture(batch);
      for (const paper of papers) begun.set(paper.id, paper);
      await ingestCapture(db, capture(batch), new Date().toISOString());
      for (const paper of papers) committed.set(paper.id, paper);
      commits++;
    };
    await write(0);
    // Writes go through the library's write path; merges move a few terms per short transaction (as the
    // background's merger does, with more), so every segment is rewritten under a new key many times over.
    let writing = true;
    const captures = (async () => {
      for (let batch = 1; batch < CAPTURES; batch++) await write(batch);
      writing = false;
    })();
    const merges = (async () => {
      while (writing || (await db.count('segments')) > 0) {
        const tx = db.transaction(WRITE_STORES, 'readwrite');
        await mergeSegments(tx, 7);
        await tx.done;
        commits++;
      }
    })();
    let busy = true;
    const done = Promise.all([captures, merges]).finally(() => {
      busy = false;
    });

    // A searcher that keeps its segments from one search to the next, and gives long rankings in two steps.
    const searcher = createSearcher(await openLibraryReader(), 20);
    const failures: string[] = [];
    let overlapped = 0;
    while (busy) {
      for (const query of QUERIES) {
        const [before, commitsBefore] = [scan(committed.values(), query), commits];
        const answer = await searcher.search(query);
        const ids = answer.rest ? await answer.rest() : answer.ids;
        const after = scan(begun.values(), query);
        if (commits !== commitsBefore) overlapped++;
        const missed = [...before].filter((id) => !ids.includes(id));
        const extra = ids.filter((id) => !after.has(id));
        if (missed.length || extra.length || ids.length !== answer.total || new Set(ids).size !== ids.length) {
          failures.push(`"${query}": ${missed.length} missed, ${extra.length} extra, ${ids.length}/${answer.total}`);
        }
      }
    }
    await done;
    expect(overlapped).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    // Once all is merged, the answers are the whole library's.
    for (const query of QUERIES) {
      const answer = await searcher.search(query);
      expect(new Set(answer.rest ? await answer.rest() : answer.ids)).toEqual(scan(committed.values(), query));
    }
  });
});
