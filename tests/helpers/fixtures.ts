import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Real captures of HF pages and search views (see fixtures/hf-pages/PROVENANCE.md); PAPERSHELF_FIXTURES overrides. */
export const FIXTURES_DIR = process.env.PAPERSHELF_FIXTURES ?? path.resolve(import.meta.dirname, '../fixtures');

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

export function readHfFixture(name: string): string {
  return readFixture(path.join('hf-pages', name));
}

/** An HTML capture as a Document, without its stylesheets and scripts (nothing to load in a unit test). */
export function parseHtml(html: string): Document {
  const inert = html.replace(/<link\b[^>]*>/gi, '').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  return new DOMParser().parseFromString(inert, 'text/html') as unknown as Document;
}
