// Renders the toolbar icon (scripts/icon.svg) as public/icon/{16,32,48,128}.png in the system's Chromium: the SVG's
// edges lie on a 16-unit grid, so each size is a whole number of pixels a unit and every edge stays sharp.
// Run with `npm run icons` after changing the SVG; the PNGs are committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];
const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'scripts/icon.svg'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    await page.setContent(
      `<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(resolve(root, `public/icon/${size}.png`), png);
    console.log(`public/icon/${size}.png: ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
