// The architecture as a test: who may write the library, and which modules stay free of the browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const file = path.join(full, name);
    if (statSync(file).isDirectory()) return sources(path.join(dir, name));
    return /\.tsx?$/.test(name) ? [path.join(dir, name)] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(path.join(root, file), 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);

/** The writing side of the library: only the background (and its lib/background services) may import it. */
const WRITERS = [
  '@/lib/library/db',
  '@/lib/library/ingest',
  '@/lib/library/migrations',
  '@/lib/library/synced',
  '@/lib/search/postings',
];

describe('architecture', () => {
  it('extension pages read the library only through read.ts; only the background writes it', () => {
    const pages = [...sources('components'), ...sources('entrypoints/popup'), ...sources('entrypoints/library')];
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      for (const imported of importsOf(file)) expect(WRITERS, `${file} imports ${imported}`).not.toContain(imported);
    }
    // The read API itself carries no writing code into the pages.
    for (const imported of importsOf('lib/library/read.ts')) {
      expect([...WRITERS, './derived', './ingest', './db'], `read.ts imports ${imported}`).not.toContain(imported);
    }
    for (const file of sources('entrypoints').filter((name) => name.includes('content'))) {
      for (const imported of importsOf(file)) expect(imported, file).not.toMatch(/^@\/lib\/library/);
    }
  });

  it('page reading, search and topics are pure: no browser APIs, and the page never reaches into the library', () => {
    for (const dir of ['lib/page', 'lib/search', 'lib/topics']) {
      for (const file of sources(dir)) {
        for (const imported of importsOf(file)) expect(imported, file).not.toMatch(/^wxt/);
      }
    }
    for (const file of sources('lib/page')) {
      for (const imported of importsOf(file)) expect(imported, file).not.toMatch(/^@\/lib\/library/);
    }
  });

  it('sync is pure but for its service (the background’s) and its settings', () => {
    const wired = ['lib/sync/service.ts', 'lib/sync/settings.ts'];
    for (const file of sources('lib/sync').filter((name) => !wired.includes(name))) {
      for (const imported of importsOf(file)) {
        expect(imported, file).not.toMatch(/^wxt|^idb/);
        expect(WRITERS, `${file} imports ${imported}`).not.toContain(imported);
      }
    }
  });
});
