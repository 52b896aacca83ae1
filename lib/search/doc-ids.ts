// Postings hold papers as 32-bit numbers, four bytes each instead of an id string. A new-style arXiv id is its
// own number (2509.24002 → 2509_24002); anything else (old-style ids) gets a hashed number above 2^31 and is
// remembered in a small table, as such ids are rare on the daily list.
import { newStyleParts } from '@/lib/arxiv';

const IRREGULAR = 0x8000_0000;
/** The `meta` key of the table of irregular ids, written with the postings that use them. */
export const IRREGULAR_IDS_KEY = 'search:irregularIds';

function regularNumber(id: string): number | null {
  const parts = newStyleParts(id);
  if (!parts) return null;
  const number = Number(parts[0]) * 100_000 + Number(parts[1]);
  // 0 ("0000.0000", never a real paper) is hashed instead: searches use it to mark a free slot.
  return number > 0 && decodeRegular(number) === id ? number : null;
}

function decodeRegular(number: number): string {
  const month = Math.floor(number / 100_000);
  // Ids gained a fifth digit in January 2015.
  const digits = month >= 1501 ? 5 : 4;
  return `${String(month).padStart(4, '0')}.${String(number % 100_000).padStart(digits, '0')}`;
}

function hashNumber(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  return (IRREGULAR | (hash >>> 1)) >>> 0;
}

/** The number a paper is known by in postings; `irregular` says whether it must be remembered to be read back. */
export function docNumber(id: string): { doc: number; irregular: boolean } {
  const regular = regularNumber(id);
  return regular === null ? { doc: hashNumber(id), irregular: true } : { doc: regular, irregular: false };
}

export const isIrregular = (doc: number) => doc >= IRREGULAR;

/** The id behind a posting's number; irregular ones come from the table written alongside them. */
export function docId(doc: number, irregular: Readonly<Record<number, string>>): string | undefined {
  return doc >= IRREGULAR ? irregular[doc] : decodeRegular(doc);
}

/** The ids behind many numbers (a search's results), in their order; numbers with no id are left out. */
export function docIds(docs: readonly number[], irregular: Readonly<Record<number, string>>): string[] {
  const ids: string[] = [];
  for (const doc of docs) {
    // Since 2015 a number is 9 digits and its id is those digits with a dot after the fourth: one conversion.
    const id = doc >= 150_100_000 && doc < IRREGULAR ? regularFast(doc) : docId(doc, irregular);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

function regularFast(doc: number): string {
  const digits = String(doc);
  return `${digits.slice(0, 4)}.${digits.slice(4)}`;
}
