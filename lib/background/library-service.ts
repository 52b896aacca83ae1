import { parseArxivId } from '@/lib/arxiv';
import type { LibraryDB } from '@/lib/library/db';
import {
  annotatePaper,
  applyImport,
  clearLibrary,
  deletePapers,
  ingestCapture,
  purgeSeenBefore,
  setStarred,
} from '@/lib/library/ingest';
import { isObject, isoDate, own, validateCaptureBatch, validatePaperRecord } from '@/lib/library/validate';
import type { Paper } from '@/lib/paper';
import { createImportStaging } from './import-staging';
import type { Handlers } from './router';

export interface LibraryServiceDeps {
  db: () => Promise<LibraryDB>;
  captureEnabled: () => Promise<boolean>;
  /** Called after every successful write with the ids it touched (undefined: any paper may have changed). */
  changed: (ids: string[] | undefined) => void;
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

function validatedPapers(value: unknown): Paper[] {
  if (!Array.isArray(value)) throw new Error('papers must be an array');
  return value.map((record, index) => {
    const result = validatePaperRecord(record);
    if (!result.ok) throw new Error(`record ${index}: ${result.reason}`);
    return result.paper;
  });
}

/** Every message the background answers, each validated field by field before it touches the library. */
export function createLibraryService(deps: LibraryServiceDeps): Handlers {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const staging = createImportStaging();

  return {
    async capture(data) {
      const result = validateCaptureBatch(data);
      if (!result.ok) throw new Error(result.reason);
      for (const drop of result.dropped) console.warn(`[papershelf] paper ${drop.index} dropped: ${drop.reason}`);
      const rejected = result.dropped.length;
      if (!(await deps.captureEnabled())) return { accepted: 0, rejected };
      const { stored, ids } = await ingestCapture(await deps.db(), result.batch, now());
      deps.changed(ids);
      return { accepted: stored, rejected };
    },
    async setStarred(data) {
      const id = requireId(field(data, 'id'));
      const starred = field(data, 'starred');
      if (typeof starred !== 'boolean') throw new Error('starred must be a boolean');
      const ok = await setStarred(await deps.db(), id, starred);
      if (ok) deps.changed([id]);
      return { ok };
    },
    async annotate(data) {
      const id = requireId(field(data, 'id'));
      const ok = await annotatePaper(await deps.db(), id, field(data, 'tags'), field(data, 'note'));
      if (ok) deps.changed([id]);
      return { ok };
    },
    async deletePapers(data) {
      const ids = field(data, 'ids');
      if (!Array.isArray(ids)) throw new Error('ids must be an array');
      const wanted = ids.map(requireId);
      const deleted = await deletePapers(await deps.db(), wanted);
      deps.changed(wanted);
      return { deleted };
    },
    async purgeSeenBefore(data) {
      const deleted = await purgeSeenBefore(await deps.db(), requireIso(field(data, 'before')));
      deps.changed(undefined);
      return { deleted };
    },
    async clearLibrary() {
      const deleted = await clearLibrary(await deps.db());
      deps.changed(undefined);
      return { deleted };
    },
    async importBegin() {
      return { importId: staging.begin() };
    },
    async importChunk(data) {
      return { staged: staging.add(field(data, 'importId'), validatedPapers(field(data, 'papers'))) };
    },
    async importCommit(data) {
      const papers = staging.take(field(data, 'importId'));
      const { added, updated } = await applyImport(await deps.db(), papers);
      deps.changed(
        papers.map((paper) => paper.id));
      return { added, updated, skipped: [] };
    },
    async prepareLibrary() {
      return { count: await (await deps.db()).count('papers') };
    },
  };
}
