import { openDB } from 'idb';
import { toExportDocument } from '@/lib/io/export-json';
import { DB_NAME, DB_VERSION } from '@/lib/library/schema';
import { toPaper, toStored } from '@/lib/library/stored';
import type { StoredPaper } from '@/lib/paper';
import { upgradeV1Record } from '@/lib/writes/migrations';

export interface PreMigrationDeps {
  /** Whether the user turned automatic backups on (and the downloads permission is held). */
  enabled: () => Promise<boolean>;
  save: (fileName: string, text: string) => Promise<unknown>;
  now?: () => Date;
}

/**
 * Before a library written by an older version is migrated, and when automatic backups are on, its papers are
 * saved as a Papershelf file (restorable by Import) — so a migration can never be the moment a library is lost.
 * Returns the file name written, or null when none was needed.
 */
export async function backupBeforeMigration(deps: PreMigrationDeps): Promise<string | null> {
  const existing = (await indexedDB.databases()).find((info) => info.name === DB_NAME);
  if (!existing?.version || existing.version >= DB_VERSION || !(await deps.enabled())) return null;
  // Opened at its own version: nothing is upgraded here.
  const old = await openDB(DB_NAME, existing.version);
  let records: (Partial<StoredPaper> & { id: string })[];
  try {
    records = await old.getAll('papers');
  } finally {
    old.close();
  }
  // Older records lack later fields: filled in as the migration itself does, so the file imports as it is.
  const papers = records.map((record) => {
    const full = upgradeV1Record(record);
    return toPaper(toStored(full, full.changedAt ?? full.lastSeenAt));
  });
  const now = deps.now?.() ?? new Date();
  const fileName = `Papershelf/papershelf-before-schema-v${DB_VERSION}-${now.toISOString().slice(0, 10)}.json`;
  await deps.save(fileName, JSON.stringify(toExportDocument(papers, now.toISOString())));
  return fileName;
}

/** Text as a base64 data URL: a service worker has no Blob URLs to hand to the downloads API. */
export function dataUrl(text: string, type = 'application/json'): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return `data:${type};base64,${btoa(binary)}`;
}
