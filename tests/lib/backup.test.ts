import {
  BACKUP_EVERY_MS,
  BACKUPS_KEPT,
  type BackupDeps,
  backupDue,
  backupFileName,
  NO_BACKUPS,
  writeBackup,
} from '@/lib/backup';
import { toExportDocument } from '@/lib/io/export-json';
import { parseImportFile } from '@/lib/io/import-file';
import { toPaper } from '@/lib/library/stored';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { makePaper } from '../helpers/papers';

function fakeDownloads(library = '{}') {
  const files = new Map<number, { name: string; text: string }>();
  let next = 1;
  let clock = new Date(2026, 10, 2, 9, 0);
  const deps: BackupDeps = {
    libraryFile: async () => library,
    save: async (name, text) => {
      files.set(next, { name, text });
      return next++;
    },
    remove: async (id) => void files.delete(id),
    now: () => clock,
  };
  return { deps, files, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
}

describe('automatic backups', () => {
  it('are due only when turned on, then weekly', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(backupDue(NO_BACKUPS, now)).toBe(false);
    expect(backupDue({ ...NO_BACKUPS, enabled: true }, now)).toBe(true);
    const lastAt = new Date(now.getTime() - BACKUP_EVERY_MS + 60_000).toISOString();
    expect(backupDue({ ...NO_BACKUPS, enabled: true, lastAt }, now)).toBe(false);
    expect(backupDue({ ...NO_BACKUPS, enabled: true, lastAt }, new Date(now.getTime() + 60_000))).toBe(true);
  });

  it('write dated files into Downloads/Papershelf and keep the last few', async () => {
    const { deps, files, advance } = fakeDownloads();
    let state = { ...NO_BACKUPS, enabled: true };
    for (let week = 0; week < BACKUPS_KEPT + 2; week++) {
      state = await writeBackup(state, deps);
      advance(BACKUP_EVERY_MS);
    }
    expect(files.size).toBe(BACKUPS_KEPT);
    expect(state.downloads).toEqual([...files.keys()]);
    expect([...files.values()].map((file) => file.name)).toEqual(
      [...files.values()].map((_, index) => backupFileName(new Date(2026, 10, 2 + 7 * (index + 2), 9, 0))),
    );
    expect(backupFileName(new Date(2026, 0, 5))).toBe('Papershelf/papershelf-backup-2026-01-05.json');
  });

  it('write a file that imports back into an empty library as the same papers', async () => {
    const papers = [makePaper('2601.00001', { note: 'two\\nlines', starred: true }), makePaper('2601.00002')];
    const { deps, files } = fakeDownloads(JSON.stringify(toExportDocument(papers, new Date().toISOString())));
    await writeBackup({ ...NO_BACKUPS, enabled: true }, deps);
    const plan = parseImportFile([...files.values()][0].text);
    if (!plan.ok) throw new Error(plan.error);
    const db = await openLibrary();
    await applyImport(db, plan.papers);
    expect((await db.getAll('papers')).map(toPaper)).toEqual(papers);
  });
});
