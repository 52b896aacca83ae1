// What an end-to-end test file shares with vitest: kept apart from harness.ts, which the bench loads outside vitest.
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';

/**
 * The browser of the tests of the describe block this is called in: launched, then `prepare`d, before them, and
 * closed after them. The tests call the returned function for the session.
 */
export function launchedForSuite(prepare?: (session: ExtensionSession) => Promise<void>): () => ExtensionSession {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launchExtension();
    await prepare?.(session);
  });
  afterAll(() => session?.close());
  return () => {
    if (!session) throw new Error('The browser is launched before the tests of its block run.');
    return session;
  };
}
