import { dialogText, dialogTitle } from '@/components/dialogs/deletion-text';

describe('delete dialogs', () => {
  it('name the paper they delete, or how many, with words that agree', () => {
    const one = { kind: 'selection', count: 1, title: 'Attention Is All You Need' } as const;
    expect(dialogTitle(one)).toBe('Delete “Attention Is All You Need”?');
    expect(dialogText(one)).toBe('This deletes “Attention Is All You Need”, with its star, tags and note.');
    const many = { kind: 'selection', count: 12_000 } as const;
    expect(dialogTitle(many)).toBe('Delete 12,000 papers?');
    expect(dialogText(many)).toBe('This deletes 12,000 papers, with their stars, tags and notes.');
    expect(dialogText({ kind: 'clear', count: 1 })).toBe(
      'This deletes the library’s only paper, with its star, tags and note.',
    );
    expect(dialogText({ kind: 'clear', count: 30_000 })).toBe(
      'This deletes all 30,000 papers, with their stars, tags and notes.',
    );
  });

  it('say dates as the rest of the interface does, not as ISO', () => {
    const before = new Date(new Date().getFullYear(), 10, 1).toISOString(); // Nov 1 of this year, local time
    const purge = { kind: 'purge', count: 1, before } as const;
    expect(dialogTitle(purge)).toBe('Forget 1 older paper?');
    expect(dialogText(purge)).toMatch(/^This forgets 1 paper last seen before Nov 1, with its star, tags and note\.$/);
  });
});
