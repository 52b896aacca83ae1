// The Firefox harness itself: the shared scenarios' guarantees (served site, blocked network, downloads) rest on it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cardsHtml, papersPageHtml } from '../../helpers/island';
import type { ExtensionBrowser, Tab } from '../scenarios/driver';
import { launchFirefox } from './harness';

const paper = { paper: { id: '2401.00001', title: 'Daily paper' } };

/** Whether a request for `url` from the tab reaches a server (an opaque answer counts as reaching one). */
const reaches = (tab: Tab, url: string) =>
  tab.evaluate(
    (target) =>
      fetch(target, { mode: 'no-cors', cache: 'no-store' }).then(
        () => true,
        () => false,
      ),
    url,
  );

describe('Firefox harness', () => {
  let browser: ExtensionBrowser;
  // A server that is there: the browser must not reach it either.
  let server: Server;
  let serverUrl: string;
  const served: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      served.push(request.url ?? '');
      response.end('reached');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchFirefox();
    await browser.serveHfSite({ '/papers/date/2024-01-02': papersPageHtml({ cards: cardsHtml([paper]) }) });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('serves HF pages at their addresses, 404s the rest of the site, and blocks every other host', async () => {
    const tab = await browser.newTab();
    expect(await tab.goto('https://huggingface.co/papers/date/2024-01-02')).toBe(200);
    expect(await tab.text('article h3 a')).toBe('Daily paper');
    expect(await reaches(tab, `${serverUrl}/from-page`)).toBe(false);
    expect(await tab.goto('https://huggingface.co/papers/2401.99999')).toBe(404);
    await tab.close();
  });

  it('opens the extension pages, from which no other host is reachable either', async () => {
    for (const which of ['popup', 'library'] as const) {
      const page = await browser.openExtensionPage(which);
      expect(await page.url()).toMatch(new RegExp(`^moz-extension://[0-9a-f-]{36}/${which}\\.html$`));
      await page.reload();
      expect(await page.text('h1')).toBe('Papershelf');
      expect(await reaches(page, `${serverUrl}/from-${which}`)).toBe(false);
      await page.close();
    }
    expect(served).toEqual([]);
  });

  it('records what the background page and the extension pages ask for, though nothing gets through', async () => {
    const page = await browser.openExtensionPage('popup');
    await page.evaluate(async (target) => {
      type Extension = { browser: { extension: { getBackgroundPage(): Window } } };
      await (globalThis as unknown as Extension).browser.extension
        .getBackgroundPage()
        .fetch(`${target}/from-background`)
        .catch(() => {});
      await fetch(`${target}/from-page`).catch(() => {});
    }, serverUrl);
    await page.close();
    // The earlier test's requests from the popup and the full page are there too.
    expect((await browser.extensionRequests()).sort()).toEqual(
      ['from-background', 'from-library', 'from-page', 'from-popup'].map((path) => `${serverUrl}/${path}`),
    );
    expect(served).toEqual([]);
  });
});
