import { useEffect, useState } from 'preact/hooks';
import type { LibraryState } from '@/components/hooks/use-library';
import { errorMessage } from '@/lib/errors';
import { formatCount } from '@/lib/plural';
import { type ExportFormat, type ExportSubject, exportLibrary, readForExport } from '@/lib/transfer/export-library';
import { progressOf } from '@/lib/view/format';

type Scope = 'all' | 'view' | 'selection';

interface ExportPanelProps {
  library: LibraryState;
  /**
   * Ids of the papers in the current view (undefined: the view is the whole library; null: it is still being
   * listed, and cannot be exported yet), and of the selected ones.
   */
  view: string[] | undefined | null;
  /** What the view is, for the file's name (a search, a topic, other filters). */
  viewSubject: ExportSubject;
  selection: string[];
}

export function ExportPanel({ library, view, viewSubject, selection }: ExportPanelProps) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const narrowed = view !== undefined;
  const [scope, setScope] = useState<Scope>(narrowed ? 'view' : 'all');
  // A search or topic on screen is what one means to export; back to everything when it is gone.
  useEffect(() => setScope(narrowed ? 'view' : 'all'), [narrowed]);
  // Told in papers, as the library is read and then as the file is written.
  const [progress, setProgress] = useState<{ step: 'Reading' | 'Writing'; done: number; total: number } | null>(null);
  const [status, setStatus] = useState('');
  const { db, count } = library;
  const viewSize = view === null ? 0 : (view?.length ?? count ?? 0);
  const size = { all: count ?? 0, view: viewSize, selection: selection.length }[scope];

  const run = async () => {
    if (!db) return;
    setProgress({ step: 'Reading', done: 0, total: size });
    setStatus('');
    try {
      const papers = await readForExport(db, { all: undefined, view: view ?? undefined, selection }[scope], (done) =>
        setProgress({ step: 'Reading', done, total: size }),
      );
      const subject: ExportSubject =
        scope === 'all'
          ? { kind: 'all' }
          : scope === 'view'
            ? viewSubject
            : { kind: 'selection', count: selection.length };
      const fileName = await exportLibrary(
        papers,
        format,
        (done, total) => setProgress({ step: 'Writing', done, total }),
        subject,
      );
      setStatus(`Saved ${fileName}.`);
    } catch (error) {
      setStatus(`Export failed: ${errorMessage(error)}`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="export">
      <select
        aria-label="Export format"
        value={format}
        onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
      >
        <option value="json">JSON</option>
        <option value="bibtex">BibTeX</option>
        <option value="csv">CSV</option>
      </select>
      <select aria-label="Papers to export" value={scope} onChange={(e) => setScope(e.currentTarget.value as Scope)}>
        {narrowed && <option value="view">This view ({view === null ? 'listing…' : formatCount(viewSize)})</option>}
        <option value="all">Everything{count !== null ? ` (${formatCount(count)})` : ''}</option>
        {!narrowed && <option value="view">This view ({formatCount(viewSize)})</option>}
        <option value="selection">Selected ({formatCount(selection.length)})</option>
      </select>
      <button type="button" onClick={run} disabled={progress !== null || !db || size === 0}>
        Export…
      </button>
      {progress !== null && (
        <>
          <progress aria-label="Export progress" value={progress.done} max={Math.max(1, progress.total)} />
          <span role="status" class="status export-progress">
            {progress.step} {progressOf(progress.done, progress.total, 'paper')}…
          </span>
        </>
      )}
      {status && (
        <span role="status" class="status">
          {status}
        </span>
      )}
    </div>
  );
}
