import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { plural } from './format';
import { type ImportReport, importLibraryFile } from './import-library';

function describe(report: ImportReport): string {
  const from = report.source === 'papermemory' ? ' from PaperMemory' : '';
  const summary = `Imported${from}: ${report.added} added, ${report.updated} updated, ${report.skipped.length} skipped`;
  const reasons = report.skipped
    .slice(0, 3)
    .map((skip) => `#${skip.index + 1}${skip.id ? ` (${skip.id})` : ''}: ${skip.reason}`);
  const more = report.skipped.length > 3 ? ` and ${plural(report.skipped.length - 3, 'more')}` : '';
  const details = reasons.length ? ` (${reasons.join('; ')}${more})` : '';
  const warnings = report.warnings.length ? ` ${report.warnings.join(' ')}` : '';
  return `${summary}${details}.${warnings}`;
}

export function ImportPanel() {
  const [progress, setProgress] = useState<number | null>(null);
  const [status, setStatus] = useState('');

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire again
    if (!file) return;
    setStatus(`Reading ${file.name}…`);
    setProgress(0);
    try {
      setStatus(describe(await importLibraryFile(file, setProgress)));
    } catch (error) {
      setStatus(`Nothing imported: ${errorMessage(error)}`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="import">
      <label class="import-label">
        Import…
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          aria-label="Import library file (Papershelf or PaperMemory JSON)"
          onChange={(event) => onFile(event.currentTarget)}
        />
      </label>
      {progress !== null && <progress aria-label="Import progress" value={progress} max={1} />}
      <p role="status" class="status import-status">
        {status}
      </p>
    </div>
  );
}
