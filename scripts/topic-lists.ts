// The topic lists of the real texts the tests and the bench use, printed for a reader to judge:
// `node --import tsx scripts/topic-lists.ts [fixtures dir]` (default tests/fixtures; PAPERSHELF_FIXTURES is read too).
// Papers of the captured pages go through the extension's own page reader and merge, as a capture would.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { openDB } from 'idb';
import { mergeSighting } from '@/lib/library/merge';
import { type LibrarySchema, WRITE_STORES } from '@/lib/library/schema';
import { readPage } from '@/lib/page/read-page';
import type { Paper } from '@/lib/paper';
import { readTopics } from '@/lib/topics/read';
import { updateTopicTallies } from '@/lib/topics/tallies';
import type { TopicWindow } from '@/lib/topics/topics';

const FIXTURES = path.resolve(process.argv[2] ?? process.env.PAPERSHELF_FIXTURES ?? 'tests/fixtures');
process.env.PAPERSHELF_FIXTURES = FIXTURES;
const { syntheticLibrary } = await import('../bench/synthetic-library');
const { islandHtml, papersPageHtml, searchCardsHtml } = await import('../tests/helpers/island');
const { readSeedPapers, SEED_FILES } = await import('../tests/helpers/seed-library');

const NOW = '2026-11-20T12:00:00.000Z';
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();
const window = new Window();
// The page reader tells elements apart as a browser would.
Object.assign(globalThis, { HTMLElement: window.HTMLElement, Element: window.Element, Node: window.Node });

/** Every paper a captured page shows, read by the extension's page reader; an API answer is read as the island it feeds. */
function capturedPapers(): Paper[] {
  const dir = path.join(FIXTURES, 'hf-pages');
  const papers = new Map<string, Paper>();
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    let html = text;
    let url = 'https://huggingface.co/papers?q=capture';
    if (file.endsWith('.json')) {
      const items = JSON.parse(text) as unknown[];
      html = papersPageHtml({
        island: islandHtml(items, { query: { q: 'capture' } }, 'searchResults'),
        cards: searchCardsHtml(items as never),
      });
    } else if (file.endsWith('.html')) {
      const paperPage = /paper-page_([\d.]+)/.exec(file);
      url = paperPage ? `https://huggingface.co/papers/${paperPage[1]}` : 'https://huggingface.co/papers';
    } else continue;
    const inert = html.replace(/<link\b[^>]*>/gi, '').replace(/<script\b[\s\S]*?<\/script>/gi, '');
    const doc = new window.DOMParser().parseFromString(inert, 'text/html') as unknown as Document;
    for (const sighting of readPage(doc, url).papers) {
      const { recentViewIds: _, ...paper } = mergeSighting(papers.get(sighting.id) as never, sighting, file, NOW);
      papers.set(paper.id, paper);
    }
  }
  return [...papers.values()];
}

async function topicsOf(papers: Paper[], window: TopicWindow) {
  const name = `topic-lists-${Math.random()}`;
  const db = await openDB<LibrarySchema>(name, 1, {
    upgrade(db) {
      for (const store of WRITE_STORES) db.createObjectStore(store);
    },
  });
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  await updateTopicTallies(
    tx,
    papers.map((after) => ({ before: undefined, after })),
  );
  await tx.done;
  const result = await readTopics(db, { window, now: NOW, limit: Number(process.env.TOPIC_LIMIT ?? 10) });
  db.close();
  return result;
}

async function print(title: string, papers: Paper[], window: TopicWindow) {
  const { topics, fallback } = await topicsOf(papers, window);
  console.log(`\n## ${title} (${papers.length} papers, ${window}${fallback ? `, ${fallback}` : ''})`);
  topics.forEach((topic, index) => {
    const acronym = 'acronym' in topic && topic.acronym ? ` [${topic.acronym}]` : '';
    console.log(`${String(index + 1).padStart(2)}. ${topic.label}${acronym} — ${topic.evidence}`);
  });
}

const paper = (id: string, fields: Partial<Paper>): Paper =>
  ({ ...mergeSighting(undefined, { id, title: fields.title ?? id } as never, 'seed', NOW), ...fields }) as Paper;

const seedPapers = (file: string, day: (index: number) => number) =>
  readSeedPapers(file).map(({ title, abstract }, index) =>
    paper(`24${String(9 + SEED_FILES.indexOf(file)).padStart(2, '0')}.${10001 + index}`, {
      title,
      abstract,
      submittedOnDailyAt: daysAgo(day(index)),
    }),
  );

const captured = capturedPapers();
for (const file of SEED_FILES)
  await print(
    `seed page ${file}, all time`,
    seedPapers(file, (i) => i % 3),
    'all',
  );
await print(`captured pages (${FIXTURES}/hf-pages), all time`, captured, 'all');
await print(
  'captured pages as the last 7 days, seed pages the 28 days before',
  [
    ...SEED_FILES.flatMap((file) => seedPapers(file, (i) => 8 + (i % 27))),
    ...captured.map((p, i) => ({ ...p, submittedOnDailyAt: daysAgo(i % 7) })),
  ],
  '7d',
);
// A new user's first browse: one daily list, nothing dated before it.
const firstList = captured.filter((paper) => paper.submittedOnDailyAt?.startsWith('2026-05'));
await print(
  'first browse: the 2026-05-08 daily list as today',
  firstList.map((p) => ({ ...p, submittedOnDailyAt: daysAgo(0.2) })),
  '7d',
);
await print('bench synthetic library (2,000 papers over 120 days)', syntheticLibrary(2000, Date.parse(NOW), 120), '7d');
await print(
  'bench synthetic library (2,000 papers over 120 days)',
  syntheticLibrary(2000, Date.parse(NOW), 120),
  '30d',
);
