import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openLibraryReader } from '@/lib/library/read';
import { autoBackup } from '@/lib/preferences';
import { backUpIfDue, setAutoBackup } from '@/lib/transfer/auto-backup';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { makePaper } from '@/tests/helpers/papers';

/** The browser's permission and download APIs, as the test decides they answer. */
function browserAnswers({ grant }: { grant: boolean }) {
  let granted = false;
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => {
    granted = grant;
    return grant;
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async () => {
    granted = false;
    return true;
  });
  let nextId = 1;
  const download = vi.spyOn(fakeBrowser.downloads, 'download').mockImplementation(async () => nextId++);
  return { request, download };
}

async function library() {
  const db = await openLibrary();
  await applyImport(db, [makePaper('2601.00001'), makePaper('2601.00002')]);
  return openLibraryReader();
}

describe('automatic backups in the browser', () => {
  it('ask for nothing and write nothing while they are off', async () => {
    const { request, download } = browserAnswers({ grant: true });
    expect(await backUpIfDue(await library())).toBeNull();
    expect(request).not.toHaveBeenCalled();
    expect(download).not.toHaveBeenCalled();
  });

  it('stay off when the user refuses the downloads permission', async () => {
    const { request, download } = browserAnswers({ grant: false });
    expect(await setAutoBackup(true)).toBe(false);
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    expect((await autoBackup.getValue()).enabled).toBe(false);
    expect(await backUpIfDue(await library(), { force: true })).toBeNull();
    expect(download).not.toHaveBeenCalled();
  });

  it('once allowed, write a dated file into Downloads/Papershelf, then only weekly', async () => {
    const { download } = browserAnswers({ grant: true });
    const db = await library();
    expect(await setAutoBackup(true)).toBe(true);
    const state = await backUpIfDue(db, { force: true });
    expect(state?.lastAt).toBeTruthy();
    expect(download).toHaveBeenCalledTimes(1);
    expect(download.mock.calls[0][0]).toMatchObject({
      filename: expect.stringMatching(/^Papershelf\/papershelf-backup-\d{4}-\d\d-\d\d\.json$/),
      saveAs: false,
    });
    expect(await backUpIfDue(db)).toBeNull(); // not due again for a week
    expect(download).toHaveBeenCalledTimes(1);
    await setAutoBackup(false);
    expect(await fakeBrowser.permissions.contains({ permissions: ['downloads'] })).toBe(false);
  });
});
