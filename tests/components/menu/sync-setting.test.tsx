import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { RemovedEverywhere } from '@/components/dialogs/RemovedEverywhere';
import { ClearSyncedCopy, SyncSetting } from '@/components/menu/SyncSetting';
import { syncEnabled, syncStatus } from '@/lib/sync/settings';

const STATUS = {
  at: 1,
  papers: 412,
  shortenedNotes: 38,
  leftOut: 5,
  bytes: 61_000,
  quota: 102_400,
  unreadable: 1,
  lastWriteAt: 1,
  problem: null,
};

describe('the sync setting', () => {
  afterEach(cleanup);

  it('is off until the user turns it on, and says where the annotations go', async () => {
    render(<SyncSetting />);
    const box = screen.getByRole('checkbox', { name: /^Sync stars, tags, notes and reading states/ });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/only to this browser’s own sync account/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe('/privacy.html');
    fireEvent.click(box);
    await waitFor(async () => expect(await syncEnabled.getValue()).toBe(true));
  });

  it('tells, once on, what the synced copy holds and what it could not take', async () => {
    await syncEnabled.setValue(true);
    await syncStatus.setValue(STATUS);
    render(<SyncSetting />);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        '412 papers synced (60 kB of 100 kB). 38 notes longer than 500 characters: your other browsers get the ' +
          'first 500, whole here. 5 papers not synced: the browser’s sync storage is full (the most recently edited ' +
          'are kept; every paper stays here). 1 synced item could not be read (written by another version of ' +
          'Papershelf?) and is left as it is.',
      ),
    );
  });

  it('offers to clear the synced copy along with the library only while sync is on', async () => {
    const { container } = render(<ClearSyncedCopy checked={false} onChange={() => {}} />);
    await new Promise((settled) => setTimeout(settled, 50));
    expect(container.textContent).toBe('');
    cleanup();
    await syncEnabled.setValue(true);
    const chosen: boolean[] = [];
    render(<ClearSyncedCopy checked={false} onChange={(checked) => chosen.push(checked)} />);
    const box = await screen.findByRole('checkbox', { name: /Also clear the synced copy/ });
    expect(screen.getByText(/they come back here from it/)).toBeTruthy();
    fireEvent.click(box);
    expect(chosen).toEqual([true]);
  });

  it('says, while sync is on, that deleting papers here removes their annotations in the other browsers', async () => {
    await syncEnabled.setValue(true);
    render(<RemovedEverywhere />);
    expect((await screen.findByText(/go from your other browsers too/)).textContent).toMatch(/^Their stars, tags/);
  });
});
