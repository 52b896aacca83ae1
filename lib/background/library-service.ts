import { parseArxivId } from '@/lib/arxiv';
import { errorMessage } from '@/lib/errors';
import type { LibraryDB } from '@/lib/library/db';
import {
  annotatePaper,
  clearLibrary,
  deletePapers,
  ingestCapture,
  markOpened,
  purgeSeenBefore,
  setReadingState,
  setStarred,
} from '@/lib/library/ingest';
import { lookupSeenBefore } from '@/lib/library/seen';
import { isViewId, readReadingState, validateCaptureBatch } from '@/lib/library/validate';
import { MAX_LOOKUP_IDS } from '@/lib/messages';
import { classifyPapersUrl } from '@/lib/page/view';
import type { ImportStatus } from '@/lib/settings';
import { isObject, isoDate, own } from '@/lib/values';
import { runImport } from './import-job';
import { createImportStaging } from './import-staging';
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

function requireId(value: unknown): string {
  const id = parseArxivId(value);
  if (!id) throw new Error('not an arXiv id');
  return id;
}

function requireIso(value: unknown): string {
  const iso = isoDate(value);
  if (!iso) throw new Error('not a date');
  return iso;
}

const field = (data: unknown, name: string): unknown => (isObject(data) ? own(data, name) : undefined);

const MAX_CHUNK_CHARS = 16 * 1024 * 1024;

function requireText(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.length > max)
    throw new Error(`${name} must be text of up to ${max} characters`);
  return value;
}

/** Every message the background answers, each validated field by field before it touches the library. */
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
  async function star(data: unknown) {
    const id = requireId(field(data, 'id'));
    const starred = field(data, 'starred');
    if (typeof starred !== 'boolean') throw new Error('starred must be a boolean');
    const ok = await write(async () => setStarred(await deps.db(), id, starred));
    if (ok) deps.changed([id]);
    return { ok };
  }

  return {
    async capture(data) {
      const result = validateCaptureBatch(data);
      if (!result.ok) throw new Error(result.reason);
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
    async lookupSeen(data) {
      const ids = field(data, 'ids');
      if (!Array.isArray(ids) || ids.length > MAX_LOOKUP_IDS)
        throw new Error(`ids must be an array of up to ${MAX_LOOKUP_IDS}`);
      const wanted = [...new Set(ids.map(requireId))];
      const viewId = field(data, 'viewId');
      if (!isViewId(viewId)) throw new Error('bad viewId');
      // While capture is paused the page is shown nothing of the library (the switch is read alongside the library,
      // not before it: a badge is on the clock).
      const [enabled, papers] = await Promise.all([
        deps.captureEnabled(),
        deps.db().then((db) => lookupSeenBefore(db, wanted, viewId)),
      ]);
      return { papers: enabled ? papers : [] };
    },
    // The same change from a paper's own page or from an extension page: each is allowed from its sender only.
    starFromPage: star,
    setStarred: star,
    async annotate(data) {
      const id = requireId(field(data, 'id'));
      const ok = await write(async () => annotatePaper(await deps.db(), id, field(data, 'tags'), field(data, 'note')));
      if (ok) deps.changed([id]);
      return { ok };
    },
    async setReadingState(data) {
      const id = requireId(field(data, 'id'));
      const state = readReadingState(field(data, 'state'));
      if (!state.ok) throw new Error(state.reason);
      const ok = await write(async () => setReadingState(await deps.db(), id, state.value));
      if (ok) deps.changed([id]);
      return { ok };
    },
    async paperOpened(data) {
      const id = requireId(field(data, 'id'));
      const ok = await write(async () => markOpened(await deps.db(), id));
      if (ok) deps.changed([id]);
      return { ok };
    },
    async deletePapers(data) {
      const ids = field(data, 'ids');
      if (!Array.isArray(ids)) throw new Error('ids must be an array');
      const wanted = ids.map(requireId);
      const deleted = await write(async () => deletePapers(await deps.db(), wanted));
      deps.changed(wanted);
      return { deleted };
    },
    async purgeSeenBefore(data) {
      const before = requireIso(field(data, 'before'));
      const deleted = await write(async () => purgeSeenBefore(await deps.db(), before));
      deps.changed(undefined);
      return { deleted };
    },
    async clearLibrary(data) {
      const alsoSynced = field(data, 'alsoSynced') === true;
      const clear = async () => clearLibrary(await deps.db());
      const deleted = await write(() => (deps.aroundClear ? deps.aroundClear(clear, alsoSynced) : clear()));
      deps.changed(undefined);
      return { deleted };
    },
    async importBegin(data) {
      const fileName = requireText(field(data, 'fileName'), 'fileName', 500);
      const importId = staging.begin(fileName);
      // Said before the page reads the file: a window closed meanwhile leaves a trace the next one can tell.
      deps.importStatus({ id: importId, fileName, at: Date.now(), phase: 'receiving', fraction: null });
      return { importId };
    },
    async importAbandon(data) {
      const importId = field(data, 'importId');
      const fileName = staging.drop(importId);
      if (fileName === null) return { abandoned: false };
      deps.importStatus({
        id: importId as string,
        fileName,
        at: Date.now(),
        phase: 'failed',
        fraction: null,
        error:
          'the import was interrupted: the window closed before the file was handed over; nothing of it was saved. Choose it again to retry.',
      });
      return { abandoned: true };
    },
    async importChunk(data) {
      const text = requireText(field(data, 'text'), 'text', MAX_CHUNK_CHARS);
      return { received: staging.add(field(data, 'importId'), text) };
    },
    async importCommit(data) {
      const importId = field(data, 'importId');
      const { fileName, text } = staging.take(importId);
      const report = (status: Omit<ImportStatus, 'id' | 'fileName' | 'at'>) =>
        deps.importStatus({ id: importId as string, fileName, at: Date.now(), ...status });
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
