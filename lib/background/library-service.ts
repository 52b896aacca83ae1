import { errorMessage } from '@/lib/errors';
import { lookupSeenBefore } from '@/lib/library/seen';
import { classifyPapersUrl } from '@/lib/page/view';
import type { ImportStatus } from '@/lib/status';
import type { LibraryDB } from '@/lib/writes/db';
import { annotatePaper, markOpened, setReadingState, setStarred } from '@/lib/writes/edits';
import { ingestCapture } from '@/lib/writes/ingest';
import { clearLibrary, deletePapers, purgeSeenBefore } from '@/lib/writes/removal';
import { runImport } from './import-job';
import { createImportStaging } from './import-staging';
import type { CheckedData } from './message-schemas';
import type { Handlers } from './router';

export interface LibraryServiceDeps {
  db: () => Promise<LibraryDB>;
  captureEnabled: () => Promise<boolean>;
  /** Called after every successful write with the ids it touched (undefined: any paper may have changed). */
  changed: (ids: string[] | undefined) => void;
  /** Where an import stands, for pages to show (even ones opened after it started). */
  importStatus: (status: ImportStatus) => void;
  /** A write the database refused (a full disk, say), or null once writes succeed again: for pages to tell. */
  writeProblem?: (message: string | null) => void;
  /** Runs the clearing of the library, so that sync hears of it (and clears the synced copy too, if asked). */
  aroundClear?: <T>(clear: () => Promise<T>, alsoSynced: boolean) => Promise<T>;
  now?: () => Date;
}

/** Every message the background answers, its data already checked by the router (see message-schemas.ts). */
export function createLibraryService(deps: LibraryServiceDeps): Handlers {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const staging = createImportStaging();

  /**
   * Runs a write; a refusal by the database itself (quota, I/O) is reported for the user, and the write's
   * transaction has already been rolled back, so nothing stored is touched. Bad input is not such a problem.
   */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      deps.writeProblem?.(null);
      return result;
    } catch (error) {
      if (error instanceof DOMException) deps.writeProblem?.(`${error.name}: ${error.message}`);
      throw error;
    }
  }

  /** Stars or unstars a paper the library holds (false when it holds none by that id). */
  async function star({ id, starred }: CheckedData<'setStarred'>) {
    const ok = await write(async () => setStarred(await deps.db(), id, starred));
    if (ok) deps.changed([id]);
    return { ok };
  }

  return {
    async capture(result) {
      for (const drop of result.dropped) console.warn(`[papershelf] paper ${drop.index} dropped: ${drop.reason}`);
      const rejected = result.dropped.length;
      if (!(await deps.captureEnabled())) return { accepted: 0, rejected };
      // A paper's own page was opened by the user: a sign of interest in that paper.
      const view = classifyPapersUrl(result.batch.pageUrl);
      const openedId = view?.kind === 'paper' ? view.paperId : null;
      const { stored, ids } = await write(async () => ingestCapture(await deps.db(), result.batch, now(), openedId));
      deps.changed(ids);
      return { accepted: stored, rejected };
    },
    async lookupSeen({ ids: wanted, viewId }) {
      // While capture is paused the page is shown nothing of the library. The switch is read alongside the library,
      // not before it, so checking it adds no wait before the badges show.
      const [enabled, papers] = await Promise.all([
        deps.captureEnabled(),
        deps.db().then((db) => lookupSeenBefore(db, wanted, viewId)),
      ]);
      return { papers: enabled ? papers : [] };
    },
    // The same change from a paper's own page or from an extension page: each is allowed from its sender only.
    starFromPage: star,
    setStarred: star,
    async annotate({ id, tags, note }) {
      const ok = await write(async () => annotatePaper(await deps.db(), id, tags, note));
      if (ok) deps.changed([id]);
      return { ok };
    },
    async setReadingState({ id, state }) {
      const ok = await write(async () => setReadingState(await deps.db(), id, state));
      if (ok) deps.changed([id]);
      return { ok };
    },
    async paperOpened({ id }) {
      const ok = await write(async () => markOpened(await deps.db(), id));
      if (ok) deps.changed([id]);
      return { ok };
    },
    async deletePapers({ ids: wanted }) {
      const deleted = await write(async () => deletePapers(await deps.db(), wanted));
      deps.changed(wanted);
      return { deleted };
    },
    async purgeSeenBefore({ before }) {
      const deleted = await write(async () => purgeSeenBefore(await deps.db(), before));
      deps.changed(undefined);
      return { deleted };
    },
    async clearLibrary({ alsoSynced }) {
      const clear = async () => clearLibrary(await deps.db());
      const deleted = await write(() => (deps.aroundClear ? deps.aroundClear(clear, alsoSynced) : clear()));
      deps.changed(undefined);
      return { deleted };
    },
    async importBegin({ fileName }) {
      const importId = staging.begin(fileName);
      // Said before the page reads the file: a window closed meanwhile leaves a trace the next one can tell.
      deps.importStatus({ id: importId, fileName, at: Date.now(), phase: 'receiving', fraction: null });
      return { importId };
    },
    async importAbandon({ importId }) {
      const fileName = staging.drop(importId);
      if (fileName === null) return { abandoned: false };
      deps.importStatus({
        id: importId,
        fileName,
        at: Date.now(),
        phase: 'failed',
        fraction: null,
        error:
          'the import was interrupted: the window closed before the file was handed over; nothing of it was saved. Choose it again to retry.',
      });
      return { abandoned: true };
    },
    async importChunk({ importId, text }) {
      return { received: staging.add(importId, text) };
    },
    async importCommit({ importId }) {
      const { fileName, text } = staging.take(importId);
      const report = (status: Omit<ImportStatus, 'id' | 'fileName' | 'at'>) =>
        deps.importStatus({ id: importId, fileName, at: Date.now(), ...status });
      try {
        const result = await write(async () => runImport(await deps.db(), text, report));
        report({ phase: 'done', fraction: 1, report: result });
        deps.changed(undefined);
        return result;
      } catch (error) {
        report({ phase: 'failed', fraction: null, error: errorMessage(error) });
        throw error;
      }
    },
    async prepareLibrary() {
      return { count: await (await deps.db()).count('papers') };
    },
  };
}
