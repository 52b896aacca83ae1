// A deterministic library of realistic papers, made of real text: the titles and abstracts of the seed search pages
// and of the captured daily-papers API answers (tests/fixtures/), recombined so that a large library does not
// repeat a few hundred texts. See docs/benchmarks.md for what is varied and why.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { newPaper, type Paper } from '@/lib/paper';
import { FIXTURES_DIR, readHfFixture } from '../tests/helpers/fixtures';
import { readSeedPapers, SEED_FILES } from '../tests/helpers/seed-library';

/** A deterministic pseudo-random sequence, so every run measures the same library. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface SourceText {
  title: string;
  sentences: string[];
  keywords: string[];
}

interface Sources {
  texts: SourceText[];
  /** Words of titles (4+ letters, not at the start), to vary other titles with. */
  titleWords: string[];
  keywords: string[];
  given: string[];
  family: string[];
}

// Names added to those of the captured papers' authors, so accents and more origins are covered.
const MORE_FAMILY = ['García', 'Müller', 'Nguyễn', 'Kowalski', 'Okafor', 'Rossi', 'Haddad', 'Tanaka', 'Kumar', 'Smith'];
const MORE_GIVEN = ['Anna', 'Rahul', 'María', 'Jonas', 'Yuki', 'Chidi', 'Lena', 'Omar', 'Sofía', 'Ivan', 'Mei', 'Zoë'];

// Made-up method names ("Veltragen", "OrimakVLA"): most papers name what they propose, and these names are what
// makes a real library's vocabulary large. No syllable starts like the words the end-to-end tests plant.
const NAME_HEADS =
  'Ve Lu Mor Tri Sy Pha Ori Ka Nex Zeph Alu Cre Dra Fe Gli Hy Io Ju Ky Le Mi No Ob Pi Ra Sa Te Um Vo Wi Xe Ya Ze Bel Cor Dun Eld Fin Gor Har'.split(
    ' ',
  );
const NAME_MIDS = 'ra lin vex dor mak sel ton gri phi zu bo ni ke sta vi lo ran tus mer qui fa del'.split(' ');
const NAME_TAILS = [
  '',
  'gen',
  'net',
  'Former',
  'Diff',
  'Agent',
  'Bench',
  'RL',
  'LM',
  'VLA',
  'Seg',
  'Coder',
  'Mind',
  'Flow',
  'Nav',
  'Vid',
  '-R1',
  '-2',
  '-V',
  'Edit',
];

/** A title word that may be swapped for another: a plain word of four letters or more. */
const SWAPPABLE = /^[A-Za-z][a-z-]{3,}$/;
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z])/;

let cached: Sources | undefined;

function sources(): Sources {
  if (cached) return cached;
  const texts: SourceText[] = [];
  const keywords = new Set<string>();
  const names = new Set<string>();
  for (const file of SEED_FILES) {
    for (const { title, abstract } of readSeedPapers(file)) {
      texts.push({ title, sentences: abstract.split(SENTENCE_END), keywords: [] });
    }
  }
  const apiFiles = readdirSync(path.join(FIXTURES_DIR, 'hf-pages')).filter((name) => name.includes('api-daily_papers'));
  for (const file of apiFiles.sort()) {
    const items = JSON.parse(readHfFixture(file)) as {
      paper: { title: string; summary?: string; authors?: { name: string }[]; ai_keywords?: string[] };
    }[];
    for (const { paper } of items) {
      const summary = (paper.summary ?? '').replace(/\s+/g, ' ').trim();
      if (summary)
        texts.push({
          title: paper.title.replace(/\s+/g, ' '),
          sentences: summary.split(SENTENCE_END),
          keywords: paper.ai_keywords ?? [],
        });
      for (const keyword of paper.ai_keywords ?? []) keywords.add(keyword);
      for (const author of paper.authors ?? []) names.add(author.name.trim());
    }
  }
  const given = new Set(MORE_GIVEN);
  const family = new Set(MORE_FAMILY);
  for (const name of names) {
    const parts = name.split(/\s+/).filter(Boolean);
    if (parts.length < 2) continue;
    given.add(parts.slice(0, -1).join(' '));
    family.add(parts[parts.length - 1]);
  }
  const titleWords = new Set<string>();
  for (const { title } of texts) {
    for (const word of title.split(/\s+/).slice(1)) if (SWAPPABLE.test(word)) titleWords.add(word.toLowerCase());
  }
  cached = {
    texts,
    titleWords: [...titleWords].sort(),
    keywords: [...keywords].sort(),
    given: [...given].sort(),
    family: [...family].sort(),
  };
  return cached;
}

/**
 * `count` realistic papers, spread over `days` before `now`: each has a title built on a real title (a word or two
 * swapped for words of other titles, often under a made-up method name), an abstract of sentences from three real
 * abstracts, one to twelve authors drawn from tens of thousands of name combinations (some authors are prolific),
 * AI keywords on most papers, skewed upvotes, and new-style arXiv ids numbered per month.
 */
export function syntheticLibrary(count: number, now = Date.parse('2026-11-20T12:00:00Z'), days = 365): Paper[] {
  const { texts, titleWords, keywords, given, family } = sources();
  const next = random(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  /** Skewed towards the start of the list: a few names and keywords are common, most are rare. */
  const pickSkewed = <T>(list: readonly T[]) => list[Math.floor(next() ** 2.5 * list.length)];
  const perMonth = new Map<string, number>();
  /** Method names already introduced: later abstracts compare against them. */
  const names: string[] = [];
  const dates = Array.from({ length: count }, () => now - next() * days * 86_400_000).sort((a, b) => a - b);

  return dates.map((time) => {
    const seen = new Date(time);
    const month = `${String(seen.getUTCFullYear()).slice(2)}${String(seen.getUTCMonth() + 1).padStart(2, '0')}`;
    const number = (perMonth.get(month) ?? 10_000) + 1 + Math.floor(next() * 3);
    perMonth.set(month, number);
    const id = `${month}.${String(number).padStart(5, '0')}`;

    const base = pick(texts);
    const name =
      next() < 0.6 ? `${pick(NAME_HEADS)}${pick(NAME_MIDS)}${pick(NAME_MIDS)}${pick(NAME_TAILS)}` : undefined;
    const words = base.title.replace(/^[^:]{1,40}:\s*/, '').split(' ');
    const swappable = words.flatMap((word, at) => (at > 0 && SWAPPABLE.test(word) ? [at] : []));
    for (let swaps = 1 + Math.floor(next() * 2); swaps > 0 && swappable.length; swaps--) {
      const at = swappable.splice(Math.floor(next() * swappable.length), 1)[0];
      const word = pick(titleWords);
      words[at] = /^[A-Z]/.test(words[at]) ? word[0].toUpperCase() + word.slice(1) : word;
    }
    const title = name ? `${name}: ${words.join(' ')}` : words.join(' ');
    if (name) names.push(name);

    // The opening of one abstract, the middle of another, the end of a third.
    const [first, second, third] = [base, pick(texts), pick(texts)].map((text) => text.sentences);
    const sentences = [
      ...first.slice(0, 1 + Math.floor(next() * 2)),
      ...(name ? [`We introduce ${name}.`] : []),
      ...(names.length > 1 && next() < 0.3
        ? [
            `It outperforms ${pick(names)} on ${1 + Math.floor(next() * 9)} of 10 benchmarks, by ${(next() * 20).toFixed(1)} points on average.`,
          ]
        : []),
      ...second.slice(1, 2 + Math.floor(next() * 3)),
      ...third.slice(-1 - Math.floor(next() * 2)),
    ];
    const authors = Array.from({ length: 1 + Math.floor(next() ** 1.5 * 12) }, () => {
      const person = `${pickSkewed(given)} ${pickSkewed(family)}`;
      return next() < 0.3 ? `${pick(given)} ${pick(family)}` : person;
    });
    const paperKeywords =
      next() < 0.7
        ? [
            ...new Set([
              ...(name ? [name] : []),
              ...base.keywords.slice(0, 4),
              ...Array.from({ length: 3 + Math.floor(next() * 8) }, () => pickSkewed(keywords)),
            ]),
          ]
        : [];
    const upvotes = Math.floor(next() ** 3 * 300);
    const iso = seen.toISOString();
    return {
      ...newPaper(id, title, iso),
      abstract: sentences.join(' '),
      authors: [...new Set(authors)],
      keywords: paperKeywords,
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

/**
 * A library of `size` papers over the year before `now` and, apart from it, `captures` batches of 30 papers of the
 * last day, numbered above any id of the library (so nothing in them is stored yet).
 */
export function libraryAndCaptures(size: number, now: number, captures = 5) {
  const fresh = syntheticLibrary(30 * captures, now, 1).map((paper, index) => {
    const id = `${paper.id.slice(0, 4)}.${90_001 + index}`;
    return { ...paper, id, url: paper.url.replace(paper.id, id) };
  });
  const batches = Array.from({ length: captures }, (_, index) => fresh.slice(index * 30, index * 30 + 30));
  return { papers: syntheticLibrary(size, now, 365), captures: batches };
}
