import { describeImportStatus } from '@/lib/transfer/import-report';
import { megabytesOf, progressOf } from '@/lib/view/format';

describe('long work told in numbers', () => {
  it('says how many of how many', () => {
    expect(progressOf(12_400, 50_000, 'paper')).toBe('12,400 of 50,000 papers');
    expect(progressOf(0, 1, 'paper')).toBe('0 of 1 paper');
    expect(progressOf(7, 5, 'paper')).toBe('5 of 5 papers');
  });

  it('says a file’s size in megabytes, one decimal below ten', () => {
    expect(megabytesOf(4_200_000, 12_345_678)).toBe('4.2 of 12 MB');
    expect(megabytesOf(0, 800_000)).toBe('0.0 of 0.8 MB');
  });

  it('tells an import being written in papers, and its final commit without a false count', () => {
    const writing = { id: 'a', fileName: 'big.json', at: 0, phase: 'writing' as const };
    expect(describeImportStatus({ ...writing, fraction: 0.248, papers: { done: 12_400, total: 50_000 } })).toBe(
      'Saving big.json: 12,400 of 50,000 papers… (this window may close; the import goes on)',
    );
    expect(describeImportStatus({ ...writing, fraction: null, papers: { done: 50_000, total: 50_000 } })).toBe(
      'Saving big.json… (this window may close; the import goes on)',
    );
  });
});
