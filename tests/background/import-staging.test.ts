import { createImportStaging } from '@/lib/background/import-staging';

describe('import staging', () => {
  it('gathers chunks and hands them over once', () => {
    const staging = createImportStaging();
    const id = staging.begin('shelf.json');
    staging.add(id, '{"a":');
    expect(staging.add(id, '1}')).toBe(7);
    expect(staging.take(id)).toEqual({ fileName: 'shelf.json', text: '{"a":1}' });
    expect(() => staging.take(id)).toThrow(/unknown or expired/);
  });

  it('forgets abandoned imports', () => {
    let now = 0;
    const staging = createImportStaging(() => now);
    const abandoned = staging.begin('a.json');
    now += 11 * 60_000;
    staging.begin('b.json');
    expect(() => staging.add(abandoned, '')).toThrow(/unknown or expired/);
  });

  it('refuses forged import ids', () => {
    const staging = createImportStaging();
    staging.begin('a.json');
    for (const forged of ['', '__proto__', 'constructor', 'toString']) expect(() => staging.take(forged)).toThrow();
  });
});
