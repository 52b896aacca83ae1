// New-style ids (0704.0001 … 2609.30192) and old-style ids (hep-th/9901001), with an optional version suffix.
const NEW_STYLE_ID = String.raw`(\d{4})\.(\d{4,5})`;
const NEW_STYLE = new RegExp(`^(${NEW_STYLE_ID})(?:v\\d+)?$`);
const NEW_STYLE_EXACT = new RegExp(`^${NEW_STYLE_ID}$`);
const OLD_STYLE = /^([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

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
