// The typo side of the on-disk index: a term new to the index is filed under its deletion forms as it enters the
// term list, in the same transaction, and a misspelled word reads the terms filed under its own forms.
import type { ReadTx } from '@/lib/library/read';
import { formRange } from '@/lib/library/schema';
import type { WriteTx } from '@/lib/library/write-tx';
import { deletionForms, lookupForms, twoTyposPrefix } from './fuzzy';

/** Files a term under each of its deletion forms. */
export function fileTypoForms(tx: WriteTx, term: string): Promise<unknown> {
  const forms = tx.objectStore('typoForms');
  return Promise.all(deletionForms(term).map((form) => forms.put(1, [form, term])));
}

/** Enters a term new to the index in the term list and under each of its deletion forms. */
export function fileTerm(tx: WriteTx, term: string): Promise<unknown> {
  return Promise.all([tx.objectStore('terms').put(1, term), fileTypoForms(tx, term)]);
}

/**
 * The terms `word` may be a misspelling of, as far as the merged index knows them: those sharing a deletion form
 * with it, and for a long word those beginning as it does. A superset: fuzzy.ts's nearTerms picks among them.
 */
export async function typoCandidatesOnDisk(tx: ReadTx, word: string): Promise<string[]> {
  const forms = tx.objectStore('typoForms');
  const prefix = twoTyposPrefix(word);
  const [filed, begun] = await Promise.all([
    Promise.all(lookupForms(word).map((form) => forms.getAllKeys(formRange(form)))),
    prefix === null ? [] : tx.objectStore('terms').getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)),
  ]);
  return [...filed.flatMap((keys) => keys.map(([, term]) => term)), ...begun];
}
