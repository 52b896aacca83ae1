import { arxivIdFromPaperPath } from '@/lib/arxiv';
import type { PaperSighting } from '@/lib/paper';
import { cleanText } from '@/lib/text';

/** Layer 3: bare links to `/papers/<arXiv id>` with text, when nothing richer parses. */
export function readPaperLinks(root: ParentNode): PaperSighting[] {
  const byId = new Map<string, PaperSighting>();
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (href.includes('#')) continue;
    const id = arxivIdFromPaperPath(href);
    const title = id && cleanText(link.textContent);
    if (!id || !title) continue;
    const known = byId.get(id);
    if (!known || title.length > known.title.length) byId.set(id, { id, title });
  }
  return [...byId.values()];
}
