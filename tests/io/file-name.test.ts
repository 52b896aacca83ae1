import { exportFileName } from '@/lib/io/file-name';

describe('exportFileName', () => {
  const exportedAt = new Date(2026, 0, 5, 23, 59); // the user's local calendar day

  it.each([
    ['json', 'papershelf-2026-01-05.json'],
    ['bibtex', 'papershelf-2026-01-05.bib'],
    ['csv', 'papershelf-2026-01-05.csv'],
  ] as const)('%s → %s', (format, name) => expect(exportFileName(format, exportedAt)).toBe(name));

  it('pads month and day', () => {
    expect(exportFileName('json', new Date(2025, 10, 30))).toBe('papershelf-2025-11-30.json');
  });
});
