import { newStyleParts } from './arxiv';
import type { Paper } from './paper';

export interface PaperLink {
  label: string;
  href: string;
}

/** Only https links are ever made clickable: a page can put anything in a field it calls a URL. */
export function safeHttpsUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The paper's arXiv abstract page, for ids arXiv knows (new-style and old-style); null for others. */
export function arxivAbsUrl(id: string): string | null {
  return newStyleParts(id) || id.includes('/') ? `https://arxiv.org/abs/${id}` : null;
}

/** Where a paper can be read: arXiv (abstract and PDF), its Hugging Face page, its code and project page. */
export function paperLinks(paper: Paper): PaperLink[] {
  const abs = arxivAbsUrl(paper.id);
  const links: (PaperLink | null)[] = [
    abs ? { label: 'arXiv', href: abs } : null,
    abs ? { label: 'PDF', href: `https://arxiv.org/pdf/${paper.id}` } : null,
    { label: 'Hugging Face', href: paper.url },
    ...[
      ['Code', paper.githubRepo],
      ['Project page', paper.projectPage],
    ].map(([label, value]) => {
      const href = safeHttpsUrl(value);
      return href ? { label: label as string, href } : null;
    }),
  ];
  return links.filter((link): link is PaperLink => link !== null && safeHttpsUrl(link.href) !== null);
}
