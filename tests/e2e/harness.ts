import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Request, type Worker } from 'playwright-core';

// A copy elsewhere can be tested while the tree is being rebuilt.
const EXTENSION_DIR = resolve(
  process.env.PAPERSHELF_EXTENSION_DIR || resolve(import.meta.dirname, '../../.output/chrome-mv3'),
);
const EXTENSION_SCHEME = 'chrome-extension://';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  popupUrl: string;
  libraryUrl: string;
  /** URLs outside the extension that the service worker or an extension page asked for, in order. */
  extensionRequests(): Promise<string[]>;
  /**
   * Stops the extension's service worker, as Chrome does to an idle extension; the next event restarts it.
   * Throws if none was running, unless `ifRunning` (a stop at a random moment may find it already stopped).
   */
  stopServiceWorker(options?: { ifRunning?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with the built extension in a fresh profile. All network is blocked:
 * only what a test serves (see hf-site.ts) and the extension's own files load.
 */
export async function launchExtension(): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'papershelf-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  const recorded: string[] = [];
  context.on('request', (request) => {
    if (isFromExtension(request) && !request.url().startsWith(EXTENSION_SCHEME)) recorded.push(request.url());
  });
  // Registered first, so every route a test adds later takes precedence over it.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(EXTENSION_SCHEME) ? route.continue() : route.abort('blockedbyclient'),
  );

  const serviceWorker = await extensionWorker(context);
  const extensionId = new URL(serviceWorker.url()).host;
  const origin = `${EXTENSION_SCHEME}${extensionId}`;
  const stopResuming = await keepWorkerResumed(context, origin);
  return {
    context,
    extensionId,
    serviceWorker,
    popupUrl: `${origin}/popup.html`,
    libraryUrl: `${origin}/library.html`,
    async extensionRequests() {
      // The worker's own resource timing also covers what it fetched before the listener above was attached.
      const fromWorker = await workerFetches(context, origin);
      return [...new Set([...fromWorker, ...recorded])].filter((url) => !url.startsWith(EXTENSION_SCHEME));
    },
    async stopServiceWorker({ ifRunning = false } = {}) {
      const browser = context.browser();
      if (!browser) throw new Error('no browser to talk to');
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      const workers = targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith(origin));
      // A worker may stop on its own between listing and closing it.
      for (const worker of workers) await cdp.send('Target.closeTarget', { targetId: worker.targetId }).catch(() => {});
      await cdp.detach();
      if (workers.length !== 1 && !(ifRunning && workers.length === 0))
        throw new Error(`expected one running service worker, found ${workers.length}`);
    },
    async close() {
      await stopResuming();
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A service worker restarted while a debugger is attached (the driver is) starts paused until told to run. The driver
 * tells it once, when the restart is announced; that word can arrive before the worker waits for it, and the worker
 * then stays paused: every message to it hangs, as if the extension had died. This session, attached beside the
 * driver's, repeats the word on each restart and every half second, so a restarted worker runs as it would without
 * a debugger. (Running workers ignore it.)
 */
async function keepWorkerResumed(context: BrowserContext, origin: string): Promise<() => Promise<void>> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to talk to');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const sessions = new Map<string, string>(); // target id → our session with it
  let messageId = 0;
  const resume = (sessionId: string) =>
    cdp
      .send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: ++messageId, method: 'Runtime.runIfWaitingForDebugger' }),
      })
      .catch(() => {}); // the worker stopped meanwhile: its next start is announced again
  const attach = async ({ targetId, type, url }: { targetId: string; type: string; url: string }) => {
    if (type !== 'service_worker' || !url.startsWith(origin) || sessions.has(targetId)) return;
    sessions.set(targetId, '');
    const attached = await cdp.send('Target.attachToTarget', { targetId, flatten: false }).catch(() => null);
    if (attached) sessions.set(targetId, attached.sessionId);
    else sessions.delete(targetId);
  };
  cdp.on('Target.targetCreated', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.detachedFromTarget', ({ targetId }) => targetId && sessions.delete(targetId));
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    if (message.includes('"Inspector.targetReloadedAfterCrash"')) void resume(sessionId);
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  await Promise.all(targetInfos.map(attach));
  const timer = setInterval(() => {
    for (const sessionId of sessions.values()) if (sessionId) void resume(sessionId);
  }, 500);
  return async () => {
    clearInterval(timer);
    await cdp.detach().catch(() => {});
  };
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith(EXTENSION_SCHEME);
  return (
    context.serviceWorkers().find(isExtension) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 15_000 }))
  );
}

function isFromExtension(request: Request): boolean {
  const worker = request.serviceWorker();
  if (worker) return worker.url().startsWith(EXTENSION_SCHEME);
  try {
    return request.frame().url().startsWith(EXTENSION_SCHEME);
  } catch {
    return false; // no frame (e.g. a request of a worker that is already gone)
  }
}

/** Resource timing entries of the running service worker (it may have been restarted since launch). */
async function workerFetches(context: BrowserContext, origin: string): Promise<string[]> {
  const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith(origin));
  if (!worker) return [];
  return worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
}
