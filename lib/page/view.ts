import { arxivIdFromPaperPath } from '@/lib/arxiv';

export type PapersView =
  | { kind: 'daily'; date: string | null }
  | { kind: 'weekly'; period: string }
  | { kind: 'monthly'; period: string }
  | { kind: 'trending' }
  | { kind: 'search'; query: string }
  | { kind: 'paper'; paperId: string };

/** Which papers view a URL shows, or null for anything that is not one. */
export function classifyPapersUrl(href: string): PapersView | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.hostname !== 'huggingface.co') return null;
  const path = url.pathname.replace(/\/+$/, '');
  const query = url.searchParams.get('q');
  if (path === '/papers') {
    if (query !== null) return { kind: 'search', query };
    const date = url.searchParams.get('date');
    return { kind: 'daily', date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null };
  }
  let match = /^\/papers\/date\/(\d{4}-\d{2}-\d{2})$/.exec(path);
  if (match) return { kind: 'daily', date: match[1] };
  match = /^\/papers\/week\/(\d{4}-W\d{2})$/.exec(path);
  if (match) return { kind: 'weekly', period: match[1] };
  match = /^\/papers\/month\/(\d{4}-\d{2})$/.exec(path);
  if (match) return { kind: 'monthly', period: match[1] };
  if (path === '/papers/trending') return { kind: 'trending' };
  const paperId = arxivIdFromPaperPath(path);
  return paperId ? { kind: 'paper', paperId } : null;
}
