// The floor an import is held against: the same records put into a plain object store (no indexes, nothing
// derived) in one transaction, in the same browser, before the import runs.
import type { Page } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { toStored } from '@/lib/library/stored';
import type { Paper, PaperRecord } from '@/lib/paper';
import type { ExtensionSession } from '../tests/e2e/harness';

/** Records per hand-over to the page: the protocol carries one message, not the whole library. */
const HANDOVER = 5000;
const SCRATCH_DB = 'papershelf-bench-raw-put';

/** Milliseconds to put `papers`, as the library stores them, in one transaction of a store without indexes. */
export async function rawBulkPut(session: ExtensionSession, papers: Paper[], path: string): Promise<number> {
  const now = new Date().toISOString();
  const page: Page = await session.context.newPage();
  try {
    await page.goto(`${HF_ORIGIN}${path}`); // any page of the site: its origin holds the scratch database
    await page.evaluate(() => {
      (window as unknown as { pending: unknown[] }).pending = [];
    });
    for (let start = 0; start < papers.length; start += HANDOVER) {
      const records = papers.slice(start, start + HANDOVER).map((paper) => toStored(paper as PaperRecord, now));
      await page.evaluate((part) => {
        (window as unknown as { pending: unknown[] }).pending.push(...part);
      }, records);
    }
    return await page.evaluate(async (name) => {
      const records = (window as unknown as { pending: unknown[] }).pending;
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('papers', { keyPath: 'id' });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const start = performance.now();
      const tx = db.transaction('papers', 'readwrite');
      const store = tx.objectStore('papers');
      for (const record of records) store.put(record);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      const time = performance.now() - start;
      db.close();
      await new Promise((resolve) => {
        const removal = indexedDB.deleteDatabase(name);
        removal.onsuccess = removal.onerror = resolve;
      });
      return time;
    }, SCRATCH_DB);
  } finally {
    await page.close();
  }
}
