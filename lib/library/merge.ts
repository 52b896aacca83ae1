import { paperUrl } from '@/lib/arxiv';
import {
  newPaper,
  type Paper,
  type PaperFacts,
  type PaperRecord,
  type PaperSighting,
  UNKNOWN_FACTS,
  type UpvoteObservation,
} from '@/lib/paper';

const RECENT_VIEWS = 32;
const HISTORY_POINTS = 128;
const MAX_KEYWORDS = 64;

type Facts = Omit<PaperFacts, 'title'> & { title: string };

/** ISO times compare as text. */
const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);
const longer = (old: string | null, next: string | null | undefined) =>
  next && (!old || next.length >= old.length) ? next : old;
const latest = <T>(old: T | null, next: T | null | undefined): T | null => next ?? old;
const kept = <T>(old: T | null, next: T | null | undefined): T | null => old ?? next ?? null;

function unionKeywords(old: string[], next: string[] | undefined): string[] {
  const seen = new Set(old.map((word) => word.toLowerCase()));
  const union = [...old];
  for (const word of next ?? []) {
    if (seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    union.push(word);
  }
  return union.slice(0, MAX_KEYWORDS);
}

/**
 * The one merge of what is known about a paper: the richest value wins field by field and a blank never
 * overwrites a value. Text and lists keep the longer one, counts keep the latest observation, and facts
 * that do not change (dates, links) keep the first one known.
 */
function mergeFacts(old: Facts, next: Partial<Facts>): Facts {
  return {
    title: longer(old.title, next.title) ?? old.title,
    abstract: longer(old.abstract, next.abstract),
    aiSummary: longer(old.aiSummary, next.aiSummary),
    authors:
      next.authors && next.authors.length >= old.authors.length && next.authors.length ? next.authors : old.authors,
    keywords: unionKeywords(old.keywords, next.keywords),
    upvotes: latest(old.upvotes, next.upvotes),
    comments: latest(old.comments, next.comments),
    githubStars: latest(old.githubStars, next.githubStars),
    publishedAt: kept(old.publishedAt, next.publishedAt),
    submittedOnDailyAt: kept(old.submittedOnDailyAt, next.submittedOnDailyAt),
    githubRepo: kept(old.githubRepo, next.githubRepo),
    projectPage: kept(old.projectPage, next.projectPage),
    organization: kept(old.organization, next.organization),
  };
}

/** Keeps the series short: when full, every other point of the older half goes, so the long-range shape survives. */
export function capHistory(history: UpvoteObservation[]): UpvoteObservation[] {
  if (history.length <= HISTORY_POINTS) return history;
  const half = Math.floor(history.length / 2);
  return [...history.slice(0, half).filter((_, index) => index % 2 === 0), ...history.slice(half)];
}

function observeUpvotes(history: UpvoteObservation[], upvotes: number | null | undefined, at: string) {
  if (upvotes === null || upvotes === undefined) return history;
  if (history.at(-1)?.upvotes === upvotes) return history;
  return capHistory([...history, { at, upvotes }]);
}

function factsOf(paper: Partial<Facts>): Partial<Facts> {
  const facts: Partial<Facts> = {};
  for (const key of Object.keys(UNKNOWN_FACTS) as (keyof Facts)[]) {
    if (paper[key] !== undefined) (facts as Record<string, unknown>)[key] = paper[key];
  }
  if (paper.title !== undefined) facts.title = paper.title;
  return facts;
}

/** A sighting from a page view, folded into what the library knows. */
export function mergeSighting(
  stored: PaperRecord | undefined,
  sighting: PaperSighting,
  viewId: string,
  now: string,
): PaperRecord {
  const base: PaperRecord = stored ?? { ...newPaper(sighting.id, sighting.title, now), recentViewIds: [] };
  const newView = !base.recentViewIds.includes(viewId);
  return {
    ...base,
    ...mergeFacts(base, factsOf(sighting)),
    url: paperUrl(base.id),
    firstSeenAt: earlier(base.firstSeenAt, now),
    lastSeenAt: now,
    seenCount: base.seenCount + (newView ? 1 : 0),
    recentViewIds: newView ? [...base.recentViewIds, viewId].slice(-RECENT_VIEWS) : base.recentViewIds,
    upvoteHistory: observeUpvotes(base.upvoteHistory, sighting.upvotes, now),
  };
}

function mergeHistories(a: UpvoteObservation[], b: UpvoteObservation[]): UpvoteObservation[] {
  const byTime = new Map([...a, ...b].map((point) => [point.at, point]));
  return capHistory([...byTime.values()].sort((x, y) => x.at.localeCompare(y.at)));
}

/** An imported record: kept exactly in an empty slot, merged by the same rules onto an existing one. */
export function mergeImported(stored: PaperRecord | undefined, incoming: Paper): PaperRecord {
  if (!stored) return { ...incoming, recentViewIds: [] };
  return {
    ...stored,
    ...mergeFacts(stored, factsOf(incoming)),
    firstSeenAt: earlier(stored.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: later(stored.lastSeenAt, incoming.lastSeenAt),
    seenCount: Math.max(stored.seenCount, incoming.seenCount),
    starred: stored.starred || incoming.starred,
    tags: [...new Set([...stored.tags, ...incoming.tags])],
    note: stored.note || incoming.note,
    upvoteHistory: mergeHistories(stored.upvoteHistory, incoming.upvoteHistory),
  };
}
