import type { ImportReport } from '@/lib/io/import-file';
import { describeImport, describeImportStatus } from '@/lib/transfer/import-report';

const report = (fields: Partial<ImportReport>): ImportReport => ({
  source: 'papershelf',
  added: 0,
  updated: 0,
  keptNewerCounts: 0,
  keptNewerAnnotations: 0,
  skipped: [],
  warnings: [],
  ...fields,
});

describe('what the import panel says', () => {
  it('writes every count in the one number format of the interface', () => {
    const skipped = Array.from({ length: 1_204 }, (_, index) => ({ index, reason: 'no id' }));
    expect(describeImport(report({ added: 30_000, updated: 1_500, keptNewerAnnotations: 2_001, skipped }))).toBe(
      'Imported: 30,000 added, 1,500 updated (newer stars, tags or notes kept for 2,001), 1,204 skipped ' +
        '(#1: no id; #2: no id; #3: no id and 1,201 more).',
    );
  });

  it('says an interrupted import as such, naming its file', () => {
    const status = {
      id: 'a',
      fileName: 'shelf.json',
      at: 0,
      phase: 'failed' as const,
      fraction: null,
      error: 'the import was interrupted: the window closed before the file was handed over.',
    };
    expect(describeImportStatus(status)).toBe(
      'Nothing imported from shelf.json: the import was interrupted: the window closed before the file was handed over.',
    );
    expect(describeImportStatus({ ...status, phase: 'writing', error: undefined })).toBe(
      'Saving shelf.json… (this window may close; the import goes on)',
    );
  });
});
