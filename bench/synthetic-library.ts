import { newPaper, type Paper } from '@/lib/paper';
import { readSeedPapers, SEED_FILES } from '../tests/helpers/seed-library';

const SURNAMES = [
  'Chen',
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Kumar',
  'Smith',
  'García',
  'Müller',
  'Nguyễn',
  'Kowalski',
  'Tanaka',
  'Okafor',
  'Rossi',
  'Haddad',
];
const GIVEN = ['Wei', 'Anna', 'Rahul', 'Maria', 'Jonas', 'Yuki', 'Chidi', 'Lena', 'Omar', 'Sofia', 'Ivan', 'Mei'];

/** A deterministic pseudo-random sequence, so every run measures the same library. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` realistic papers (recycled seed texts, varied ids, dates spread over `days` before `now`). */
export function syntheticLibrary(count: number, now = Date.parse('2026-11-20T12:00:00Z'), days = 365): Paper[] {
  const texts = SEED_FILES.flatMap(readSeedPapers);
  const next = random(count);
  return Array.from({ length: count }, (_, index) => {
    const text = texts[index % texts.length];
    const round = Math.floor(index / texts.length);
    const seen = new Date(now - next() * days * 86_400_000);
    const month = `${String(seen.getUTCFullYear()).slice(2)}${String(seen.getUTCMonth() + 1).padStart(2, '0')}`;
    const id = `${month}.${String(10000 + index).padStart(5, '0')}`;
    const authors = Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
      const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
      return `${pick(GIVEN)} ${pick(SURNAMES)}`;
    });
    const upvotes = Math.floor(next() ** 3 * 300);
    const iso = seen.toISOString();
    return {
      ...newPaper(id, round === 0 ? text.title : `${text.title} (${round + 1})`, iso),
      abstract: text.abstract,
      authors,
      upvotes,
      comments: Math.floor(next() * 6),
      publishedAt: new Date(seen.getTime() - 86_400_000).toISOString(),
      submittedOnDailyAt: iso,
      seenCount: 1 + Math.floor(next() * 3),
      starred: next() < 0.05,
      upvoteHistory: [{ at: iso, upvotes }],
    };
  });
}
