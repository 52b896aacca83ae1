import { exportFileName } from '@/lib/io/file-name';

describe('exportFileName', () => {
  const exportedAt = new Date(2026, 0, 5, 23, 59);
  it.each([
    ['json', 'papershelf-all-2026-01-05.json'],
    ['bibtex', 'papershelf-all-2026-01-05.bib'],
    ['csv', 'papershelf-all-2026-01-05.csv'],
  ] as const)('%s → %s', (format, name) => expect(exportFileName(format, exportedAt)).toBe(name));

  it('uses the local calendar day', () => {
    expect(exportFileName('json', new Date(2025, 10, 30))).toBe('papershelf-all-2025-11-30.json');
  });

  it('says what the file holds: a search, a topic, a selection, another view', () => {
    expect(exportFileName('json', exportedAt, { kind: 'search', query: 'Retrieval' })).toBe(
      'papershelf-search-retrieval-2026-01-05.json',
    );
    expect(exportFileName('bibtex', exportedAt, { kind: 'topic', topic: 'Reward models (RMs)' })).toBe(
      'papershelf-topic-reward-models-rms-2026-01-05.bib',
    );
    expect(exportFileName('csv', exportedAt, { kind: 'selection', count: 12 })).toBe(
      'papershelf-selection-12-2026-01-05.csv',
    );
    expect(exportFileName('json', exportedAt, { kind: 'view' })).toBe('papershelf-view-2026-01-05.json');
    expect(exportFileName('json', exportedAt, { kind: 'search', query: '../../etc/passwd ✓ Über' })).toBe(
      'papershelf-search-etc-passwd-uber-2026-01-05.json',
    );
  });
});
