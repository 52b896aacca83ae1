import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { Paper } from '@/lib/paper';
import { type ExportFormat, exportLibrary } from './export-library';
import type { LibraryState } from './use-library';

type Scope = 'all' | 'view' | 'selection';

interface ExportPanelProps {
  library: LibraryState;
  view: Paper[];
  selection: Paper[];
}

export function ExportPanel({ library, view, selection }: ExportPanelProps) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [scope, setScope] = useState<Scope>('all');
  const [progress, setProgress] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const papers = { all: library.papers, view, selection }[scope];

  const run = async () => {
    setProgress(0);
    setStatus('');
    try {
      const fileName = await exportLibrary(papers, format, setProgress);
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
        <option value="all">Everything{library.counted ? ` (${library.count})` : ''}</option>
        <option value="view">This view ({view.length})</option>
        <option value="selection">Selected ({selection.length})</option>
      </select>
      <button type="button" onClick={run} disabled={progress !== null || !library.complete}>
        Export…
      </button>
      {progress !== null && <progress aria-label="Export progress" value={progress} max={1} />}
      {status && (
        <span role="status" class="status">
          {status}
        </span>
      )}
    </div>
  );
}
