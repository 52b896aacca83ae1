import { isPapersPageUrl, paperUrl, parseArxivId } from '@/lib/arxiv';
import {
  type CaptureBatch,
  type Paper,
  type PaperSighting,
  READING_STATES,
  type ReadingState,
  type TitleSource,
  UNKNOWN_FACTS,
  type UpvoteObservation,
} from '@/lib/paper';
import { cleanText } from '@/lib/text';
import { count, type Fields, isObject, isoDate, own, textList, webUrl } from '@/lib/values';

/** Length caps: generous for real papers, small enough that a hostile page cannot bloat the library. */
const LIMITS = {
  papersPerBatch: 500,
  title: 1_000,
  abstract: 20_000,
  aiSummary: 5_000,
  author: 300,
  authors: 2_000,
  keyword: 100,
  keywords: 64,
  url: 2_048,
  organization: 300,
  venue: 300,
  tag: 100,
  tags: 64,
  note: 10_000,
  history: 1_000,
  viewId: 64,
} as const;

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The page-derived facts of a record, each checked and normalized on its own. */
function readSighting(input: unknown): Result<PaperSighting> {
  if (!isObject(input)) return { ok: false, reason: 'not an object' };
  const id = parseArxivId(own(input, 'id'));
  if (!id) return { ok: false, reason: 'id is not an arXiv id' };
  const title = cleanText(own(input, 'title'), LIMITS.title);
  if (!title) return { ok: false, reason: 'no title' };
  const sighting: PaperSighting = { id, title };
  const optional = {
    abstract: () => cleanText(own(input, 'abstract'), LIMITS.abstract),
    aiSummary: () => cleanText(own(input, 'aiSummary'), LIMITS.aiSummary),
    authors: () => textList(own(input, 'authors'), LIMITS.authors, LIMITS.author, false),
    keywords: () => textList(own(input, 'keywords'), LIMITS.keywords, LIMITS.keyword),
    upvotes: () => count(own(input, 'upvotes')),
    comments: () => count(own(input, 'comments')),
    githubStars: () => count(own(input, 'githubStars')),
    publishedAt: () => isoDate(own(input, 'publishedAt')),
    submittedOnDailyAt: () => isoDate(own(input, 'submittedOnDailyAt')),
    githubRepo: () => webUrl(own(input, 'githubRepo')),
    projectPage: () => webUrl(own(input, 'projectPage')),
    organization: () => cleanText(own(input, 'organization'), LIMITS.organization),
    venue: () => cleanText(own(input, 'venue'), LIMITS.venue),
  } satisfies { [K in keyof Omit<PaperSighting, 'id' | 'title' | 'titleSource'>]-?: () => PaperSighting[K] };
  for (const [key, read] of Object.entries(optional)) {
    // Absent stays absent: a field the page did not show must not erase what the library knows.
    if (own(input, key) !== undefined) (sighting as Fields)[key] = read();
  }
  return { ok: true, value: sighting };
}

function isPapersPage(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LIMITS.url) return false;
  try {
    return isPapersPageUrl(new URL(value));
  } catch {
    return false;
  }
}

/** Where a sighting's title was read (lib/page): the merge lets a stronger reading replace a weaker one. */
const TITLE_SOURCES: readonly unknown[] = ['island', 'card', 'link'] satisfies TitleSource[];

/** A known title source is kept; anything else is left out, so the title counts as one of unknown source. */
function withTitleSource(sighting: PaperSighting, source: unknown): PaperSighting & { titleSource?: TitleSource } {
  return TITLE_SOURCES.includes(source) ? { ...sighting, titleSource: source as TitleSource } : sighting;
}

/** A page view's id as the content script makes them (a UUID), or anything as plain and short. */
export function isViewId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LIMITS.viewId && /^[A-Za-z0-9_-]+$/.test(value);
}

export type CaptureValidation =
  | { ok: true; batch: CaptureBatch; dropped: { index: number; reason: string }[] }
  | { ok: false; reason: string };

/** A capture message, checked field by field: the page it came from is never trusted. */
export function validateCaptureBatch(input: unknown): CaptureValidation {
  if (!isObject(input)) return { ok: false, reason: 'batch is not an object' };
  const viewId = own(input, 'viewId');
  if (!isViewId(viewId)) return { ok: false, reason: 'bad viewId' };
  const pageUrl = own(input, 'pageUrl');
  if (!isPapersPage(pageUrl)) return { ok: false, reason: 'pageUrl is not a huggingface.co/papers page' };
  const papers = own(input, 'papers');
  if (!Array.isArray(papers)) return { ok: false, reason: 'papers is not an array' };
  if (papers.length > LIMITS.papersPerBatch) return { ok: false, reason: `more than ${LIMITS.papersPerBatch} papers` };
  const batch: CaptureBatch = { viewId, pageUrl, papers: [] };
  const dropped: { index: number; reason: string }[] = [];
  papers.forEach((paper, index) => {
    const result = readSighting(paper);
    if (!result.ok) dropped.push({ index, reason: result.reason });
    else batch.papers.push(withTitleSource(result.value, own(paper as Fields, 'titleSource')));
  });
  return { ok: true, batch, dropped };
}

function readHistory(value: unknown): UpvoteObservation[] | null {
  if (!Array.isArray(value) || value.length > LIMITS.history) return null;
  const history: UpvoteObservation[] = [];
  for (const point of value) {
    const at = isObject(point) ? isoDate(own(point, 'at')) : null;
    const upvotes = isObject(point) ? count(own(point, 'upvotes')) : null;
    if (at === null || upvotes === null) return null;
    history.push({ at, upvotes });
  }
  return history;
}

/**
 * Tags and note as the user may set them. Tags are normalized like page text; the note is kept as typed (line
 * breaks and all), only trimmed at its ends, since it is the user's own writing.
 */
export function readAnnotation(tags: unknown, note: unknown): Result<{ tags: string[]; note: string | null }> {
  if (!Array.isArray(tags) || tags.length > LIMITS.tags || tags.some((tag) => typeof tag !== 'string'))
    return { ok: false, reason: `tags must be up to ${LIMITS.tags} strings` };
  if (note !== null && typeof note !== 'string') return { ok: false, reason: 'note must be a string or null' };
  const typed = note?.trim() || null;
  if (typed && typed.length > LIMITS.note) return { ok: false, reason: 'note too long' };
  return { ok: true, value: { tags: textList(tags, LIMITS.tags, LIMITS.tag), note: typed } };
}

/** A reading state as a message or a file gives it: one of the states, or null (none); anything else is refused. */
export function readReadingState(value: unknown): Result<ReadingState | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  return READING_STATES.includes(value as ReadingState)
    ? { ok: true, value: value as ReadingState }
    : { ok: false, reason: `readingState must be null or one of ${READING_STATES.join(', ')}` };
}

/** A full exported record (e.g. from an import file), with the library's bookkeeping fields. */
export function validatePaperRecord(
  input: unknown,
): { ok: true; paper: Paper & { annotatedAt: string | null } } | { ok: false; reason: string } {
  const facts = readSighting(input);
  if (!facts.ok) return { ok: false, reason: facts.reason };
  const record = input as Fields;
  const firstSeenAt = isoDate(own(record, 'firstSeenAt'));
  const lastSeenAt = isoDate(own(record, 'lastSeenAt'));
  if (!firstSeenAt || !lastSeenAt) return { ok: false, reason: 'firstSeenAt and lastSeenAt must be dates' };
  const seenCount = count(own(record, 'seenCount'));
  if (seenCount === null) return { ok: false, reason: 'seenCount must be a whole number' };
  const starred = own(record, 'starred') ?? false;
  if (typeof starred !== 'boolean') return { ok: false, reason: 'starred must be true or false' };
  const annotation = readAnnotation(own(record, 'tags') ?? [], own(record, 'note') ?? null);
  if (!annotation.ok) return { ok: false, reason: annotation.reason };
  const upvoteHistory = readHistory(own(record, 'upvoteHistory') ?? []);
  if (!upvoteHistory) return { ok: false, reason: 'upvoteHistory must be a list of {at, upvotes}' };
  const readingState = readReadingState(own(record, 'readingState'));
  if (!readingState.ok) return { ok: false, reason: readingState.reason };
  const sighting = facts.value;
  return {
    ok: true,
    paper: {
      ...UNKNOWN_FACTS,
      ...sighting,
      url: paperUrl(sighting.id),
      firstSeenAt,
      lastSeenAt,
      seenCount,
      starred,
      tags: annotation.value.tags,
      note: annotation.value.note,
      // When the user last changed star, tags or note; unknown (null) in files from before it was kept.
      annotatedAt: isoDate(own(record, 'annotatedAt')),
      readingState: readingState.value,
      // Only a queued paper has a place in the queue; a file without one queues it at the edit that put it there.
      queuedAt:
        readingState.value === 'to-read'
          ? (isoDate(own(record, 'queuedAt')) ?? isoDate(own(record, 'annotatedAt')) ?? lastSeenAt)
          : null,
      openedAt: isoDate(own(record, 'openedAt')),
      upvoteHistory,
    },
  };
}
