// The shared scenarios' driver for Chromium: Playwright over the harness that loads the Chromium build.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchExtension } from '../harness';
import { serveHfSite } from '../hf-site';
import type { ExtensionBrowser, LaunchOptions, Tab, Target } from './driver';

export async function launchChromium({ colorScheme = 'light' }: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const session = await launchExtension();
  const chromiumTab = async (page: Page) => {
    await page.emulateMedia({ colorScheme });
    return tabOf(page);
  };
  return {
    name: 'chromium',
    version: session.context.browser()?.version() ?? 'unknown',
    serveHfSite: (pages) => serveHfSite(session.context, pages),
    newTab: async () => chromiumTab(await session.context.newPage()),
    async openExtensionPage(page) {
      const tab = await chromiumTab(await session.context.newPage());
      await tab.goto(page === 'popup' ? session.popupUrl : session.libraryUrl);
      return tab;
    },
    extensionRequests: () => session.extensionRequests(),
    close: () => session.close(),
  };
}

function tabOf(page: Page): Tab {
  const locate = (target: Target) =>
    typeof target === 'string'
      ? page.locator(target).first()
      : page.locator(target.css, { hasText: target.text }).first();
  return {
    async goto(url) {
      const response = await page.goto(url);
      return url.startsWith('chrome-extension://') ? null : (response?.status() ?? null);
    },
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    fill: (target, value) => locate(target).fill(value),
    click: (target) => locate(target).click(),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    select: async (selector, value) => void (await locate(selector).selectOption(value)),
    text: (selector) => page.evaluate((css) => document.querySelector(css)?.textContent ?? null, selector),
    chooseFile: (selector, path) => locate(selector).setInputFiles(path),
    async download(target) {
      const [download] = await Promise.all([page.waitForEvent('download'), locate(target).click()]);
      return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
    },
    async setViewport({ width, height, zoom }) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width: Math.round(width / zoom),
        height: Math.round(height / zoom),
        deviceScaleFactor: zoom,
        mobile: false,
      });
      await cdp.detach();
    },
    addScript: async (source) => void (await page.evaluate(source)),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
    close: () => page.close(),
  };
}
