import { EXPORT_VERSION } from '@/lib/io/export-json';
import { UPGRADES, type UpgradeStep, upgradeExport } from '@/lib/io/export-upgrades';
import { parseImportFile } from '@/lib/io/import-file';

describe('upgradeExport', () => {
  const step =
    (name: string): UpgradeStep =>
    (document) => ({ ...document, steps: [...((document.steps as string[]) ?? []), name] });

  it('runs each step from the file version up to the current one, in order', () => {
    const steps = [step('1→2'), step('2→3'), step('3→4')];
    expect(upgradeExport({ version: 2 }, 2, 4, steps)).toEqual({ version: 2, steps: ['2→3', '3→4'] });
    expect(upgradeExport({ version: 1 }, 1, 4, steps).steps).toEqual(['1→2', '2→3', '3→4']);
  });

  it('leaves a current document alone', () => {
    const document = { version: EXPORT_VERSION };
    expect(upgradeExport(document, EXPORT_VERSION)).toBe(document);
  });

  it('has one step for every version before the current one', () => {
    expect(UPGRADES).toHaveLength(EXPORT_VERSION - 1);
  });

  it('refuses versions before the first', () => {
    const text = JSON.stringify({ format: 'papershelf', version: 0, count: 0, papers: [] });
    expect(parseImportFile(text)).toEqual({ ok: false, error: 'The Papershelf file has no valid version number.' });
  });
});
