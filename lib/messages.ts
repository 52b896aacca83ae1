import { browser } from 'wxt/browser';
import type { ImportReport } from '@/lib/io/import-file';
import type { SeenBefore } from './library/seen';
import type { CaptureBatch, ReadingState } from './paper';

export interface CaptureResult {
  accepted: number;
  rejected: number;
}

/** Most ids one lookup may ask about: a page shows a few dozen cards. */
export const MAX_LOOKUP_IDS = 500;

/**
 * Every message between the parts, declared once: name → data → reply.
 * `capture`, `lookupSeen` and `starFromPage` come from the content script; everything else from extension pages.
 */
export interface ProtocolMap {
  capture: { data: CaptureBatch; reply: CaptureResult };
  /** Of the ids on screen, the papers seen in an earlier page view than `viewId` (the others are left out). */
  lookupSeen: { data: { ids: string[]; viewId: string }; reply: { papers: SeenBefore[] } };
  /** The star toggle on a single-paper page; only a paper already in the library can be starred. */
  starFromPage: { data: { id: string; starred: boolean }; reply: { ok: boolean } };
  setStarred: { data: { id: string; starred: boolean }; reply: { ok: boolean } };
  annotate: { data: { id: string; tags: string[]; note: string | null }; reply: { ok: boolean } };
  setReadingState: { data: { id: string; state: ReadingState | null }; reply: { ok: boolean } };
  /** A link to the paper (arXiv, PDF, its HF page) was opened from an extension page: a sign of interest. */
  paperOpened: { data: { id: string }; reply: { ok: boolean } };
  deletePapers: { data: { ids: string[] }; reply: { deleted: number } };
  purgeSeenBefore: { data: { before: string }; reply: { deleted: number } };
  /** `alsoSynced`: clear the copy the browser syncs too (stars, tags, notes, reading states in every browser). */
  clearLibrary: { data: { alsoSynced?: boolean }; reply: { deleted: number } };
  /** An import file is handed over as text in pieces, then checked and committed by the background alone. */
  importBegin: { data: { fileName: string }; reply: { importId: string } };
  importChunk: { data: { importId: string; text: string }; reply: { received: number } };
  importCommit: { data: { importId: string }; reply: ImportReport };
  /** The page handing a file over went away before committing it (its port closed): nothing is imported. */
  importAbandon: { data: { importId: string }; reply: { abandoned: boolean } };
  /** Opens (and if needed migrates) the library, so extension pages can read it. */
  prepareLibrary: { data: Record<string, never>; reply: { count: number } };
}

/** The name of the port a page holds open while it hands an import over: its closing abandons the import. */
export const IMPORT_PORT_PREFIX = 'import:';

export type MessageType = keyof ProtocolMap;
export type MessageData<T extends MessageType> = ProtocolMap[T]['data'];
export type MessageReply<T extends MessageType> = ProtocolMap[T]['reply'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  data: MessageData<T>;
}

/** A reply is either a value or a reason it was refused; errors never cross the boundary as exceptions. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export async function sendMessage<T extends MessageType>(type: T, data: MessageData<T>): Promise<MessageReply<T>> {
  const outcome = (await browser.runtime.sendMessage({ type, data } satisfies Envelope<T>)) as
    | Outcome<MessageReply<T>>
    | undefined;
  if (!outcome) throw new Error(`No reply to ${type}`);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}
