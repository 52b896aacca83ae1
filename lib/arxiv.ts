// New-style ids (0704.0001 … 2609.30192) and old-style ids (hep-th/9901001), with an optional version suffix.
const NEW_STYLE_ID = String.raw`(\d{4})\.(\d{4,5})`;
const NEW_STYLE = new RegExp(`^(${NEW_STYLE_ID})(?:v\\d+)?$`);
const NEW_STYLE_EXACT = new RegExp(`^${NEW_STYLE_ID}$`);
const OLD_STYLE_ID = String.raw`[a-z][a-z-]*(?:\.[A-Z]{2})?\/(\d{4})\d{3}`;
const OLD_STYLE = new RegExp(`^(${OLD_STYLE_ID})(?:v\\d+)?$`);
const OLD_STYLE_EXACT = new RegExp(`^${OLD_STYLE_ID}$`);

/** The canonical arXiv id (version stripped), or null when the text is not arXiv-shaped. */
export function parseArxivId(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  const match = NEW_STYLE.exec(trimmed) ?? OLD_STYLE.exec(trimmed);
  return match ? match[1] : null;
}

/** A new-style id as the library keeps it (no version) split in its month and number, or null. */
export function newStyleParts(id: string): [month: string, number: string] | null {
  const match = NEW_STYLE_EXACT.exec(id);
  return match ? [match[1], match[2]] : null;
}

/**
 * The year and month of first submission an id as the library keeps it spells: "2401.00001" is January 2024,
 * "hep-th/9901001" January 1999 (old-style ids ran from 1991 to March 2007); null for any other text.
 */
export function submissionMonth(id: string): { year: number; month: number } | null {
  const yymm = NEW_STYLE_EXACT.exec(id)?.[1] ?? OLD_STYLE_EXACT.exec(id)?.[1];
  if (!yymm) return null;
  const [yy, month] = [Number(yymm.slice(0, 2)), Number(yymm.slice(2))];
  if (month < 1 || month > 12) return null;
  return { year: (id.includes('/') && yy >= 91 ? 1900 : 2000) + yy, month };
}

export const HF_ORIGIN = 'https://huggingface.co';

export function paperUrl(id: string): string {
  return `${HF_ORIGIN}/papers/${id}`;
}

/** A page under huggingface.co/papers: the only pages the extension reads. */
export function isPapersPageUrl(url: URL): boolean {
  return url.origin === HF_ORIGIN && (url.pathname === '/papers' || url.pathname.startsWith('/papers/'));
}

/** The arXiv id a `/papers/<id>` link points to, or null for any other link. */
export function arxivIdFromPaperPath(href: string): string | null {
  let path: string;
  try {
    path = new URL(href, HF_ORIGIN).pathname;
  } catch {
    return null;
  }
  const match = /^\/papers\/(.+?)\/?$/.exec(path);
  if (!match) return null;
  try {
    return parseArxivId(decodeURIComponent(match[1]));
  } catch {
    return null; // a malformed %-escape: not a paper link
  }
}
