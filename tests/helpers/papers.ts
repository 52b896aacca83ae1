import { newPaper, type Paper } from '@/lib/paper';
import { readSeedPapers, SEED_FILES, seedId } from './seed-library';

/** A complete Paper with every unknown fact empty; tests set only what they are about. */
export function makePaper(id: string, fields: Partial<Paper> = {}): Paper {
  const seen = fields.lastSeenAt ?? '2026-11-01T00:00:00.000Z';
  return { ...newPaper(id, `Paper ${id}`, seen), seenCount: 1, ...fields };
}

/** The seed-page papers (real titles and abstracts) as library records. */
export function seedPapers(file: string): Paper[] {
  return readSeedPapers(file).map(({ title, abstract }, index) => makePaper(seedId(file, index), { title, abstract }));
}

export const allSeedPapers = () => SEED_FILES.flatMap(seedPapers);
