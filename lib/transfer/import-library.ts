import { browser } from 'wxt/browser';
import type { ImportReport } from '@/lib/io/import-file';
import { importSizeError } from '@/lib/io/import-file';
import { IMPORT_PORT_PREFIX, sendMessage } from '@/lib/messages';

/** Characters per message: well under the browser's limit on one message. */
const CHUNK = 8 * 1024 * 1024;

/**
 * Hands the file's text to the background in pieces; the background checks it and commits the good records in
 * one transaction, so the library gets all of them or none. Once handed over, this page may close: the import
 * goes on, and its progress and outcome are kept in `importStatus`.
 */
export async function importLibraryFile(
  file: File,
  onProgress: (handover: { importId: string; fraction: number }) => void,
): Promise<ImportReport> {
  const tooLarge = importSizeError(file.size);
  if (tooLarge) throw new Error(tooLarge);
  // Begun before the (slow) read, with a port held open until the commit: a window closed meanwhile is told.
  const { importId } = await sendMessage('importBegin', { fileName: file.name });
  const port = browser.runtime.connect({ name: IMPORT_PORT_PREFIX + importId });
  try {
    const text = await file.text();
    for (let start = 0; start < text.length; start += CHUNK) {
      await sendMessage('importChunk', { importId, text: text.slice(start, start + CHUNK) });
      onProgress({ importId, fraction: Math.min(1, (start + CHUNK) / text.length) });
    }
    onProgress({ importId, fraction: 1 });
    return await sendMessage('importCommit', { importId });
  } catch (error) {
    await sendMessage('importAbandon', { importId }).catch(() => {});
    throw error;
  } finally {
    port.disconnect();
  }
}

/** The full page's address part that asks it to offer the file choice at once. */
export const CHOOSE_IMPORT_HASH = '#import';

/**
 * Firefox closes its popup as soon as a file picker opens, so a file chosen there never reaches the page: from
 * Firefox's popup the choice moves to the full page, opened where it offers it, and the popup closes. True if so.
 */
export function chooseInFullPageInstead(): boolean {
  if (!import.meta.env.FIREFOX || !browser.extension.getViews({ type: 'popup' }).includes(window)) return false;
  void browser.tabs
    .create({ url: browser.runtime.getURL(`/library.html${CHOOSE_IMPORT_HASH}`) })
    .then(() => window.close());
  return true;
}
