import { paperUrl } from '@/lib/arxiv';
import {
  newPaper,
  type Paper,
  type PaperFacts,
  type PaperRecord,
  type PaperSighting,
  TITLE_SOURCES,
  type TitleSource,
  UNKNOWN_FACTS,
  type UpvoteObservation,
} from '@/lib/paper';
import { plausibleTitle } from '@/lib/values';

const RECENT_VIEWS = 32;
const HISTORY_POINTS = 128;
const MAX_KEYWORDS = 64;

type Annotated = Pick<Paper, 'annotatedAt'>;

type Facts = Omit<PaperFacts, 'title'>;
type Titled = { title: string; titleSource?: TitleSource };

/** ISO times compare as text. */
const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);
const longer = (old: string | null, next: string | null | undefined) =>
  next && (!old || next.length >= old.length) ? next : old;
const latest = <T>(old: T | null, next: T | null | undefined): T | null => next ?? old;
const kept = <T>(old: T | null, next: T | null | undefined): T | null => old ?? next ?? null;
const latestTime = (a: string | null | undefined, b: string | null | undefined) =>
  a && b ? later(a, b) : (a ?? b ?? null);

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
 * overwrites a value. Text and lists keep the longer one, counts keep the newer observation, and facts
 * that do not change (dates, links) keep the first one known.
 */
function mergeFacts(old: Facts, next: Partial<Facts>, nextIsNewer: boolean): Facts {
  const newer = nextIsNewer ? latest : kept;
  return {
    abstract: longer(old.abstract, next.abstract),
    aiSummary: longer(old.aiSummary, next.aiSummary),
    authors:
      next.authors && next.authors.length >= old.authors.length && next.authors.length ? next.authors : old.authors,
    keywords: unionKeywords(old.keywords, next.keywords),
    upvotes: newer(old.upvotes, next.upvotes),
    comments: newer(old.comments, next.comments),
    githubStars: newer(old.githubStars, next.githubStars),
    publishedAt: kept(old.publishedAt, next.publishedAt),
    submittedOnDailyAt: kept(old.submittedOnDailyAt, next.submittedOnDailyAt),
    githubRepo: kept(old.githubRepo, next.githubRepo),
    projectPage: kept(old.projectPage, next.projectPage),
    organization: kept(old.organization, next.organization),
    venue: kept(old.venue ?? null, next.venue),
  };
}

// TITLE_SOURCES runs weakest first. A title of unknown source (from an import file, or stored before sources
// were kept) counts as a card's.
const titleStrength = (source: TitleSource | undefined) => TITLE_SOURCES.indexOf(source ?? 'card');

/**
 * A title changes only to a better reading of the same paper: a stronger source replaces it, an equally
 * strong one only when newer and plausible (not an abstract or a caption), a weaker one never.
 */
function betterTitle(old: Titled, next: Titled, nextIsNewer: boolean, abstract: string | null): Titled {
  const gain = titleStrength(next.titleSource) - titleStrength(old.titleSource);
  const winner = gain > 0 || (gain === 0 && nextIsNewer && plausibleTitle(next.title, abstract)) ? next : old;
  return winner.titleSource ? { title: winner.title, titleSource: winner.titleSource } : { title: winner.title };
}

/**
 * The record without its title's source, so a title of unknown source does not inherit the old one's; and no longer
 * one known only through sync, since a page or a file now tells of it.
 */
function withoutTitleSource(record: PaperRecord): PaperRecord {
  const { titleSource: _, onlyFromSync: __, ...rest } = record;
  return rest;
}

/** Keeps the series short: when full, every other point of the older half goes, so the long-range shape survives. */
export function capHistory(history: UpvoteObservation[]): UpvoteObservation[] {
  let capped = history;
  while (capped.length > HISTORY_POINTS) {
    const half = Math.floor(capped.length / 2);
    capped = [...capped.slice(0, half).filter((_, index) => index % 2 === 0), ...capped.slice(half)];
  }
  return capped;
}

/**
 * A new count joins the series. An unchanged count marks how long it held: a plateau keeps its first and its
 * latest observation (the latter moved forward), so a rate over the observed span sees the count stall.
 */
function observeUpvotes(history: UpvoteObservation[], upvotes: number | null | undefined, at: string) {
  if (upvotes === null || upvotes === undefined) return history;
  const last = history.at(-1);
  if (last?.upvotes === upvotes && history.at(-2)?.upvotes === upvotes) {
    return last.at < at ? [...history.slice(0, -1), { at, upvotes }] : history;
  }
  if (last && last.at >= at && last.upvotes === upvotes) return history;
  return capHistory([...history, { at, upvotes }]);
}

function factsOf(paper: Partial<Facts>): Partial<Facts> {
  const facts: Partial<Facts> = {};
  for (const key of Object.keys(UNKNOWN_FACTS) as (keyof Facts)[]) {
    if (paper[key] !== undefined) (facts as Record<string, unknown>)[key] = paper[key];
  }
  return facts;
}

/**
 * A sighting from a page view, folded into what the library knows. `opened`: the view is the paper's own page,
 * which the user chose to open.
 */
export function mergeSighting(
  stored: PaperRecord | undefined,
  sighting: PaperSighting,
  viewId: string,
  now: string,
  opened = false,
): PaperRecord {
  const base: PaperRecord = stored ?? { ...newPaper(sighting.id, sighting.title, now), recentViewIds: [] };
  const facts = mergeFacts(base, factsOf(sighting), true);
  const newView = !base.recentViewIds.includes(viewId);
  return {
    ...withoutTitleSource(base),
    ...facts,
    // A first sighting's title is its own, whatever its source.
    ...betterTitle(stored ? base : sighting, sighting, true, facts.abstract),
    url: paperUrl(base.id),
    // A paper that came only through sync is first seen here now.
    firstSeenAt: stored?.onlyFromSync ? now : earlier(base.firstSeenAt, now),
    lastSeenAt: now,
    seenCount: base.seenCount + (newView ? 1 : 0),
    recentViewIds: newView ? [...base.recentViewIds, viewId].slice(-RECENT_VIEWS) : base.recentViewIds,
    upvoteHistory: observeUpvotes(base.upvoteHistory, sighting.upvotes, now),
    ...(opened ? { openedAt: now } : {}),
  };
}

/** When a record's counts were last observed: its last sighting, or its last upvote point if later. */
const observedAt = (paper: Paper) => later(paper.lastSeenAt, paper.upvoteHistory.at(-1)?.at ?? '');

/**
 * Both series as one, by time: one point per time (the newer record's on a tie), a run of one value kept as its
 * first and last points (as a capture keeps a plateau), capped.
 */
function mergeHistories(older: UpvoteObservation[], newer: UpvoteObservation[]): UpvoteObservation[] {
  const byTime = new Map([...older, ...newer].map((point) => [point.at, point]));
  const sorted = [...byTime.values()].sort((x, y) => x.at.localeCompare(y.at));
  const inside = (index: number) =>
    sorted[index - 1]?.upvotes === sorted[index].upvotes && sorted[index + 1]?.upvotes === sorted[index].upvotes;
  return capHistory(sorted.filter((_, index) => !inside(index)));
}

/**
 * Whether the file's star, tags and note replace the library's: the later user edit (annotatedAt) wins, and a
 * dated edit beats an undated one. With neither dated, the library's win: it is the newer truth for the
 * user's own edits, so an old backup never brings back a star, tag or note the user removed.
 */
function importedAnnotationWins(stored: Annotated, incoming: Annotated): boolean {
  const storedAt = stored.annotatedAt ?? null;
  const incomingAt = incoming.annotatedAt ?? null;
  if (storedAt && incomingAt) return incomingAt > storedAt;
  return Boolean(incomingAt);
}

const COUNTS = ['upvotes', 'comments', 'githubStars'] as const;

const sameAnnotation = (a: Paper, b: Paper) =>
  a.starred === b.starred &&
  a.note === b.note &&
  a.tags.join('\n') === b.tags.join('\n') &&
  (a.readingState ?? null) === (b.readingState ?? null);

/** What an import did to one paper, for its report. */
export interface ImportMerge {
  record: PaperRecord;
  /** The library had no record of the paper. */
  added: boolean;
  /** The library's counts were observed no earlier than the file's and differ: they were kept. */
  keptNewerCounts: boolean;
  /** The library's star, tags or note differ from the file's and were kept, being the later (or only dated) edit. */
  keptNewerAnnotation: boolean;
}

/**
 * An imported record: kept exactly in an empty slot, merged onto an existing one by recency, so an old backup
 * never rolls the library back. Counts come from the newer observation, star/tags/note from the later user
 * edit, the title by its source's strength; other facts by the capture rules.
 */
export function mergeImported(stored: PaperRecord | undefined, incoming: Paper): ImportMerge {
  if (!stored) {
    return {
      record: { ...incoming, recentViewIds: [] },
      added: true,
      keptNewerCounts: false,
      keptNewerAnnotation: false,
    };
  }
  const base: PaperRecord = stored;
  const incomingNewer = observedAt(incoming) > observedAt(stored);
  const [older, newer] = incomingNewer ? [stored, incoming] : [incoming, stored];
  const facts = mergeFacts(stored, factsOf(incoming), incomingNewer);
  const annotationFromFile = importedAnnotationWins(base, incoming);
  const record: PaperRecord = {
    ...withoutTitleSource(base),
    ...facts,
    ...betterTitle(base, { title: incoming.title }, incomingNewer, facts.abstract),
    firstSeenAt: earlier(stored.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: later(stored.lastSeenAt, incoming.lastSeenAt),
    seenCount: Math.max(stored.seenCount, incoming.seenCount),
    upvoteHistory: mergeHistories(older.upvoteHistory, newer.upvoteHistory),
    openedAt: latestTime(stored.openedAt, incoming.openedAt),
  };
  if (annotationFromFile) {
    const { starred, tags, note, annotatedAt, readingState, queuedAt } = incoming;
    Object.assign(record, {
      starred,
      tags,
      note,
      annotatedAt: annotatedAt ?? null,
      readingState: readingState ?? null,
      queuedAt: readingState === 'to-read' ? (queuedAt ?? null) : null,
    });
  }
  return {
    record,
    added: false,
    keptNewerCounts: !incomingNewer && COUNTS.some((key) => incoming[key] !== null && incoming[key] !== stored[key]),
    keptNewerAnnotation: !annotationFromFile && !sameAnnotation(stored, incoming),
  };
}

/** Running totals of an import: "N added, M updated (K newer counts, J newer annotations kept)". */
export interface ImportSummary {
  added: number;
  updated: number;
  keptNewerCounts: number;
  keptNewerAnnotations: number;
}

export function tallyImport(summary: ImportSummary, merge: ImportMerge): ImportSummary {
  return {
    added: summary.added + (merge.added ? 1 : 0),
    updated: summary.updated + (merge.added ? 0 : 1),
    keptNewerCounts: summary.keptNewerCounts + (merge.keptNewerCounts ? 1 : 0),
    keptNewerAnnotations: summary.keptNewerAnnotations + (merge.keptNewerAnnotation ? 1 : 0),
  };
}
