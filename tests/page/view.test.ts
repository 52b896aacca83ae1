import { islandMatchesView } from '@/lib/page/island';
import { classifyPapersUrl } from '@/lib/page/view';

describe('classifyPapersUrl', () => {
  it.each([
    ['https://huggingface.co/papers', { kind: 'daily', date: null }],
    ['https://huggingface.co/papers/date/2024-08-01', { kind: 'daily', date: '2024-08-01' }],
    ['https://huggingface.co/papers?date=2024-08-01', { kind: 'daily', date: '2024-08-01' }],
    ['https://huggingface.co/papers/week/2026-W39', { kind: 'weekly', period: '2026-W39' }],
    ['https://huggingface.co/papers/month/2026-09', { kind: 'monthly', period: '2026-09' }],
    ['https://huggingface.co/papers/trending', { kind: 'trending' }],
    ['https://huggingface.co/papers?q=video+diffusion', { kind: 'search', query: 'video diffusion' }],
    ['https://huggingface.co/papers/2509.24002', { kind: 'paper', paperId: '2509.24002' }],
    ['https://huggingface.co/papers/2509.24002v2#community', { kind: 'paper', paperId: '2509.24002' }],
  ])('%s', (url, view) => expect(classifyPapersUrl(url)).toEqual(view));

  it.each([
    'https://huggingface.co/models',
    'https://evil.example/papers',
    'https://huggingface.co/papers/foo/bar',
    'nonsense',
  ])('ignores %s', (url) => expect(classifyPapersUrl(url)).toBeNull());
});

describe('islandMatchesView', () => {
  it('compares the island’s own date, period and query with the URL', () => {
    expect(islandMatchesView({ date: '2024-08-01' }, { kind: 'daily', date: '2024-08-01' })).toBe(true);
    expect(islandMatchesView({ date: '2024-07-31' }, { kind: 'daily', date: '2024-08-01' })).toBe(false);
    expect(islandMatchesView({ periodType: 'day' }, { kind: 'weekly', period: '2026-W39' })).toBe(false);
    expect(islandMatchesView({ periodType: 'week' }, { kind: 'weekly', period: '2026-W39' })).toBe(true);
    expect(islandMatchesView({ query: 'Diffusion ' }, { kind: 'search', query: 'diffusion' })).toBe(true);
    expect(islandMatchesView({ query: 'agents' }, { kind: 'search', query: 'diffusion' })).toBe(false);
    expect(islandMatchesView({}, { kind: 'trending' })).toBeNull();
  });
});
