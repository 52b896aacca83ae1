import { arxivIdFromPaperPath } from '@/lib/arxiv';
import type { PaperSighting } from '@/lib/paper';
import { cleanText } from '@/lib/text';
import { plausibleTitle } from '@/lib/values';

/**
 * Layer 3: bare links to `/papers/<arXiv id>` with text, when nothing richer parses. The longest text that
 * reads like a title wins; a link wrapping a caption or an abstract names no title.
 */
export function readPaperLinks(root: ParentNode): PaperSighting[] {
  const byId = new Map<string, PaperSighting & { titleSource: 'link' }>();
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (href.includes('#')) continue;
    const id = arxivIdFromPaperPath(href);
    const title = id && cleanText(link.textContent);
    if (!id || !title || !plausibleTitle(title)) continue;
    const known = byId.get(id);
    if (!known || title.length > known.title.length) byId.set(id, { id, title, titleSource: 'link' });
  }
  return [...byId.values()];
}
