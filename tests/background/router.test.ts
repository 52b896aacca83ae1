import { createRouter, type Handlers } from '@/lib/background/router';

function handlersCalling(record: string[]): Handlers {
  return new Proxy({} as Handlers, {
    get: (_, type: string) => async (data: unknown) => {
      if (type === 'clearLibrary') throw new Error('disk full');
      record.push(`${type}:${JSON.stringify(data)}`);
      return { ok: true };
    },
  });
}

describe('router', () => {
  const calls: string[] = [];
  const route = createRouter(handlersCalling(calls), () => {});
  beforeEach(() => (calls.length = 0));

  it('routes a known message from its allowed sender', async () => {
    expect(await route({ type: 'setStarred', data: { id: '2407.21783', starred: true } }, 'extension-page')).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(calls).toEqual(['setStarred:{"id":"2407.21783","starred":true}']);
  });

  it.each([
    [null, 'content-script', 'not an object'],
    ['capture', 'content-script', 'not an object'],
    [{ type: 'toString' }, 'extension-page', 'unknown message type'],
    [{ type: '__proto__' }, 'extension-page', 'unknown message type'],
    [{ type: 'dropDatabase' }, 'extension-page', 'unknown message type'],
    [{ type: 'clearLibrary', data: {} }, 'content-script', 'clearLibrary from content-script'],
    [{ type: 'capture', data: {} }, 'extension-page', 'capture from extension-page'],
    [{ type: 'capture', data: {} }, null, 'capture from an unknown sender'],
  ] as const)('refuses %o from %s', async (message, role, reason) => {
    const outcome = await route(message, role);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error).toContain(reason);
    expect(calls).toEqual([]);
  });

  it('turns a failing handler into a refusal instead of a crash', async () => {
    expect(await route({ type: 'clearLibrary', data: {} }, 'extension-page')).toEqual({
      ok: false,
      error: 'clearLibrary: disk full',
    });
  });
});
