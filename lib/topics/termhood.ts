import { keyWords } from './words';

/** The keys of a list of words, each also as its plurals fold ("approaches" folds to "approache"). */
const keysOf = (list: string) =>
  new Set(
    list
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((word) => [word, `${word}s`, `${word}es`].flatMap(keyWords)),
  );

/**
 * Words that name no subject on their own: evaluation ("performance", "quality"), paper-speak about the work
 * ("approach", "task", "data") and hedges ("different", "various"). A term made of these alone ("model performance",
 * "downstream tasks", "training data") says nothing a reader could search for; one with a real word in it
 * ("policy optimization", "data contamination") does. Folded as term keys are ("tasks" → "task").
 */
const GENERIC = keysOf(`
  different various diverse multiple several many numerous existing current recent new novel prior previous other
  same specific general overall key main large small high low good better best strong robust effective efficient
  significant substantial competitive superior comprehensive extensive remarkable impressive promising simple
  complex real practical traditional conventional standard typical common downstream upstream wide broad direct
  optimal model performance quality result ability capability approach method technique task data training
  learning gain system work study analysis problem setting baseline benchmark evaluation experiment accuracy efficiency improvement solution
  process application scenario domain field area way aspect issue challenge limitation strategy success rate score
  metric level range number set type form case example component module mechanism information input output
  interaction corpus tool framework pipeline paradigm variant version design feature resource cost effect impact
  behavior behaviour research researcher user people human world time step stage detail insight finding
  AI API ML
`);

/**
 * First parts of a compound that make an -ing or -ed form an adjective ("self-organizing", "ever-growing",
 * "well-trained"), not the name of a process ("fine-tuning", "pre-training", "red-teaming").
 */
const DESCRIBING_PARTS = keysOf('self ever long well fast far high low never non open close');
/** Gerunds that name a process even after "self-": "self-training", "self-learning". */
const PROCESS_GERUNDS = keysOf('training learning distillation supervision play');

const PARTICIPLE = /(?:ing|ed)$/;

/** A term made only of generic words ("model performance", "different models", "AI"). */
export function isGeneric(key: string): boolean {
  return key.split(' ').every((word) => GENERIC.has(word));
}

/**
 * A lone adjective or participle, whatever its hyphens: "self-organizing", "long-standing" (the key splits
 * hyphenated parts: "self organizing"). A term ends in its head noun; these have none.
 */
export function isLoneDescriptor(key: string): boolean {
  const words = key.split(' ');
  const head = words[words.length - 1];
  if (!PARTICIPLE.test(head) || PROCESS_GERUNDS.has(head)) return false;
  return words.slice(0, -1).every((word) => DESCRIBING_PARTS.has(word));
}

/** Whether a term key can be a topic at all: not generic, not a lone descriptor. */
export const isTopicTerm = (key: string) => !isGeneric(key) && !isLoneDescriptor(key);

/** Above this share of the papers read, a term is the field's background ("large language models"), not a topic. */
export const BACKGROUND_SHARE = 0.1;

/**
 * How much a term tells papers apart, from 1 (at most BACKGROUND_SHARE of the papers carry it) down to 0 (every
 * paper does): an idf, log(N / df), measured against the idf at BACKGROUND_SHARE, squared so that a term in half
 * of the papers counts a tenth as much as an ordinary one.
 */
export function distinctiveness(papersWithTerm: number, papers: number): number {
  if (papers <= 0 || papersWithTerm <= BACKGROUND_SHARE * papers) return 1;
  const relative = Math.log(papers / papersWithTerm) / Math.log(1 / BACKGROUND_SHARE);
  return Math.max(0, relative) ** 2;
}

/** How much more a term weighs when Hugging Face lists it among its papers' keywords: up to twice. */
export function keywordBoost(papersListingIt: number, papersWithTerm: number): number {
  if (papersWithTerm <= 0) return 1;
  return 1 + Math.min(1, papersListingIt / papersWithTerm);
}
