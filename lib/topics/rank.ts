import { singular } from '@/lib/plural';
import { forEachTerm, type TopicDayRecord } from './day-record';
import { distinctiveness, isTopicTerm, keywordBoost } from './termhood';
import { DEFINITION, KEYWORD } from './terms';
import { evidenceSentence, type Topic, type TopicsResult, type TopicWindow, WINDOW_DAYS } from './topics';

/** Papers a topic needs in the window: two papers sharing a phrase are a coincidence, not a topic. */
export const MIN_SUPPORT = 3;
/** A term inside a longer one that carries this share of its papers is a fragment of it ("growing neural cellular"). */
const FRAGMENT_SHARE = 0.8;
/** G² above which a rise is unlikely to be chance (p < 0.05, one degree of freedom). */
const SIGNIFICANT_RISE = 3.84;
const SERIES_ALL_WEEKS = 12;
const MAX_VARIANTS = 5;
const DAY_MS = 86_400_000;

export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
export const dayString = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

/** The days a window reads: from `from` (null: all of them), the recent part from `recentFrom`. */
export function windowSpan(window: TopicWindow, today: string): { from: string | null; recentFrom: string } {
  if (window === 'all') return { from: null, recentFrom: '' };
  const { recent, baseline } = WINDOW_DAYS[window];
  const recentFrom = dayNumber(today) - recent + 1;
  return { from: dayString(recentFrom - baseline), recentFrom: dayString(recentFrom) };
}

const xlogx = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0);

/**
 * Dunning's log-likelihood ratio G² for "a of n1 recent papers against b of n2 before": it stays sober on rare
 * terms, where a ratio of rates explodes, and compares shares, so a week with twice the browsing is no rise.
 */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const total = n1 + n2;
  const withTerm = a + b;
  const cells = [
    xlogx(a, (n1 * withTerm) / total),
    xlogx(b, (n2 * withTerm) / total),
    xlogx(n1 - a, (n1 * (total - withTerm)) / total),
    xlogx(n2 - b, (n2 * (total - withTerm)) / total),
  ];
  return 2 * cells.reduce((sum, cell) => sum + cell, 0);
}

/** Whether `inner` is `outer` or a stretch of its words. */
const nestedIn = (inner: string, outer: string) => ` ${outer} `.includes(` ${inner} `);

/** Every shorter stretch of a term's words. */
function* stretches(key: string): Generator<string> {
  const words = key.split(' ');
  for (let length = 1; length < words.length; length++) {
    for (let start = 0; start + length <= words.length; start++) yield words.slice(start, start + length).join(' ');
  }
}

interface Counts {
  recent: Map<string, number>;
  all: Map<string, number>;
  /** Acronym definitions ("=rl=reinforcement learning") → papers that give them. */
  definitions: Map<string, number>;
  /** Term → papers that list it among their keywords. */
  keywords: Map<string, number>;
  recentPapers: number;
  baselinePapers: number;
}

/** A record as ranking reads it: its keys split once, everything else left packed. */
interface DayView {
  record: TopicDayRecord;
  recent: boolean;
  keys: string[];
}

/** The papers (indexes into the day's papers) of the wanted keys present on a day. */
function papersOf(view: DayView, wanted: ReadonlySet<string>): Map<string, { index: number; papers: number[] }> {
  const found = new Map<string, { index: number; papers: number[] }>();
  forEachTerm(view.record, view.keys, (key, index, start, count) => {
    if (wanted.has(key))
      found.set(key, { index, papers: Array.from(view.record.postings.subarray(start, start + count)) });
  });
  return found;
}

function count(days: DayView[]): Counts {
  const counts: Counts = {
    recent: new Map(),
    all: new Map(),
    definitions: new Map(),
    keywords: new Map(),
    recentPapers: 0,
    baselinePapers: 0,
  };
  // All time: the window is every day, so one map serves as both.
  const everyDayRecent = days.every((day) => day.recent);
  if (everyDayRecent) counts.recent = counts.all;
  for (const { record, recent, keys } of days) {
    if (recent) counts.recentPapers += record.count;
    else counts.baselinePapers += record.count;
    forEachTerm(record, keys, (key, _index, _start, papers) => {
      if (key[0] === DEFINITION) {
        counts.definitions.set(key, (counts.definitions.get(key) ?? 0) + papers);
        return;
      }
      if (key[0] === KEYWORD) {
        const term = key.slice(KEYWORD.length);
        counts.keywords.set(term, (counts.keywords.get(term) ?? 0) + papers);
        return;
      }
      counts.all.set(key, (counts.all.get(key) ?? 0) + papers);
      if (recent && !everyDayRecent) counts.recent.set(key, (counts.recent.get(key) ?? 0) + papers);
    });
  }
  return counts;
}

/** Indexes in either of two ascending lists, ascending. */
function union(lists: (number[] | undefined)[]): number[] {
  const present = lists.filter((list): list is number[] => list !== undefined);
  if (present.length <= 1) return present[0] ?? [];
  return [...new Set(present.flat())].sort((a, b) => a - b);
}

/**
 * Acronyms and their expansions as one term ("RL" and "reinforcement learning"): each acronym goes with the expansion
 * the most papers of the window define it as. Returns expansion → every key of its group, expansion first.
 */
function acronymGroups(counts: Counts): Map<string, string[]> {
  const best = new Map<string, { expansion: string; votes: number }>();
  for (const [definition, votes] of counts.definitions) {
    const [, acronym, expansion] = definition.split(DEFINITION);
    if (acronym === expansion || !counts.all.has(acronym) || !counts.all.has(expansion)) continue;
    const current = best.get(acronym);
    if (!current || votes > current.votes || (votes === current.votes && expansion < current.expansion)) {
      best.set(acronym, { expansion, votes });
    }
  }
  const groups = new Map<string, string[]>();
  for (const [acronym, { expansion }] of best) {
    if (best.has(expansion)) continue; // an expansion that is itself an acronym: leave both alone
    groups.set(expansion, [...(groups.get(expansion) ?? [expansion]), acronym]);
  }
  return groups;
}

/** Counts a group's papers once each, whichever of its spellings they use. */
function mergeGroups(days: DayView[], counts: Counts, groups: Map<string, string[]>): void {
  if (groups.size === 0) return;
  const merged = new Map([...groups.keys()].map((expansion) => [expansion, { all: 0, recent: 0 }]));
  const wanted = new Set([...groups.values()].flat());
  for (const day of days) {
    const found = papersOf(day, wanted);
    for (const [expansion, members] of groups) {
      const papers = union(members.map((key) => found.get(key)?.papers)).length;
      const total = merged.get(expansion) as { all: number; recent: number };
      total.all += papers;
      if (day.recent) total.recent += papers;
    }
  }
  for (const [expansion, members] of groups) {
    const { all, recent } = merged.get(expansion) as { all: number; recent: number };
    for (const member of members) {
      counts.all.delete(member);
      counts.recent.delete(member);
    }
    counts.all.set(expansion, all);
    if (recent) counts.recent.set(expansion, recent);
  }
}

/**
 * Terms cut out of a longer term that carries their papers ("growing A B" of "growing A B C", "fine-tuning large"
 * of "fine-tuning large language models"). As in C-value (Frantzi, Ananiadou & Mima 2000), a nested candidate is a
 * term only by its own occurrences; one that appears under many longer terms ("A B C" under "growing A B C" and
 * "scaling A B C") keeps them, since no single longer term carries most of its papers.
 */
function fragments(all: Map<string, number>, listable: Iterable<string>): Set<string> {
  const carried = new Map<string, number>();
  for (const [key, papers] of all) {
    if (papers < FRAGMENT_SHARE * MIN_SUPPORT || !key.includes(' ')) continue;
    for (const stretch of stretches(key)) carried.set(stretch, Math.max(carried.get(stretch) ?? 0, papers));
  }
  const result = new Set<string>();
  for (const key of listable) {
    if ((carried.get(key) ?? 0) >= FRAGMENT_SHARE * (all.get(key) ?? 0)) result.add(key);
  }
  return result;
}

interface Candidate {
  key: string;
  count: number;
  before?: number;
  score: number;
}

/**
 * One line per term: a term nested in (or holding) one already listed is a variant of it and folds under it;
 * acronyms are read as their expansions ("LLM agents" holds "large language models").
 */
function pickLines(candidates: Candidate[], limit: number, groups: Map<string, string[]>) {
  const expansionOf = new Map<string, string>();
  for (const [expansion, members] of groups) for (const member of members) expansionOf.set(member, expansion);
  const expand = (key: string) =>
    key
      .split(' ')
      .map((word) => expansionOf.get(word) ?? word)
      .join(' ');
  const lines: { candidate: Candidate; expanded: string; variants: string[] }[] = [];
  for (const candidate of candidates) {
    const expanded = expand(candidate.key);
    const line = lines.find((listed) => nestedIn(listed.expanded, expanded) || nestedIn(expanded, listed.expanded));
    if (line) {
      if (line.variants.length < MAX_VARIANTS) line.variants.push(candidate.key);
    } else if (lines.length < limit) lines.push({ candidate, expanded, variants: [] });
  }
  return lines;
}

interface Details {
  paperIds: string[];
  /** Group member → its spellings → papers. */
  spellings: Map<string, Map<string, number>>;
  series: number[];
}

/** Papers, spellings and the series of the listed terms only: a second, narrow pass over the days. */
function details(days: DayView[], keys: string[], groups: Map<string, string[]>, window: TopicWindow, today: string) {
  const periods = window === 'all' ? SERIES_ALL_WEEKS : window === '7d' ? 5 : 4;
  const length = window === '30d' ? 30 : 7;
  const firstDay = dayNumber(today) + 1 - periods * length;
  const result = new Map<string, Details>(
    keys.map((key) => [key, { paperIds: [], spellings: new Map(), series: new Array<number>(periods).fill(0) }]),
  );
  const wanted = new Set(keys.flatMap((key) => groups.get(key) ?? [key]));
  for (const day of days) {
    const found = papersOf(day, wanted);
    if (found.size === 0) continue;
    const labels = day.record.labels.split('\n');
    const ids = day.recent ? day.record.papers.split('\n') : [];
    const period = Math.min(periods - 1, Math.floor((dayNumber(day.record.day) - firstDay) / length));
    for (const key of keys) {
      const members = groups.get(key) ?? [key];
      const papers = union(members.map((member) => found.get(member)?.papers));
      if (!papers.length) continue;
      const details = result.get(key) as Details;
      if (period >= 0) details.series[period] += papers.length;
      for (const member of members) {
        const term = found.get(member);
        if (!term) continue;
        const spellings = details.spellings.get(member) ?? new Map<string, number>();
        details.spellings.set(member, spellings);
        const label = labels[term.index] || member;
        spellings.set(label, (spellings.get(label) ?? 0) + term.papers.length);
      }
      for (const index of papers) if (day.recent) details.paperIds.push(ids[index]);
    }
  }
  return result;
}

/**
 * How papers spell a term: the commonest of the spellings they wrote ("LLMs", "fine-tuning", "GUI agents") over the
 * bare key; an acronym group is its expansion's spelling, with the acronym apart ("reinforcement learning", "RL").
 */
function label({ spellings }: Details, members: string[]): { label: string; acronym?: string } {
  const spelling = (member: string) => {
    const written = [...(spellings.get(member) ?? [])].filter(([label]) => label !== member);
    written.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return written[0]?.[0] ?? member;
  };
  const phrase = spelling(members[0]);
  if (members.length === 1) return { label: phrase };
  return { label: phrase, acronym: acronymInNumber(spelling(members[1]), phrase) };
}

/** The acronym in the number of its phrase: "PTMs" beside "pre-trained models", "PTM" beside "pre-trained model". */
export function acronymInNumber(acronym: string, phrase: string): string {
  const bare = acronym.replace(/(?<=\p{Lu})s$/u, '');
  const lastWord = phrase.split(/[\s-]/).at(-1) ?? '';
  return singular(lastWord) === lastWord ? bare : `${bare}s`;
}

/**
 * Topics of a window from its day records: for 7 or 30 days, the terms whose share of the papers rose most
 * significantly (G²) against the days before; for all time, the most frequent. Whole terms only, one line each.
 */
export function rankTopics(records: TopicDayRecord[], window: TopicWindow, today: string, limit = 12): TopicsResult {
  const { recentFrom } = windowSpan(window, today);
  const days = records.map((record) => ({
    record,
    recent: record.day >= recentFrom,
    keys: record.keys ? record.keys.split('\n') : [],
  }));
  const counts = count(days);
  const { recentPapers, baselinePapers } = counts;
  const young = window !== 'all' && baselinePapers === 0 && recentPapers > 0;
  const groups = acronymGroups(counts);
  mergeGroups(days, counts, groups);
  const listable = [...counts.recent]
    .filter(([key, papers]) => papers >= MIN_SUPPORT && isTopicTerm(key))
    .map(([key]) => key);
  const cut = fragments(counts.all, listable);

  const candidates: Candidate[] = [];
  // A rise or a count weighs by how distinctive the term is among every paper read, and by HF's keywords.
  const weight = (key: string) => {
    const papers = counts.all.get(key) as number;
    const listing = (groups.get(key) ?? [key]).reduce((sum, member) => sum + (counts.keywords.get(member) ?? 0), 0);
    return distinctiveness(papers, recentPapers + baselinePapers) * keywordBoost(listing, papers);
  };
  for (const key of listable) {
    if (cut.has(key)) continue;
    const recent = counts.recent.get(key) as number;
    if (window === 'all' || young) {
      candidates.push({ key, count: recent, score: recent * weight(key) });
      continue;
    }
    const baseline = (counts.all.get(key) as number) - recent;
    if (recent / recentPapers <= baseline / baselinePapers) continue;
    const rise = logLikelihood(recent, recentPapers, baseline, baselinePapers);
    if (rise < SIGNIFICANT_RISE) continue;
    const { recent: recentDays, baseline: baselineDays } = WINDOW_DAYS[window];
    candidates.push({ key, count: recent, before: (baseline * recentDays) / baselineDays, score: rise * weight(key) });
  }
  candidates.sort((a, b) => b.score - a.score || b.count - a.count || a.key.localeCompare(b.key));

  const lines = pickLines(candidates, limit, groups);
  const keys = lines.flatMap(({ candidate, variants }) => [candidate.key, ...variants]);
  const found = details(days, keys, groups, window, today);
  const labelOf = (key: string) => label(found.get(key) as Details, groups.get(key) ?? [key]);
  const topics: Topic[] = lines.map(({ candidate, variants }) => {
    const { paperIds, series } = found.get(candidate.key) as Details;
    const { label, acronym } = labelOf(candidate.key);
    return {
      key: candidate.key,
      label,
      ...(acronym ? { acronym } : {}),
      terms: groups.get(candidate.key) ?? [candidate.key],
      variants: variants.map((variant) => labelOf(variant).label),
      paperIds,
      count: candidate.count,
      ...(candidate.before === undefined ? {} : { before: candidate.before }),
      evidence: evidenceSentence(window, candidate.count, candidate.before),
      series,
      score: candidate.score,
    };
  });
  return { window, topics, recentPapers, baselinePapers, ...(young ? { fallback: 'young-library' as const } : {}) };
}
