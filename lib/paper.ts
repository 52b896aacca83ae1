import { paperUrl } from './arxiv';

/** The facts a page can tell about a paper. Unknown values are null or []. */
export interface PaperFacts {
  title: string;
  abstract: string | null;
  authors: string[];
  upvotes: number | null;
  comments: number | null;
  publishedAt: string | null;
  /** The day the paper was on the daily list (ISO). */
  submittedOnDailyAt: string | null;
  keywords: string[];
  aiSummary: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  organization: string | null;
  /** Where the paper appeared ("NeurIPS 2025"), when a source says (a PaperMemory import). */
  venue: string | null;
}

/** Where a title was read, weakest first; a stronger reading replaces a weaker one (lib/library/merge.ts). */
export const TITLE_SOURCES = ['link', 'card', 'island'] as const;
export type TitleSource = (typeof TITLE_SOURCES)[number];

/** What one read of a page says about one paper: an id, a title, and whatever else was visible. */
export type PaperSighting = { id: string; title: string; titleSource?: TitleSource } & Partial<
  Omit<PaperFacts, 'title'>
>;

export interface UpvoteObservation {
  at: string;
  upvotes: number;
}

/** Where a paper stands in the user's reading: queued, done, or set aside. */
export type ReadingState = 'to-read' | 'read' | 'not-interested';
export const READING_STATES: readonly ReadingState[] = ['to-read', 'read', 'not-interested'];

/** A paper as the library keeps it (and as the JSON export writes it). */
export interface Paper extends PaperFacts {
  /** arXiv id without version suffix, e.g. "2509.24002". */
  id: string;
  url: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Number of distinct page views the paper was on screen in. */
  seenCount: number;
  starred: boolean;
  tags: string[];
  note: string | null;
  /** Compact (time, upvotes) series, oldest first, for velocity features. */
  upvoteHistory: UpvoteObservation[];
  /** When the user last changed star, tags, note or reading state (ISO); null or absent when unknown. */
  annotatedAt?: string | null;
  /** Absent in records written before reading states were kept: the same as null. */
  readingState?: ReadingState | null;
  /** When the paper was put on the To read queue (ISO), while it is there: the queue's order. */
  queuedAt?: string | null;
  /** When the user last opened the paper (its own Hugging Face page, or a link from Papershelf): a sign of interest. */
  openedAt?: string | null;
  /** Known here only through sync (annotated in another browser), until a page here shows it. */
  onlyFromSync?: boolean;
}

/** Every fact unknown: nothing is invented. */
export const UNKNOWN_FACTS: Omit<PaperFacts, 'title'> = {
  abstract: null,
  authors: [],
  upvotes: null,
  comments: null,
  publishedAt: null,
  submittedOnDailyAt: null,
  keywords: [],
  aiSummary: null,
  githubRepo: null,
  githubStars: null,
  projectPage: null,
  organization: null,
  venue: null,
};

/** A paper known only by its id and title, first seen at `seenAt`: the start of every record. */
export function newPaper(id: string, title: string, seenAt: string): Paper {
  return {
    id,
    title,
    ...UNKNOWN_FACTS,
    url: paperUrl(id),
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    seenCount: 0,
    starred: false,
    tags: [],
    note: null,
    upvoteHistory: [],
    annotatedAt: null,
    readingState: null,
    queuedAt: null,
    openedAt: null,
  };
}

/** A paper as merging sees it: plus the view ids it was counted in. Bookkeeping that never leaves the database. */
export interface PaperRecord extends Paper {
  /** The last few view ids the paper was counted in, so a re-read of the same view is not counted twice. */
  recentViewIds: string[];
  /** Where the title was read; absent when unknown (counts as a card's). */
  titleSource?: TitleSource;
}

/** The stored record: stamped with its last write, plus the keys the list's indexes sort by. */
export interface StoredPaper extends PaperRecord {
  changedAt: string;
  /** publishedAt, or '' when unknown (IndexedDB leaves records with a null key out of an index). */
  publishedOrder: string;
  /** upvotes, or -1 when unknown. */
  upvoteOrder: number;
  /** Upvotes gained per day (lib/velocity.ts), or NO_VELOCITY when too few observations tell. */
  velocityOrder: number;
  /** lastSeenAt, present only on starred papers: the starred index holds just them. */
  starredOrder?: string;
}

/** Keeps only the facts a page actually showed: an absent field stays absent, never invented. */
export function known(sighting: Record<string, unknown>): PaperSighting {
  for (const [key, value] of Object.entries(sighting)) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) delete sighting[key];
  }
  return sighting as PaperSighting;
}

/** One read of one page view, sent from the content script to the background. */
export interface CaptureBatch {
  viewId: string;
  pageUrl: string;
  papers: PaperSighting[];
}
