import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDB } from 'idb';
import { backupBeforeMigration, dataUrl } from '@/lib/background/pre-migration-backup';
import { parseImportFile } from '@/lib/io/import-file';
import { DB_NAME } from '@/lib/library/schema';
import { openLibrary } from '@/lib/writes/db';

const v3 = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/library/v3.json'), 'utf8'));

/** A library as version 3 of the extension left it (from its frozen fixture). */
async function writeVersion3() {
  const db = await openDB(DB_NAME, 3, {
    upgrade(database) {
      const papers = database.createObjectStore('papers', { keyPath: 'id' });
      for (const index of v3.stores.papers.indexes) papers.createIndex(index.name, index.keyPath);
      database.createObjectStore('meta');
    },
  });
  for (const paper of v3.records.papers) await db.put('papers', paper);
  db.close();
}

function saving() {
  const files: { fileName: string; text: string }[] = [];
  return { files, save: async (fileName: string, text: string) => void files.push({ fileName, text }) };
}

describe('a backup before a schema migration', () => {
  it('saves an older library as a file Import restores, before it is migrated', async () => {
    await writeVersion3();
    const { files, save } = saving();
    const now = () => new Date('2026-11-26T10:00:00Z');
    expect(await backupBeforeMigration({ enabled: async () => true, save, now })).toMatch(
      /^Papershelf\/papershelf-before-schema-v\d+-2026-11-26\.json$/,
    );
    const plan = parseImportFile(files[0].text);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.skipped).toEqual([]);
    const byId = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byId(plan.papers.map((paper) => [paper.id, paper.title, paper.note, paper.starred]))).toEqual(
      byId(
        v3.records.papers.map((paper: Record<string, unknown>) => [paper.id, paper.title, paper.note, paper.starred]),
      ),
    );
    // The old library itself is untouched, and migrates as usual afterwards.
    expect((await openLibrary()).version).toBeGreaterThan(3);
  });

  it('writes nothing while automatic backups are off, for a new library, or one already current', async () => {
    const { files, save } = saving();
    expect(await backupBeforeMigration({ enabled: async () => true, save })).toBeNull(); // no library yet
    (await openLibrary()).close();
    expect(await backupBeforeMigration({ enabled: async () => true, save })).toBeNull(); // current
    globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
    await writeVersion3();
    expect(await backupBeforeMigration({ enabled: async () => false, save })).toBeNull(); // off
    expect(files).toEqual([]);
  });

  it('hands text to the downloads API as a data URL, byte for byte', () => {
    const text = '{"title":"Ω naïve 日本"}';
    const url = dataUrl(text);
    expect(url.startsWith('data:application/json;base64,')).toBe(true);
    const bytes = Uint8Array.from(atob(url.split(',')[1]), (char) => char.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(text);
  });
});
