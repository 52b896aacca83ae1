import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, readFixture } from './fixtures';

export interface SeedText {
  title: string;
  abstract: string;
}

export const SEED_FILES = readdirSync(path.join(FIXTURES_DIR, 'seed-pages'))
  .filter((name) => name.endsWith('.txt'))
  .sort();

/** A seed-page dump: a header ending in a date line ("Sep 26"), then a title line and an abstract line per paper. */
export function readSeedPapers(file: string): SeedText[] {
  const lines = readFixture(path.join('seed-pages', file))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const start = lines.findIndex((line) => /^[A-Z][a-z]{2} \d{1,2}$/.test(line)) + 1;
  const papers: SeedText[] = [];
  for (let i = start; i + 1 < lines.length; i += 2) papers.push({ title: lines[i], abstract: lines[i + 1] });
  return papers;
}

/** A deterministic arXiv-shaped id for the n-th seed paper (the dumps carry no ids). */
export function seedId(file: string, index: number): string {
  return `24${String(9 + SEED_FILES.indexOf(file)).padStart(2, '0')}.${String(10001 + index).padStart(5, '0')}`;
}
