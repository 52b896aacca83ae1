import { type IDBPDatabase, openDB } from 'idb';
import { type LibrarySchema, WRITE_STORES } from '@/lib/library/schema';
import type { PaperChange } from '@/lib/library/write-tx';
import type { Paper } from '@/lib/paper';
import { updateTopicTallies } from '@/lib/topics/tallies';
import { readHfFixture } from '../helpers/fixtures';
import { makePaper } from '../helpers/papers';
import { readSeedPapers, SEED_FILES } from '../helpers/seed-library';

export const NOW = '2026-11-20T12:00:00.000Z';
export const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

/** A database with the stores a write keeps in step (the tallies touch only topicDays). */
export function openTopicsDb(): Promise<IDBPDatabase<LibrarySchema>> {
  return openDB<LibrarySchema>('topics-test', 1, {
    upgrade(db) {
      for (const name of WRITE_STORES) db.createObjectStore(name);
    },
  });
}

/** Writes `changes` as the library does: in one readwrite transaction over every derived store. */
export async function writeChanges(db: IDBPDatabase<LibrarySchema>, changes: PaperChange[]): Promise<void> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  await updateTopicTallies(tx, changes);
  await tx.done;
}

export const added = (papers: Paper[]): PaperChange[] => papers.map((after) => ({ before: undefined, after }));

interface ApiItem {
  paper: { id: string; title: string; summary?: string; ai_keywords?: string[]; submittedOnDailyAt?: string };
}

const API_CAPTURES = [
  '2026-05-08_api-daily_papers_zzjjay.json',
  '2026-06-12_api-daily_papers_sotawhat.json',
  '2026-07-31_api-daily_papers_trimmed_BuiVannn.json',
  '2026-08-03_api-daily_papers_trimmed_DiQu1997.json',
];

/** The papers of the real daily-list captures, with their AI keywords, as the library stores them. */
export function hfPapers(): Paper[] {
  return API_CAPTURES.flatMap((file) =>
    (JSON.parse(readHfFixture(file)) as ApiItem[]).map(({ paper }) =>
      makePaper(paper.id, {
        title: paper.title.replace(/\s+/g, ' ').trim(),
        abstract: paper.summary ?? null,
        keywords: paper.ai_keywords ?? [],
        submittedOnDailyAt: paper.submittedOnDailyAt ?? null,
      }),
    ),
  );
}

/** Every real text the fixtures hold: seed-page titles and abstracts, and the daily-list captures. */
export function fixtureTexts(): Pick<Paper, 'title' | 'abstract' | 'keywords'>[] {
  const seed = SEED_FILES.flatMap(readSeedPapers).map(({ title, abstract }) => ({ title, abstract, keywords: [] }));
  return [...seed, ...hfPapers().map(({ title, abstract, keywords }) => ({ title, abstract, keywords }))];
}

/**
 * A library flat over `days` days: the fixture texts, each dated on a day spread evenly (and deterministically)
 * across the span, so no real term rises; `copies` times over, each copy on other days.
 */
export function flatLibrary(days = 150, copies = 1): Paper[] {
  const texts = fixtureTexts();
  const papers: Paper[] = [];
  for (let copy = 0; copy < copies; copy++) {
    texts.forEach((text, index) => {
      const serial = copy * texts.length + index;
      const day = (serial * 7919) % days; // a prime stride visits every day equally often
      papers.push(
        makePaper(`2601.${String(serial).padStart(5, '0')}`, { ...text, submittedOnDailyAt: daysAgo(day + 0.5) }),
      );
    });
  }
  return papers;
}
