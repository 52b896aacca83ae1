import type { Paper } from '@/lib/paper';
import { type ChunkOptions, type PaperSource, renderInChunks } from './chunks';

export const EXPORT_FORMAT = 'papershelf';
/** The version this build writes; older files are upgraded on import (see export-upgrades.ts). */
export const EXPORT_VERSION = 1;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  count: number;
}

/** A paper as the export writes it: every field present, unknown ones null (annotatedAt: when the user last edited it). */
export type ExportedPaper = Paper & Required<Pick<Paper, 'annotatedAt' | 'readingState' | 'queuedAt' | 'openedAt'>>;

export interface ExportDocument extends ExportHeader {
  papers: ExportedPaper[];
}

/**
 * The paper as the export writes it: every Paper field in a fixed order (the object literal must name
 * them all), and nothing else — stored bookkeeping such as `recentViewIds` stays behind.
 */
export function exportPaper(paper: Paper): ExportedPaper {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    url: paper.url,
    publishedAt: paper.publishedAt,
    submittedOnDailyAt: paper.submittedOnDailyAt,
    upvotes: paper.upvotes,
    comments: paper.comments,
    keywords: paper.keywords,
    aiSummary: paper.aiSummary,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
    organization: paper.organization,
    venue: paper.venue ?? null,
    firstSeenAt: paper.firstSeenAt,
    lastSeenAt: paper.lastSeenAt,
    seenCount: paper.seenCount,
    starred: paper.starred,
    tags: paper.tags,
    note: paper.note,
    annotatedAt: paper.annotatedAt ?? null,
    readingState: paper.readingState ?? null,
    queuedAt: paper.queuedAt ?? null,
    openedAt: paper.openedAt ?? null,
    upvoteHistory: paper.upvoteHistory.map(({ at, upvotes }) => ({ at, upvotes })),
  };
}

function exportHeader(exportedAt: string, count: number): ExportHeader {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, count };
}

/** The whole export as one object, for small libraries and tests. */
export function toExportDocument(papers: readonly Paper[], exportedAt: string): ExportDocument {
  return { ...exportHeader(exportedAt, papers.length), papers: papers.map(exportPaper) };
}

/**
 * The same document as `toExportDocument`, written as Blob parts a chunk at a time, one paper per line.
 * `count` goes in the header, which is written before the papers are read.
 */
export async function* exportJsonChunks(
  papers: PaperSource,
  exportedAt: string,
  count: number,
  options?: ChunkOptions,
): AsyncGenerator<string> {
  const header = JSON.stringify(exportHeader(exportedAt, count));
  yield `${header.slice(0, -1)},"papers":[\n`;
  yield* renderInChunks(
    papers,
    (paper, index) => `${index ? ',\n' : ''}${JSON.stringify(exportPaper(paper))}`,
    options,
  );
  yield '\n]}\n';
}
