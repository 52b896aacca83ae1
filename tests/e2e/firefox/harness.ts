// Firefox ESR with the Firefox build installed as a temporary add-on, driven by Puppeteer over WebDriver BiDi, behind
// the same driver interface as the Chromium harness so that the shared scenarios run in both.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, {
  type Browser,
  type ElementHandle,
  type HTTPRequest,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
import { HF_ORIGIN } from '@/lib/arxiv';
import { type HfPage, hfResponse } from '../hf-site';
import type { DownloadedFile, ExtensionBrowser, LaunchOptions, Tab, Target } from '../scenarios/driver';

// A copy elsewhere can be tested while the tree is being rebuilt.
const EXTENSION_DIR = resolve(
  process.env.PAPERSHELF_FIREFOX_DIR || resolve(import.meta.dirname, '../../../.output/firefox-mv2'),
);
const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const EXTENSION_SCHEME = 'moz-extension://';
const LOAD_TIMEOUT_MS = 15_000;
const DOWNLOAD_TIMEOUT_MS = 15_000;

interface GeckoManifest {
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

/**
 * Starts headless Firefox ESR in a fresh profile and installs the Firefox build as a temporary add-on. Tabs reach
 * only what `serveHfSite` serves; downloads are saved, without asking, to a folder of the session.
 */
export async function launchFirefox({ colorScheme = 'light' }: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const manifestPath = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${EXTENSION_DIR}: run \`npx wxt build -b firefox\` first.`);
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: run \`node scripts/ensure-browsers.mjs\` or set FIREFOX_PATH.`);
  }
  const gecko = (JSON.parse(readFileSync(manifestPath, 'utf8')) as GeckoManifest).browser_specific_settings?.gecko;
  if (!gecko?.id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);

  // The add-on's pages live at moz-extension://<uuid>/; this pref chooses the uuid instead of a random one.
  const uuid = randomUUID();
  const downloadDir = await mkdtemp(join(tmpdir(), 'papershelf-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without it the remote agent may not navigate to extension pages.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [gecko.id]: uuid }),
      // What pages, the extension's included, are told of the colour scheme (0 dark, 1 light): set at launch, as
      // Firefox over WebDriver BiDi cannot emulate a media feature.
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,application/x-bibtex,text/csv',
      // Nothing leaves the machine: what request interception does not answer goes to a proxy that is not there.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  let version: string;
  try {
    version = await checkVersion(browser, gecko.strict_min_version);
    const installed = await browser.installExtension(EXTENSION_DIR);
    if (installed !== gecko.id) throw new Error(`installed add-on ${installed}, expected ${gecko.id}`);
  } catch (error) {
    await browser.close();
    throw error;
  }

  const origin = `${EXTENSION_SCHEME}${uuid}`;
  let pages: Record<string, HfPage> = {};
  // What the extension's own pages asked for outside the extension (their tabs are not intercepted).
  const requested: string[] = [];
  const newPage = async (intercept: boolean) => {
    const page = await browser.newPage();
    if (!intercept) {
      page.on('request', (request) => {
        if (!request.url().startsWith(EXTENSION_SCHEME)) requested.push(request.url());
      });
    } else {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        answer(request, pages)?.catch((error: Error) => {
          // A request the page gave up on (say, as the tab closed) cannot be answered any more: nothing is lost.
          if (!/no such request/i.test(error.message)) console.warn(`could not answer ${request.url()}:`, error);
        });
      });
    }
    return page;
  };
  return {
    name: 'firefox',
    version,
    async serveHfSite(served) {
      pages = served;
    },
    newTab: async () => firefoxTab(await newPage(true), downloadDir),
    async openExtensionPage(which) {
      const tab = firefoxTab(await newPage(false), downloadDir);
      await tab.goto(`${origin}/${which === 'popup' ? 'popup' : 'library'}.html`);
      return tab;
    },
    async extensionRequests() {
      // The background page is no tab: its resource timing says what it fetched.
      const tab = firefoxTab(await newPage(false), downloadDir);
      await tab.goto(`${origin}/popup.html`);
      const fromBackground = await tab.evaluate(
        () =>
          (
            globalThis as unknown as { browser: { extension: { getBackgroundPage(): Window | null } } }
          ).browser.extension
            .getBackgroundPage()
            ?.performance.getEntriesByType('resource')
            .map((entry) => entry.name) ?? [],
        null,
      );
      await tab.close();
      return [...new Set([...fromBackground, ...requested])].filter((url) => !url.startsWith(EXTENSION_SCHEME));
    },
    async close() {
      await browser.close();
      await rm(downloadDir, { recursive: true, force: true });
    },
  };
}

/** The browser's version, once checked against the add-on's strict_min_version. */
async function checkVersion(browser: Browser, minimum: string | undefined): Promise<string> {
  const version = (await browser.version()).replace(/^firefox\//i, '');
  if (minimum && Number.parseInt(version, 10) < Number.parseInt(minimum, 10)) {
    throw new Error(`Firefox ${version} at ${FIREFOX_PATH} is older than the add-on's strict_min_version ${minimum}.`);
  }
  return version;
}

/** Serves huggingface.co from `pages` (a 404 page for other documents of the site) and refuses every other host. */
function answer(request: HTTPRequest, pages: Record<string, HfPage>) {
  if (request.isInterceptResolutionHandled()) return;
  const url = new URL(request.url());
  if (url.origin !== HF_ORIGIN) {
    if (['moz-extension:', 'data:', 'blob:', 'about:'].includes(url.protocol)) return request.continue();
    return request.abort('blockedbyclient');
  }
  return request.respond(hfResponse(pages, request.url(), request.isNavigationRequest()));
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function firefoxTab(page: Page, downloadDir: string): Tab {
  const selector = (target: Target) =>
    typeof target === 'string' ? target : `${target.css}::-p-text(${JSON.stringify(target.text)})`;

  /** Waits until the document at `url` (any, when omitted) has loaded and `ready` holds in it. */
  const waitForLoad = async (what: string, ready: (url: string) => boolean) => {
    const deadline = Date.now() + LOAD_TIMEOUT_MS;
    while (Date.now() < deadline) {
      // Throws while the document is being replaced: that is not an answer yet.
      const state = await page
        .evaluate(() => ({ url: location.href, state: document.readyState, stale: 'papershelfStale' in window }))
        .catch(() => null);
      if (state && state.state === 'complete' && !state.stale && ready(state.url)) return;
      await sleep(100);
    }
    throw new Error(`${what} did not finish loading in ${LOAD_TIMEOUT_MS / 1000} s`);
  };

  return {
    async goto(url) {
      if (!url.startsWith(EXTENSION_SCHEME)) {
        const response = await page.goto(url, { waitUntil: 'load' });
        return response?.status() ?? null;
      }
      // Firefox's remote agent may never report this navigation as finished: ask the page instead. The promise
      // settles (or fails, once the tab is closed) later; nothing waits for it.
      page.goto(url).catch(() => {});
      await waitForLoad(url, (loaded) => loaded === url);
      return null;
    },
    async reload() {
      // The same, with a mark that only the old document carries.
      await page
        .evaluate(() => {
          (window as { papershelfStale?: boolean }).papershelfStale = true;
          setTimeout(() => location.reload());
        })
        .catch(() => {});
      await waitForLoad('reload', () => true);
    },
    // Puppeteer's page.url() may not have followed a navigation it was not told about (see goto).
    url: () => page.evaluate(() => location.href),
    async fill(target, value) {
      const element = await page.locator(selector(target)).waitHandle();
      // Select what is there and type over it, as a person does (Locator.fill cannot clear a field).
      await element.click({ count: 3 });
      await element.evaluate((input) => (input as HTMLInputElement).select());
      await page.keyboard.press('Backspace');
      if (value) await element.type(value);
      await element.dispose();
    },
    click: (target) => page.locator(selector(target)).click(),
    press: (key) => page.keyboard.press(key as KeyInput),
    type: (text) => page.keyboard.type(text),
    async select(css, value) {
      const element = await page.locator(css).waitHandle();
      await element.select(value);
      await element.dispose();
    },
    text: (css) => page.evaluate((query) => document.querySelector(query)?.textContent ?? null, css),
    async chooseFile(css, path) {
      const input = (await page.waitForSelector(css)) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error(`no ${css}`);
      await input.uploadFile(path);
      await input.dispose();
    },
    async download(target) {
      const before = new Set(await readdir(downloadDir));
      await page.locator(selector(target)).click();
      return takeDownload(downloadDir, before);
    },
    setViewport: ({ width, height, zoom }) =>
      page.setViewport({ width: Math.round(width / zoom), height: Math.round(height / zoom), deviceScaleFactor: zoom }),
    addScript: async (source) => void (await page.evaluate(source)),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>,
    close: () => page.close(),
  };
}

/**
 * Waits for the file Firefox saves into `dir` (written as `<random>.part`, renamed when complete), reads it and
 * removes it, so that the next download of the same name keeps its name.
 */
async function takeDownload(dir: string, before: Set<string>): Promise<DownloadedFile> {
  const deadline = Date.now() + DOWNLOAD_TIMEOUT_MS;
  let last = { name: '', size: -1 };
  while (Date.now() < deadline) {
    await sleep(100);
    const files = (await readdir(dir)).filter((name) => !before.has(name));
    const done = files.filter((name) => !name.endsWith('.part'));
    if (done.length > 1) throw new Error(`expected one download, got ${done.join(', ')}`);
    if (done.length === 0 || files.length > done.length) continue;
    const { size } = await stat(join(dir, done[0]));
    // Complete once renamed and the same size twice in a row.
    if (size > 0 && last.name === done[0] && last.size === size) {
      const text = await readFile(join(dir, done[0]), 'utf8');
      await rm(join(dir, done[0]));
      return { fileName: done[0], text };
    }
    last = { name: done[0], size };
  }
  throw new Error(`no download in ${dir} after ${DOWNLOAD_TIMEOUT_MS / 1000} s`);
}
