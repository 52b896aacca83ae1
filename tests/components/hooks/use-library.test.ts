import { renderHook, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openLibraryEarly, useLibrary } from '@/components/hooks/use-library';
import { EARLY_READ_KEY, type EarlyRead, type FirstScreen, startEarlyRead } from '@/lib/library/first-screen';
import { libraryChange } from '@/lib/status';
import { openLibrary } from '@/lib/writes/db';
import { applyImport } from '@/lib/writes/ingest';
import { makePaper } from '@/tests/helpers/papers';

const library = Array.from({ length: 40 }, (_, index) =>
  makePaper(`2601.${String(index).padStart(5, '0')}`, {
    lastSeenAt: new Date(Date.UTC(2026, 0, 1, index)).toISOString(),
  }),
);

/** The classic script's early read, with its first screen held back until the test lets it go. */
function earlyReadHeldBack(records: FirstScreen['records']) {
  const started = startEarlyRead();
  let release = () => {};
  const firstScreen = new Promise<FirstScreen>((resolve) => {
    release = () => resolve({ records, count: library.length });
  });
  const early: EarlyRead = { startedAt: started.startedAt, opening: started.opening, firstScreen };
  (globalThis as Record<string, unknown>)[EARLY_READ_KEY] = early;
  return release;
}

const newestFirst = [...library].reverse();
const records = newestFirst
  .slice(0, 30)
  .map((paper) => ({ key: paper.lastSeenAt, primaryKey: paper.id, value: paper }));

describe('the library as a page opens', () => {
  beforeEach(async () => {
    (await openLibrary().then((db) => applyImport(db, library).then(() => db))).close();
  });

  it('renders the first screen and the count in the first render when they were read in time', async () => {
    earlyReadHeldBack(records)();
    await openLibraryEarly();
    const { result } = renderHook(() => useLibrary());
    expect(result.current.db).toBeDefined();
    expect(result.current.count).toBe(40);
    expect(result.current.firstScreen?.papers.map((paper) => paper.id)).toEqual(
      newestFirst.slice(0, 30).map((paper) => paper.id),
    );
    expect(result.current.firstScreen?.next).toEqual({ key: newestFirst[29].lastSeenAt, id: newestFirst[29].id });
  });

  it('hears a write the background reported after the first screen was read, before the page listened', async () => {
    await libraryChange.setValue({ at: Date.now() - 60_000, ids: null }); // an old write: nothing to redo
    earlyReadHeldBack(records)();
    await openLibraryEarly();
    const quiet = renderHook(() => useLibrary());
    await waitFor(() => expect(quiet.result.current.db).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(quiet.result.current.change.stamp).toBe(0);

    earlyReadHeldBack(records)();
    await openLibraryEarly();
    const written = { at: Date.now(), ids: [library[0].id] };
    await libraryChange.setValue(written); // lands before the page's hook watches
    const { result } = renderHook(() => useLibrary());
    await waitFor(() => expect(result.current.change).toEqual({ stamp: written.at, ids: written.ids }));
  });

  it('renders without them after a short wait, and shows them when they come', async () => {
    const release = earlyReadHeldBack(records);
    await openLibraryEarly(); // gives up waiting
    const { result } = renderHook(() => useLibrary());
    expect(result.current.db).toBeUndefined();
    release();
    await waitFor(() => expect(result.current.db).toBeDefined());
    expect(result.current.count).toBe(40);
    expect(result.current.firstScreen?.papers).toHaveLength(30);
  });

  it('opens and counts the library itself on a page without the early read', async () => {
    await openLibraryEarly();
    const { result } = renderHook(() => useLibrary());
    await waitFor(() => expect(result.current.count).toBe(40));
    expect(result.current.firstScreen).toBeNull(); // the list reads its first screen itself
  });
});

describe('the library a page reads', () => {
  /** The background as the page reaches it: each message is recorded; it prepares the library when asked. */
  function fakeBackground(prepare: () => Promise<void>) {
    const received: string[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (sent: unknown) => {
      const { type } = sent as { type: string };
      received.push(type);
      if (type !== 'prepareLibrary') return { ok: false, error: `unexpected ${type}` };
      await prepare();
      return { ok: true, value: null };
    });
    return received;
  }

  it('asks the background to prepare a library it cannot open yet, then reads it', async () => {
    // No database yet: only the background (its one writer) may create and migrate it.
    const received = fakeBackground(async () => {
      (await openLibrary().then((db) => applyImport(db, library).then(() => db))).close();
    });
    await openLibraryEarly();
    const { result } = renderHook(() => useLibrary());
    await waitFor(() => expect(result.current.count).toBe(40));
    expect(received).toEqual(['prepareLibrary']);
    expect(result.current.error).toBeNull();
  });

  it('says why when the background cannot prepare it', async () => {
    fakeBackground(() => Promise.reject(new Error('disk full')));
    await openLibraryEarly();
    const { result } = renderHook(() => useLibrary());
    await waitFor(() => expect(result.current.error).toBe('disk full'));
    expect(result.current.db).toBeUndefined();
  });

  it('hears each write the background reports, and counts the library again', async () => {
    (await openLibrary().then((db) => applyImport(db, library).then(() => db))).close();
    const received = fakeBackground(() => Promise.resolve());
    await openLibraryEarly();
    const { result } = renderHook(() => useLibrary());
    await waitFor(() => expect(result.current.count).toBe(40));
    const added = makePaper('2601.99999', { lastSeenAt: '2026-02-01T00:00:00.000Z' });
    (await openLibrary().then((db) => applyImport(db, [added]).then(() => db))).close();
    const written = { at: Date.now(), ids: [added.id] };
    await libraryChange.setValue(written);
    await waitFor(() => expect(result.current.change).toEqual({ stamp: written.at, ids: written.ids }));
    await waitFor(() => expect(result.current.count).toBe(41));
    expect(received).toEqual([]); // a library ready to read needs no message
  });
});
