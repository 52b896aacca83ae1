import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';

/** A served document: its HTML, or a function called on every request for it. */
export type HfPage = string | (() => string);

/** The view an in-page navigation leads to (see spa.js). */
export interface SpaView {
  url: string;
  cardsHtml: string;
  /** The island JSON the view ends with, or null when the island is never rewritten. */
  islandProps: string | null;
}

const NOT_FOUND_PAGE =
  '<!doctype html><html><head><title>404 – Hugging Face</title></head><body><h1>404</h1><p>Sorry, we can’t find the page you are looking for.</p></body></html>';

/**
 * Answers https://huggingface.co/… from `pages`, keyed by path and query (`/papers?q=llm`).
 * Any other document gets a 404 page; assets and API calls an empty 404.
 */
export async function serveHfSite(context: BrowserContext, pages: Record<string, HfPage>): Promise<void> {
  await context.route(`${HF_ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    const page = pages[url.pathname + url.search];
    if (page !== undefined) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof page === 'function' ? page() : page });
    }
    if (route.request().resourceType() === 'document') {
      return route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: NOT_FOUND_PAGE });
    }
    return route.fulfill({ status: 404, body: '' });
  });
}

const SPA_SCRIPT = readFileSync(resolve(import.meta.dirname, 'spa.js'), 'utf8');

/**
 * Makes a served page navigate in-page the way HF's tabs do: one `<button>` per view label (added when the
 * page has none with that text), the target views embedded as JSON, and spa.js before `</body>`.
 */
export function withSpaNavigation(html: string, views: Record<string, SpaView>): string {
  const missingTabs = Object.keys(views)
    .filter((label) => !new RegExp(`<button[^>]*>\\s*${label}\\s*</button>`).test(html))
    .map((label) => `<button type="button">${label}</button>`)
    .join('');
  const tabs = missingTabs && `<nav aria-label="Period">${missingTabs}</nav>`;
  const embedded = Object.fromEntries(
    Object.entries(views).map(([label, view]) => [label, { url: view.url, cards: view.cardsHtml, props: view.islandProps }]),
  );
  const script =
    `<script type="application/json" id="spa-views">${scriptSafeJson(embedded)}</script>` +
    `<script>${SPA_SCRIPT}</script>`;
  return insertAfterOpeningTag(html, /<main\b[^>]*>|<body\b[^>]*>/, tabs).replace(/<\/body>/i, `${script}</body>`);
}

/** A minimal HF-like document around the given body markup. */
export function hfDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main class="flex flex-1 flex-col">${body}</main></body></html>`;
}

function insertAfterOpeningTag(html: string, tag: RegExp, insertion: string): string {
  const match = tag.exec(html);
  if (!match) throw new Error('served page has neither <main> nor <body>');
  const end = match.index + match[0].length;
  return html.slice(0, end) + insertion + html.slice(end);
}

/** JSON that cannot close the `<script>` element it is embedded in. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
