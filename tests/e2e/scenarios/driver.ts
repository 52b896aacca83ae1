// The little the shared scenarios need from a browser, so that they are written once and run in every browser
// the extension is built for: Chromium through Playwright (chromium.ts), Firefox through Puppeteer over WebDriver
// BiDi (../firefox/harness.ts).
import type { HfPage } from '../hf-site';

/** A CSS selector, or a CSS selector and a text the element must contain (as a person finds a button). */
export type Target = string | { css: string; text: string };

export interface DownloadedFile {
  /** The name the page gave the file. */
  fileName: string;
  text: string;
}

export interface Tab {
  /** Loads `url` and waits until its document has loaded; the HTTP status for web pages, null for extension pages. */
  goto(url: string): Promise<number | null>;
  /** Reloads the document and waits until it has loaded. */
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Waits for the target, then types `value` into it in place of what it held. */
  fill(target: Target, value: string): Promise<void>;
  /** Waits for the target, then clicks it. */
  click(target: Target): Promise<void>;
  /** Presses a key where the focus is: a key's name (ArrowDown, Escape) or one character. */
  press(key: string): Promise<void>;
  /** Types `text` where the focus is, key by key. */
  type(text: string): Promise<void>;
  /** Waits for the <select>, then chooses its option of `value`, as a person picks one. */
  select(selector: string, value: string): Promise<void>;
  /** The text of the first element matching `selector` now, or null when there is none (does not wait). */
  text(selector: string): Promise<string | null>;
  /** Waits for the file input, then chooses the file at `path` in it. */
  chooseFile(selector: string, path: string): Promise<void>;
  /** Clicks the target and returns the file the page saves as a result. */
  download(target: Target): Promise<DownloadedFile>;
  /**
   * Shows the page in a window of `width` × `height` device pixels at the browser's `zoom` (1.25: each CSS pixel
   * drawn 1.25 device pixels wide, so fewer of them fit).
   */
  setViewport(size: { width: number; height: number; zoom: number }): Promise<void>;
  /** Runs a script's source in the page through the driver, as a test tool is injected (no page policy applies). */
  addScript(source: string): Promise<void>;
  /** Runs `fn(arg)` in the page (a serialisable function: it cannot see the test's variables). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  /** 'chromium' or 'firefox', for messages. */
  name: string;
  /** The browser's version, for messages. */
  version: string;
  /**
   * Answers https://huggingface.co/… from `pages`, keyed by path and query, in every tab opened afterwards; other
   * documents of the site get a 404 page, and every other host is unreachable.
   */
  serveHfSite(pages: Record<string, HfPage>): Promise<void>;
  newTab(): Promise<Tab>;
  /** Opens the popup (`popup.html`, in a tab) or the full-page view (`library.html`). */
  openExtensionPage(page: 'popup' | 'library'): Promise<Tab>;
  /** URLs outside the extension that its background or its pages asked for. */
  extensionRequests(): Promise<string[]>;
  close(): Promise<void>;
}

/** How a browser is started: the colour scheme its pages are shown in (the system's is light). */
export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
}
