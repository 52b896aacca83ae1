import { createImportStaging } from '@/lib/background/import-staging';
import type { Paper } from '@/lib/paper';

const paper = (id: string) => ({ id }) as Paper;

describe('import staging', () => {
  it('gathers chunks and hands them over once', () => {
    const staging = createImportStaging();
    const id = staging.begin();
    staging.add(id, [paper('2601.00001')]);
    expect(staging.add(id, [paper('2601.00002')])).toBe(2);
    expect(staging.take(id).map((item) => item.id)).toEqual(['2601.00001', '2601.00002']);
    expect(() => staging.take(id)).toThrow(/unknown or expired/);
  });

  it('forgets abandoned imports', () => {
    let now = 0;
    const staging = createImportStaging(() => now);
    const abandoned = staging.begin();
    now += 11 * 60_000;
    staging.begin();
    expect(() => staging.add(abandoned, [])).toThrow(/unknown or expired/);
  });

  it('refuses forged import ids', () => {
    const staging = createImportStaging();
    staging.begin();
    for (const forged of [undefined, 42, '__proto__', 'constructor']) expect(() => staging.take(forged)).toThrow();
  });
});
