// A shelf as a reader keeps one: real titles from the seed pages, a few tags, notes of every length, reading states.
import type { Registers, ShelfEntry, Stamp } from '@/lib/sync/entry';
import { allSeedPapers } from '../helpers/papers';
import { random } from './entries';

const TAGS = [
  'rl',
  'agents',
  'survey',
  'to-reproduce',
  'vision',
  'long-context',
  'reasoning',
  'diffusion',
  'eval',
  'benchmarks',
  'multimodal',
  'efficiency',
  'alignment',
  'robotics',
  'code',
  'retrieval',
  'speech',
  'for-talk',
];
const SENTENCES = [
  'Compare with last week’s paper on the same benchmark.',
  'The ablation in section 4 does not separate data from architecture.',
  'Good related-work section; cite in the survey.',
  'Code released, but only inference.',
  'Try their reward shaping on our setup.',
  'Results look strong on math, weaker on code.',
  'Ask Sam whether this matches what they saw.',
];

/** Notes as people write them: most papers none, some a line, a few a paragraph, one in twenty a page. */
function note(rng: ReturnType<typeof random>): string | null {
  const roll = rng.next();
  const sentences = roll < 0.5 ? 0 : roll < 0.8 ? 1 : roll < 0.95 ? 2 + rng.int(4) : 10 + rng.int(15);
  if (sentences === 0) return null;
  return Array.from({ length: sentences }, () => rng.pick(SENTENCES)).join(' ');
}

/** `count` annotated papers, edited one a day back from `now` (the last one newest). */
export function realisticShelf(count: number, now: Stamp, { notes = true } = {}): ShelfEntry[] {
  const rng = random(2026);
  const titles = allSeedPapers().map((paper) => paper.title);
  return Array.from({ length: count }, (_, index) => {
    const at = now - (count - index) * 3_600_000;
    const fields: Registers = { starred: { value: rng.next() < 0.4, at } };
    const tags = TAGS.filter(() => rng.next() < 0.08).slice(0, 3);
    if (tags.length) fields.tags = { value: tags, at };
    const text = notes ? note(rng) : null;
    if (text) fields.note = { value: text, at };
    const state = rng.pick([null, 'to-read', 'to-read', 'read', 'read', 'not-interested'] as const);
    if (state) fields.readingState = { value: state, at };
    const id = `25${String(1 + (index % 12)).padStart(2, '0')}.${String(10000 + index).padStart(5, '0')}`;
    return { id, title: titles[index % titles.length], fields };
  });
}
