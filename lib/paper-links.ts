import type { Paper } from './paper';

export interface PaperLink {
  label: string;
  href: string;
}

const NEW_STYLE = /^\d{4}\.\d{4,5}$/;

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

/** Where a paper can be read: arXiv (abstract and PDF), its Hugging Face page, its code and project page. */
export function paperLinks(paper: Paper): PaperLink[] {
  const arxiv = NEW_STYLE.test(paper.id) || paper.id.includes('/');
  const links: (PaperLink | null)[] = [
    arxiv ? { label: 'arXiv', href: `https://arxiv.org/abs/${paper.id}` } : null,
    arxiv ? { label: 'PDF', href: `https://arxiv.org/pdf/${paper.id}` } : null,
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
