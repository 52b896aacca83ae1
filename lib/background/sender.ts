import { isPapersPageUrl } from '@/lib/arxiv';

export type SenderRole = 'content-script' | 'extension-page';

export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Who sent a message, from the browser's own account of the sender (never from the message): our content script
 * on a papers page, one of our own pages, or nobody we listen to. `extensionOrigin` is the extension's root URL
 * with its trailing slash (`runtime.getURL('/')`).
 */
export function senderRole(sender: MessageSenderLike, extensionId: string, extensionOrigin: string): SenderRole | null {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return null;
  // A prefix check: URL.origin is "null" for extension schemes in some engines.
  if (extensionOrigin.endsWith('/') && sender.url.startsWith(extensionOrigin)) return 'extension-page';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  return isPapersPageUrl(url) && sender.tab ? 'content-script' : null;
}
