// What the popup should show first for a query: the product's own ranking (lib/search/query.ts) over an in-memory
// copy of the postings the background writes, so the popup bench waits for the right paper, not just any row.
import type { Paper } from '@/lib/paper';
import { docNumber } from '@/lib/search/doc-ids';
import { nearTerms } from '@/lib/search/fuzzy';
import { type PostingsSource, searchPostings } from '@/lib/search/query';
import { sortedWithPrefix } from '@/lib/search/segments';
import { fieldTerms } from '@/lib/search/tokens';

/** Postings in memory, read the way lib/search/store.ts reads them from IndexedDB (same key order and limits). */
function memorySource(papers: Paper[]): PostingsSource {
  const postings = new Map<string, number[][]>();
  const idOf = new Map<number, string>();
  for (const paper of papers) {
    const { doc } = docNumber(paper.id);
    idOf.set(doc, paper.id);
    fieldTerms(paper).forEach((terms, field) => {
      for (const term of terms) {
        const fields = postings.get(term) ?? [[], [], []];
        if (!postings.has(term)) postings.set(term, fields);
        fields[field].push(doc);
      }
    });
  }
  // IndexedDB orders string keys by UTF-16 code units, as Array.prototype.sort does.
  const vocabulary = [...postings.keys()].sort();
  const ids = new Set(papers.map((paper) => paper.id));
  const none = [new Uint32Array(0), new Uint32Array(0), new Uint32Array(0)];
  return {
    async postings(terms) {
      return new Map(terms.map((term) => [term, postings.get(term)?.map((docs) => Uint32Array.from(docs)) ?? none]));
    },
    async termsBeginning(word) {
      return sortedWithPrefix(vocabulary, word, 2000);
    },
    async termsNear(word) {
      return nearTerms(word, vocabulary);
    },
    async paperCount() {
      return papers.length;
    },
    async idsOf(docs) {
      return docs.flatMap((doc) => idOf.get(doc) ?? []);
    },
    async hasPaper(id) {
      return ids.has(id);
    },
  };
}

/** The first result the popup should show for each query (null: no results). */
export async function expectedFirst(papers: Paper[], queries: string[]): Promise<(string | null)[]> {
  const source = memorySource(papers);
  const first: (string | null)[] = [];
  for (const query of queries) first.push((await searchPostings(source, query)).ids[0] ?? null);
  return first;
}
