import { errorMessage } from '@/lib/errors';
import type { MessageData, MessageReply, MessageType, Outcome } from '@/lib/messages';
import type { SenderRole } from './sender';

export type Handlers = { [T in MessageType]: (data: unknown) => Promise<MessageReply<T>> };

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

/** Routes a raw message to its handler; anything unexpected is refused with a reason, never thrown. */
export function createRouter(handlers: Handlers, log: (reason: string) => void = console.warn) {
  return async function route(message: unknown, role: SenderRole | null): Promise<Outcome<unknown>> {
    const refuse = (reason: string): Outcome<unknown> => {
      log(`[papershelf] message dropped: ${reason}`);
      return { ok: false, error: reason };
    };
    if (typeof message !== 'object' || message === null) return refuse('not an object');
    const { type, data } = message as { type?: unknown; data?: MessageData<MessageType> };
    if (!isMessageType(type)) return refuse(`unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
    if (role !== ALLOWED_SENDER[type]) return refuse(`${type} from ${role ?? 'an unknown sender'}`);
    try {
      return { ok: true, value: await handlers[type](data) };
    } catch (error) {
      return refuse(`${type}: ${errorMessage(error)}`);
    }
  };
}
