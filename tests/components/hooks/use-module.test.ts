import { renderHook, waitFor } from '@testing-library/preact';
import { useModule } from '@/components/hooks/use-module';

describe('modules loaded when first wanted', () => {
  it('loads nothing until wanted, then once, and keeps what it loaded', async () => {
    const load = vi.fn(async () => ({ name: 'panel' }));
    const { result, rerender } = renderHook(({ wanted }) => useModule(load, wanted), {
      initialProps: { wanted: false },
    });
    expect(load).not.toHaveBeenCalled();
    rerender({ wanted: true });
    await waitFor(() => expect(result.current).toEqual({ name: 'panel' }));
    rerender({ wanted: false });
    rerender({ wanted: true });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
