// What the library accepts from outside (a page's capture, a file's record, a message's annotation), as schemas:
// each field checked and normalized on its own, anything else left out.
import * as v from 'valibot';
import { isPapersPageUrl, paperUrl, parseArxivId } from '@/lib/arxiv';
import {
  type CaptureBatch,
  type Paper,
  type PaperSighting,
  READING_STATES,
  type ReadingState,
  TITLE_SOURCES,
  UNKNOWN_FACTS,
} from '@/lib/paper';
import { cleanText } from '@/lib/text';
import { check, count, isoDate, lenient, normalized, record, textList, webUrl } from '@/lib/values';

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

/** An arXiv id (any form the pages and files write), as the library keys it. */
export const arxivId = (message: string) => normalized(parseArxivId, message);

/** A date, as an ISO string. */
export const isoDateField = (message: string) => normalized(isoDate, message);

/** A page view's id as the content script makes them (a UUID), or anything as plain and short. */
export const viewIdField = v.pipe(
  v.string('bad viewId'),
  v.maxLength(LIMITS.viewId, 'bad viewId'),
  v.regex(/^[A-Za-z0-9_-]+$/, 'bad viewId'),
);

/** The page-derived facts of a record, each read on its own (a field read badly is null, not a refusal). */
const factEntries = {
  id: arxivId('id is not an arXiv id'),
  title: normalized((value) => cleanText(value, LIMITS.title), 'no title'),
  abstract: v.optional(lenient((value) => cleanText(value, LIMITS.abstract))),
  aiSummary: v.optional(lenient((value) => cleanText(value, LIMITS.aiSummary))),
  authors: v.optional(lenient((value) => textList(value, LIMITS.authors, LIMITS.author, false))),
  keywords: v.optional(lenient((value) => textList(value, LIMITS.keywords, LIMITS.keyword))),
  upvotes: v.optional(lenient(count)),
  comments: v.optional(lenient(count)),
  githubStars: v.optional(lenient(count)),
  publishedAt: v.optional(lenient(isoDate)),
  submittedOnDailyAt: v.optional(lenient(isoDate)),
  githubRepo: v.optional(lenient(webUrl)),
  projectPage: v.optional(lenient(webUrl)),
  organization: v.optional(lenient((value) => cleanText(value, LIMITS.organization))),
  venue: v.optional(lenient((value) => cleanText(value, LIMITS.venue))),
} satisfies { [K in keyof Omit<PaperSighting, 'titleSource'>]-?: v.GenericSchema };

/** Absent stays absent: a field the page did not show must not erase what the library knows. */
const defined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;

const sighting = v.pipe(
  record(
    {
      ...factEntries,
      // Where the title was read (lib/page), for the merge; a source it does not know counts as unknown.
      titleSource: v.fallback(v.optional(v.picklist(TITLE_SOURCES)), undefined),
    },
    'not an object',
  ),
  v.transform((read): PaperSighting => defined(read)),
);

const papersPage = v.pipe(
  v.string('pageUrl is not a huggingface.co/papers page'),
  v.maxLength(LIMITS.url, 'pageUrl is not a huggingface.co/papers page'),
  v.check(
    (value) => URL.canParse(value) && isPapersPageUrl(new URL(value)),
    'pageUrl is not a huggingface.co/papers page',
  ),
);

export interface CaptureValidated {
  batch: CaptureBatch;
  dropped: { index: number; reason: string }[];
}

/** A capture message: the batch is refused whole for a bad view or page, a bad paper in it is dropped with its reason. */
export const captureBatch = v.pipe(
  record(
    {
      viewId: viewIdField,
      pageUrl: papersPage,
      papers: v.pipe(
        v.array(v.unknown(), 'papers is not an array'),
        v.maxLength(LIMITS.papersPerBatch, `more than ${LIMITS.papersPerBatch} papers`),
      ),
    },
    'batch is not an object',
  ),
  v.transform(({ viewId, pageUrl, papers }): CaptureValidated => {
    const batch: CaptureBatch = { viewId, pageUrl, papers: [] };
    const dropped: { index: number; reason: string }[] = [];
    papers.forEach((paper, index) => {
      const read = check(sighting, paper);
      if (read.ok) batch.papers.push(read.value);
      else dropped.push({ index, reason: read.reason });
    });
    return { batch, dropped };
  }),
);

export type CaptureValidation = ({ ok: true } & CaptureValidated) | { ok: false; reason: string };

/** A capture message, checked field by field: the page it came from is never trusted. */
export function validateCaptureBatch(input: unknown): CaptureValidation {
  const result = check(captureBatch, input);
  return result.ok ? { ok: true, ...result.value } : result;
}

const TAGS = `tags must be up to ${LIMITS.tags} strings`;
const tagList = v.pipe(
  v.array(v.string(TAGS), TAGS),
  v.maxLength(LIMITS.tags, TAGS),
  v.transform((tags) => textList(tags, LIMITS.tags, LIMITS.tag)),
);

/** The note is kept as typed (line breaks and all), only trimmed at its ends, since it is the user's own writing. */
const noteText = v.pipe(
  v.nullable(v.string('note must be a string or null')),
  v.transform((note) => note?.trim() || null),
  v.check((note) => !note || note.length <= LIMITS.note, 'note too long'),
);

/** Tags and note as the user may set them; tags are normalized like page text. */
export const annotation = v.object({ tags: tagList, note: noteText });

export function readAnnotation(tags: unknown, note: unknown): Result<{ tags: string[]; note: string | null }> {
  return check(annotation, { tags, note });
}

/** A reading state as a message or a file gives it: one of the states, or null (none); anything else is refused. */
export const readingState = v.nullish(
  v.picklist(READING_STATES, `readingState must be null or one of ${READING_STATES.join(', ')}`),
  null,
);

export function readReadingState(value: unknown): Result<ReadingState | null> {
  return check(readingState, value);
}

const HISTORY = 'upvoteHistory must be a list of {at, upvotes}';
const upvoteHistory = v.pipe(
  v.array(record({ at: isoDateField(HISTORY), upvotes: normalized(count, HISTORY) }, HISTORY), HISTORY),
  v.maxLength(LIMITS.history, HISTORY),
);

const DATES = 'firstSeenAt and lastSeenAt must be dates';

/** A full exported record (e.g. from an import file), with the library's bookkeeping fields. */
export const paperRecord = v.pipe(
  record(
    {
      ...factEntries,
      firstSeenAt: isoDateField(DATES),
      lastSeenAt: isoDateField(DATES),
      seenCount: normalized(count, 'seenCount must be a whole number'),
      starred: v.nullish(v.boolean('starred must be true or false'), false),
      tags: v.nullish(tagList, []),
      note: v.optional(noteText, null),
      upvoteHistory: v.nullish(upvoteHistory, []),
      readingState,
      // When the user last changed star, tags or note; unknown (null) in files from before it was kept.
      annotatedAt: lenient(isoDate),
      queuedAt: lenient(isoDate),
      openedAt: lenient(isoDate),
    },
    'not an object',
  ),
  v.transform((read): Paper & { annotatedAt: string | null } => ({
    ...UNKNOWN_FACTS,
    // Facts the record lacks stay unknown; the bookkeeping fields always have a value (null when unknown).
    ...defined(read),
    url: paperUrl(read.id),
    // Only a queued paper has a place in the queue; a file without one queues it at the edit that put it there.
    queuedAt: read.readingState === 'to-read' ? (read.queuedAt ?? read.annotatedAt ?? read.lastSeenAt) : null,
  })),
);

export function validatePaperRecord(
  input: unknown,
): { ok: true; paper: Paper & { annotatedAt: string | null } } | { ok: false; reason: string } {
  const result = check(paperRecord, input);
  return result.ok ? { ok: true, paper: result.value } : result;
}
