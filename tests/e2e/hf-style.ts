import type { BrowserContext } from 'playwright-core';
import { HF_ORIGIN } from '@/lib/arxiv';

/**
 * A stand-in for huggingface.co's stylesheet, which the captures do not include (the site's CSS is not ours to
 * copy). Tailwind's preflight, as the site uses it (no default margins, block images), and the few classes that
 * lay out the daily list's cards, light and dark (`<html class="dark">`). Measurements of layout and screenshots
 * of a fixture page then see cards shaped as on the site, not the browser's default heading and list margins.
 */
export const HF_STAND_IN_CSS = `
*, ::before, ::after { box-sizing: border-box; border: 0 solid #e5e7eb; margin: 0; padding: 0; }
html { font-family: "Source Sans Pro", ui-sans-serif, system-ui, sans-serif; line-height: 1.5; color: #111827; background: #fff; }
html.dark { color: #e5e7eb; background: #0b0f19; color-scheme: dark; }
body { background: inherit; }
img, svg { display: block; max-width: 100%; }
ul { list-style: none; }
a { color: inherit; text-decoration: inherit; }
button { font: inherit; color: inherit; background: none; }
h1, h2, h3, h4 { font-size: inherit; font-weight: inherit; }
.hidden { display: none; } .block { display: block; } .flex { display: flex; } .grid { display: grid; }
.flex-col { flex-direction: column; } .flex-row-reverse { flex-direction: row-reverse; } .flex-wrap { flex-wrap: wrap; }
.flex-none { flex: none; } .items-center { align-items: center; } .justify-center { justify-content: center; }
.justify-between { justify-content: space-between; } .self-start { align-self: flex-start; }
.gap-1 { gap: .25rem; } .gap-2 { gap: .5rem; } .gap-5 { gap: 1.25rem; } .gap-6 { gap: 1.5rem; }
.relative { position: relative; } .absolute { position: absolute; } .overflow-hidden { overflow: hidden; }
.w-full { width: 100%; } .h-full { height: 100%; } .h-56 { height: 14rem; } .h-14 { height: 3.5rem; } .w-12 { width: 3rem; }
.h-4 { height: 1rem; } .w-4 { width: 1rem; } .-mr-2 { margin-right: -.5rem; } .ml-3 { margin-left: .75rem; }
.right-2 { right: .5rem; } .top-56 { top: 14rem; } .-mt-8 { margin-top: -2rem; } .-mt-2 { margin-top: -.5rem; }
.rounded-xl { border-radius: .75rem; } .rounded-md { border-radius: .375rem; } .rounded-full { border-radius: 9999px; }
.border { border-width: 1px; } .border-2 { border-width: 2px; }
.px-2 { padding-left: .5rem; padding-right: .5rem; } .px-6 { padding-left: 1.5rem; padding-right: 1.5rem; }
.pb-6 { padding-bottom: 1.5rem; } .pt-8 { padding-top: 2rem; } .pt-1 { padding-top: .25rem; } .mb-1 { margin-bottom: .25rem; }
.h-6 { height: 1.5rem; } .whitespace-nowrap { white-space: nowrap; } .pointer-events-none { pointer-events: none; }
.text-xs { font-size: .75rem; line-height: 1rem; } .text-sm { font-size: .875rem; line-height: 1.25rem; }
.text-lg\\/6 { font-size: 1.125rem; line-height: 1.5rem; } .font-semibold { font-weight: 600; } .leading-none { line-height: 1; }
.text-gray-600, .text-gray-700 { color: #4b5563; } .dark .text-gray-600, .dark .text-gray-700 { color: #9ca3af; }
.grid-cols-1 { grid-template-columns: repeat(1, minmax(0, 1fr)); }
@media (min-width: 1024px) { .lg\\:grid-cols-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (min-width: 1280px) { .xl\\:grid-cols-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
.line-clamp-3 { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.bg-white { background: #fff; } .dark .bg-white { background: #111827; }
.from-gray-50-to-white { background: linear-gradient(#f9fafb, #fff); } .dark .from-gray-50-to-white { background: linear-gradient(#111827, #0b0f19); }
.shadow-alternate-sm { background: linear-gradient(135deg, #eef2ff, #fdf2f8); } .dark .shadow-alternate-sm { background: linear-gradient(135deg, #1e1b4b, #3b0764); }
.shadow-alternate { border: 1px solid #d1d5db; border-radius: .75rem; align-items: center; justify-content: center; }
.shadow-alternate-sm img { visibility: hidden; } /* the thumbnails are not in the captures */
.border, .shadow-alternate { border-color: #e5e7eb; } .dark .border, .dark .shadow-alternate { border-color: #1f2937; }
li[title] { background: linear-gradient(135deg, #d1d5db, #f3f4f6); border-color: #fff; } .dark li[title] { background: linear-gradient(135deg, #4b5563, #1f2937); border-color: #111827; }
`;

/** Serves the stand-in wherever a served page links the site's stylesheet (`/front/build/…/style.css`). */
export async function serveHfStyles(context: BrowserContext): Promise<void> {
  await context.route(`${HF_ORIGIN}/front/build/**/*.css`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/css; charset=utf-8', body: HF_STAND_IN_CSS }),
  );
}
