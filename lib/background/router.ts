import * as v from 'valibot';
import { errorMessage } from '@/lib/errors';
import type { MessageReply, MessageType, Outcome } from '@/lib/messages';
import { type CheckedData, MESSAGE_DATA } from './message-schemas';
import type { SenderRole } from './sender';

/** One handler per message, given its data checked and normalized (see message-schemas.ts). */
export type Handlers = { [T in MessageType]: (data: CheckedData<T>) => Promise<MessageReply<T>> };

/** Which part of the extension may send each message. */
const ALLOWED_SENDER: Record<MessageType, SenderRole> = {
  capture: 'content-script',
  lookupSeen: 'content-script',
  starFromPage: 'content-script',
  setStarred: 'extension-page',
  annotate: 'extension-page',
  setReadingState: 'extension-page',
  paperOpened: 'extension-page',
  deletePapers: 'extension-page',
  purgeSeenBefore: 'extension-page',
  clearLibrary: 'extension-page',
  importBegin: 'extension-page',
  importChunk: 'extension-page',
  importCommit: 'extension-page',
  importAbandon: 'extension-page',
  prepareLibrary: 'extension-page',
};

function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(ALLOWED_SENDER, value);
}

/**
 * Routes a raw message to its handler: its type known, its sender the one allowed, its data as its schema says.
 * Anything unexpected is refused with a reason, never thrown.
 */
export function createRouter(handlers: Handlers, log: (reason: string) => void = console.warn) {
  return async function route(message: unknown, role: SenderRole | null): Promise<Outcome<unknown>> {
    const refuse = (reason: string): Outcome<unknown> => {
      log(`[papershelf] message dropped: ${reason}`);
      return { ok: false, error: reason };
    };
    if (typeof message !== 'object' || message === null) return refuse('not an object');
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (!isMessageType(type)) return refuse(`unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
    if (role !== ALLOWED_SENDER[type]) return refuse(`${type} from ${role ?? 'an unknown sender'}`);
    const checked = v.safeParse(MESSAGE_DATA[type], data, { abortEarly: true });
    if (!checked.success) return refuse(`${type}: ${checked.issues[0].message}`);
    const handle = handlers[type] as (data: unknown) => Promise<unknown>;
    try {
      return { ok: true, value: await handle(checked.output) };
    } catch (error) {
      return refuse(`${type}: ${errorMessage(error)}`);
    }
  };
}
