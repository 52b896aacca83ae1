import { parseArxivId } from '@/lib/arxiv';
import { known, type PaperSighting } from '@/lib/paper';
import { cleanText } from '@/lib/text';
import { count, isObject, isoDate, own, textList, webUrl } from '@/lib/values';
import type { PapersView } from './view';

type Json = Record<string, unknown>;

export interface IslandMeta {
  /** YYYY-MM-DD (daily) or the period string the island names. */
  date?: string;
  periodType?: string;
  query?: string;
  isTrending?: boolean;
}

export interface Island {
  target: 'DailyPapers' | 'PaperContent';
  meta: IslandMeta;
  papers: PaperSighting[];
}

const field = (object: unknown, key: string): unknown => (isObject(object) ? own(object, key) : undefined);

function organizationName(value: unknown): string | null {
  return cleanText(field(value, 'fullname')) ?? cleanText(field(value, 'name'));
}

function authorNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return textList(
    value.map((author) => field(author, 'name') ?? field(field(author, 'user'), 'fullname')),
    2_000,
    300,
    false,
  );
}

/** One `dailyPapers[]`/`searchResults[]` item (`{paper, title, summary, numComments, …}`) or a bare paper. */
function sightingFromItem(item: unknown, comments?: number | null): PaperSighting | null {
  const paper = isObject(field(item, 'paper')) ? field(item, 'paper') : item;
  const id = parseArxivId(field(paper, 'id'));
  const title = cleanText(field(paper, 'title')) ?? cleanText(field(item, 'title'));
  if (!id || !title) return null;
  return known({
    id,
    title,
    titleSource: 'island',
    abstract: cleanText(field(paper, 'summary')) ?? cleanText(field(item, 'summary')),
    authors: authorNames(field(paper, 'authors')),
    upvotes: count(field(paper, 'upvotes')),
    comments: comments ?? count(field(item, 'numComments')),
    publishedAt: isoDate(field(paper, 'publishedAt') ?? field(item, 'publishedAt')),
    submittedOnDailyAt: isoDate(field(paper, 'submittedOnDailyAt')),
    keywords: textList(field(paper, 'ai_keywords'), 64, 100),
    aiSummary: cleanText(field(paper, 'ai_summary')),
    githubRepo: webUrl(field(paper, 'githubRepo')),
    githubStars: count(field(paper, 'githubStars')),
    projectPage: webUrl(field(paper, 'projectPage')),
    organization: organizationName(field(paper, 'organization')) ?? organizationName(field(item, 'organization')),
  });
}

function readProps(element: Element | null): Json | null {
  const props = element instanceof HTMLElement ? element.dataset.props : undefined;
  if (!props) return null;
  try {
    const parsed: unknown = JSON.parse(props);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function readMeta(props: Json): IslandMeta {
  const meta: IslandMeta = {};
  const date = cleanText(field(props, 'dateString')) ?? cleanText(field(props, 'date'));
  if (date) meta.date = /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : date;
  const periodType = cleanText(field(props, 'periodType'));
  if (periodType) meta.periodType = periodType;
  const query = field(field(props, 'query'), 'q');
  if (typeof query === 'string') meta.query = query;
  const trending = field(props, 'isTrending');
  if (typeof trending === 'boolean') meta.isTrending = trending;
  return meta;
}

function sightingsOf(items: unknown): PaperSighting[] {
  if (!Array.isArray(items)) return [];
  const byId = new Map<string, PaperSighting>();
  for (const item of items) {
    const sighting = sightingFromItem(item);
    if (sighting && !byId.has(sighting.id)) byId.set(sighting.id, sighting);
  }
  return [...byId.values()];
}

/** The page's data island: the list views' `DailyPapers` or a paper page's `PaperContent`. Null when absent or unreadable. */
export function readIsland(root: ParentNode): Island | null {
  const list = readProps(root.querySelector('[data-target="DailyPapers"]'));
  if (list) {
    const results = field(list, 'searchResults');
    const items = Array.isArray(results) ? results : field(list, 'dailyPapers');
    return { target: 'DailyPapers', meta: readMeta(list), papers: sightingsOf(items) };
  }
  const content = readProps(root.querySelector('[data-target="PaperContent"]'));
  if (content) {
    // The page's comment count is its top-level comments: replies are not in this list.
    const comments = Array.isArray(field(content, 'comments'))
      ? (field(content, 'comments') as unknown[]).length
      : null;
    const paper = sightingFromItem(field(content, 'paper'), comments);
    return { target: 'PaperContent', meta: {}, papers: paper ? [paper] : [] };
  }
  return null;
}

/** Whether an island's own date/period/query agrees with the URL: false = it belongs to another view; null = cannot tell. */
export function islandMatchesView(meta: IslandMeta, view: PapersView): boolean | null {
  switch (view.kind) {
    case 'daily':
      if (meta.periodType && meta.periodType !== 'day') return false;
      return meta.date && view.date ? meta.date === view.date : null;
    case 'weekly':
    case 'monthly': {
      const type = view.kind === 'weekly' ? 'week' : 'month';
      if (meta.periodType)
        return (
          meta.periodType === type &&
          (!meta.date || !/^\d{4}-(W\d{2}|\d{2})$/.test(meta.date) || meta.date === view.period)
        );
      return null;
    }
    case 'search':
      return meta.query === undefined ? null : meta.query.trim().toLowerCase() === view.query.trim().toLowerCase();
    case 'trending':
      return meta.isTrending === undefined ? null : meta.isTrending;
    default:
      return null;
  }
}
