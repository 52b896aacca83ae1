// A month of browsing with planted interests, made of the real papers of the fixtures (the seed search pages and the
// captured daily-papers API answers): each paper belongs to the themes its title names, and each user stars a few
// papers of one theme. Deterministic: every run scores the same library and the same users.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { newPaper, type Paper } from '@/lib/paper';
import { FIXTURES_DIR, readHfFixture } from '../tests/helpers/fixtures';
import { readSeedPapers, SEED_FILES, seedId } from '../tests/helpers/seed-library';
import { random } from './synthetic-library';

export type ReadingState = 'to-read' | 'read' | 'not-interested' | null;
/** A paper with the reading fields of the recommendations, whether or not Paper has them yet. */
export type BenchPaper = Paper & { readingState: ReadingState; openedAt: string | null };

export const withReading = (paper: Paper): BenchPaper => ({ readingState: null, openedAt: null, ...paper });

/** A theme is what a title says it is about: these words in the title, nothing else. */
export const THEMES = {
  'RL & rewards':
    /reinforc|\bRL(HF)?\b|\brewards?\b|rewarding|policy optimization|\bGRPO\b|\bPPO\b|\b(off|on)-policy\b|\bMDPs?\b|self-play/i,
  'agents & tool use': /\btools?\b|toolsets?|tool-|\bagents?\b|agentic|function calling|\bAPI\b|\bMCP\b/i,
  'code generation':
    /\bcode\b|\bcoder\b|coding|codebase|program synthesis|programming|text-to-sql|\bRTL\b|software engineering|GPU kernels|debugger/i,
  'vision & multimodal': /\bvision|visual|\bimage|\bvideo|\bVLMs?\b|MLLM|multimodal|\b3D\b|\b2D\b/i,
  'diffusion & generative models':
    /diffusion|image generation|text-to-image|flow models|generative models|sampler|score estimation/i,
  'PEFT & model merging':
    /parameter[- ]efficien|low-rank|\bLoRA\b|adapter|merging|task vectors|parameter sharing|parameter editing|model editing/i,
  'math & process supervision':
    /math|theorem|process reward|process supervision|process-supervised|process verifiers|process errors|prover/i,
} as const;
export type Theme = keyof typeof THEMES;
export const THEME_NAMES = Object.keys(THEMES) as Theme[];

export const NOW = '2026-11-20T12:00:00.000Z';
export const DAYS = 30;
/** Suggestions come from the papers seen in the last week. */
export const WINDOW_DAYS = 7;
const DAY = 86_400_000;

export interface PlantedLibrary {
  papers: BenchPaper[];
  /** The ground truth: each paper's themes (none for most). */
  themes: Map<string, Theme[]>;
}

export const themesOf = (title: string) => THEME_NAMES.filter((theme) => THEMES[theme].test(title));

interface RealPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  keywords: string[];
  upvotes: number | null;
}

function realPapers(): RealPaper[] {
  const papers: RealPaper[] = [];
  for (const file of SEED_FILES) {
    readSeedPapers(file).forEach(({ title, abstract }, index) => {
      papers.push({ id: seedId(file, index), title, abstract, authors: [], keywords: [], upvotes: null });
    });
  }
  const apiFiles = readdirSync(path.join(FIXTURES_DIR, 'hf-pages')).filter((name) => name.includes('api-daily_papers'));
  for (const file of apiFiles.sort()) {
    const items = JSON.parse(readHfFixture(file)) as {
      paper: {
        id: string;
        title: string;
        summary?: string;
        authors?: { name: string }[];
        ai_keywords?: string[];
        upvotes?: number;
      };
    }[];
    for (const { paper } of items) {
      papers.push({
        id: paper.id,
        title: paper.title.replace(/\s+/g, ' ').trim(),
        abstract: (paper.summary ?? '').replace(/\s+/g, ' ').trim(),
        authors: (paper.authors ?? []).map((author) => author.name.trim()),
        keywords: paper.ai_keywords ?? [],
        upvotes: paper.upvotes ?? null,
      });
    }
  }
  // A paper captured twice (same title) is one paper.
  const seen = new Set<string>();
  return papers.filter((paper) => paper.abstract && !seen.has(paper.title) && seen.add(paper.title));
}

let cached: PlantedLibrary | undefined;

/**
 * Every real paper, first seen on some day of the month before NOW; each theme spread evenly over the month, so every
 * week holds its share. Most papers are seen once; some again on later lists (a weekly or trending view) up to ten
 * days after, which also makes older papers candidates.
 */
export function plantedLibrary(): PlantedLibrary {
  if (cached) return cached;
  const next = random(20_261_120);
  const now = Date.parse(NOW);
  const real = realPapers();
  const groups = new Map<string, RealPaper[]>();
  for (const paper of real) {
    const key = themesOf(paper.title)[0] ?? '';
    groups.set(key, [...(groups.get(key) ?? []), paper]);
  }
  const papers: BenchPaper[] = [];
  const themes = new Map<string, Theme[]>();
  for (const group of groups.values()) {
    const shuffled = group.map((paper) => ({ paper, order: next() })).sort((a, b) => a.order - b.order);
    shuffled.forEach(({ paper }, rank) => {
      const first = now - DAYS * DAY + ((rank + next()) / shuffled.length) * DAYS * DAY;
      const draw = next();
      const seenCount = draw < 0.55 ? 1 : draw < 0.8 ? 2 : draw < 0.92 ? 3 : 4 + Math.floor(next() * 2);
      const last = seenCount === 1 ? first : Math.min(now - 3_600_000, first + (1 + next() * 9) * DAY);
      const firstSeenAt = new Date(first).toISOString();
      const upvotes = paper.upvotes ?? Math.floor(next() ** 3 * 200);
      papers.push(
        withReading({
          ...newPaper(paper.id, paper.title, firstSeenAt),
          abstract: paper.abstract,
          authors: paper.authors,
          keywords: paper.keywords,
          upvotes,
          lastSeenAt: new Date(last).toISOString(),
          seenCount,
          upvoteHistory: [{ at: firstSeenAt, upvotes }],
        }),
      );
      themes.set(paper.id, themesOf(paper.title));
    });
  }
  papers.sort((a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt));
  cached = { papers, themes };
  return cached;
}

/** One user of the library: what they starred and marked, and what they are after. */
export interface PlantedUser {
  name: string;
  library: BenchPaper[];
  /** A suggestion is right when the paper belongs to one of these. */
  wanted: Theme[];
  /** Marked "not interested" (papers of this theme and of no wanted one). */
  unwanted: Theme | null;
  starred: string[];
}

const windowStart = () => Date.parse(NOW) - WINDOW_DAYS * DAY;

/** `count` papers of `theme` alone, picked the same way every run: earlier than the week of candidates, or any. */
function pick(planted: PlantedLibrary, theme: Theme, count: number, seed: number, before = windowStart()): string[] {
  const next = random(seed);
  return planted.papers
    .filter((paper) => {
      const own = planted.themes.get(paper.id) ?? [];
      return own.length === 1 && own[0] === theme && Date.parse(paper.firstSeenAt) < before;
    })
    .map((paper) => ({ id: paper.id, order: next() }))
    .sort((a, b) => a.order - b.order)
    .slice(0, count)
    .map(({ id }) => id);
}

function user(
  planted: PlantedLibrary,
  name: string,
  wanted: Theme[],
  starred: string[],
  unwanted: Theme | null = null,
  notInterested: string[] = [],
): PlantedUser {
  const stars = new Set(starred);
  const marked = new Set(notInterested);
  const library = planted.papers.map((paper) => {
    // A star or a mark is given a few hours after the paper was first seen.
    const annotatedAt = new Date(Date.parse(paper.firstSeenAt) + 3 * 3_600_000).toISOString();
    if (stars.has(paper.id)) return { ...paper, starred: true, annotatedAt };
    if (marked.has(paper.id)) return { ...paper, readingState: 'not-interested' as const, annotatedAt };
    return paper;
  });
  return { name, library, wanted, unwanted, starred };
}

/**
 * One user per theme, who starred 4 to 6 of its papers seen before the last week; one with three themes at once; one
 * who starred tool-use agents and marked five RL papers "not interested" (the two overlap in agentic RL).
 */
export function plantedUsers(): PlantedUser[] {
  const planted = plantedLibrary();
  const users = THEME_NAMES.map((theme, index) =>
    user(planted, theme, [theme], pick(planted, theme, 4 + (index % 3), 100 + index)),
  );
  const several: Theme[] = ['code generation', 'diffusion & generative models', 'math & process supervision'];
  users.push(
    user(
      planted,
      'three themes: code, diffusion, math',
      several,
      several.flatMap((theme, index) => pick(planted, theme, 4, 200 + index)),
    ),
  );
  users.push(
    user(
      planted,
      'agents & tool use, 5 RL papers not interested',
      ['agents & tool use'],
      pick(planted, 'agents & tool use', 5, 300),
      'RL & rewards',
      pick(planted, 'RL & rewards', 5, 301, Date.parse(NOW)),
    ),
  );
  return users;
}
