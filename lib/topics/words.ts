import { singular } from '@/lib/plural';
import { STOPWORDS } from '@/lib/stopwords';
import { BREAKING_WORDS, NOT_HEAD_WORDS } from './lexicon';
import { PAPER_SPEAK } from './stoplist';

const wordSet = (list: string) => new Set(list.split(/\s+/).filter(Boolean));
const NOT_HEAD = wordSet(NOT_HEAD_WORDS);
const BREAKING = wordSet(BREAKING_WORDS);

/** "LLM", "LoRA", "GUI", "RLHF": mostly capitals. */
export function isAcronym(word: string): boolean {
  let capitals = 0;
  let letters = 0;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 65 && code <= 90) capitals++;
    else if (code < 97 || code > 122) {
      if (code < 128) continue; // digits, hyphens
      const char = word[index];
      if (char.toLowerCase() === char.toUpperCase()) continue; // an uncased letter or a sign
      if (char !== char.toLowerCase()) capitals++;
    }
    letters++;
  }
  return capitals >= 2 && capitals >= 0.4 * letters;
}

const NUMBER = /^(?:[\d.,%+-]+|[ivx]+)$/i;

/**
 * Derivational endings of English adjectives and participles ("generative", "semantic", "neural", "pretrained"),
 * which a lexicon of common words does not list. Nominalisations in -val/-rsal ("retrieval", "traversal") are nouns.
 */
export function looksDescriptive(lower: string): boolean {
  if (lower.length < 5) return false;
  if (/(?:val|rsal)$/.test(lower)) return false;
  return /(?:ive|ous|ful|less|able|ible|ic|ical|al|ly|ed)$/.test(lower) && !/eed$/.test(lower);
}

/** Whether a word can close a term: a term ends in a noun-like word, never in "large", "based", "new" or "two". */
export function canEndTerm(word: string): boolean {
  // A compound is judged by its last part: "LLM-based" and "training-free" describe, "fine-tuning" names.
  const parts = word.split('-').filter(Boolean);
  const head = parts.at(-1) ?? '';
  if (isAcronym(head)) return true;
  const lower = head.toLowerCase();
  if (NUMBER.test(lower)) return parts.length > 1 && /\p{L}/u.test(parts[0]); // "GPT-4" is a name, "2" is not
  if (parts.length > 1 && lower.endsWith('ing')) return true;
  return lower.length > 1 && !NOT_HEAD.has(lower) && !BREAKING.has(lower) && !looksDescriptive(lower);
}

/** Whether a word ends a phrase: function words, paper-speak, finite verbs, adverbs, bare numbers. */
export function breaksTerm(word: string): boolean {
  if (isAcronym(word)) return false;
  const lower = word.toLowerCase();
  if (word.length <= 2) return !/^(?:\p{Lu}[\p{Lu}\d]|\d\p{Lu})$/u.test(word); // "RL", "3D"
  return STOPWORDS.has(lower) || PAPER_SPEAK.has(lower) || BREAKING.has(lower) || /^[\d.,%+-]+$/.test(lower);
}

/**
 * A single word is a topic only when it is a term of its own: an acronym ("RLHF", "LoRA") or a compound noun
 * ("fine-tuning", "pre-training"); "generative", "policy" and "LLM-based" say nothing alone.
 */
export function standsAlone(word: string): boolean {
  if (isAcronym(word)) return canEndTerm(word);
  return /\p{L}-\p{L}+ing$/iu.test(word);
}

/** How a word is shown: acronyms keep their case ("LLM"), other words are lowercased part by part ("LLM-based"). */
export function surfaceWord(word: string): string {
  if (isAcronym(word)) return word;
  return word.includes('-') ? word.split('-').map(surfaceWord).join('-') : word.toLowerCase();
}

/**
 * The word as a key: variants of one term share it, and nothing else does. Only plurals (acronym plurals too:
 * "LLMs") and hyphenation ("fine-tuning", "fine tuning") are folded; "generation" and "generalization" stay apart.
 */
export function keyWords(word: string): string[] {
  const singularAcronym = isAcronym(word) && /\p{Lu}s$/u.test(word) ? word.slice(0, -1) : word;
  return singularAcronym
    .toLowerCase()
    .split('-')
    .filter(Boolean)
    .map((part, index, parts) => (index === parts.length - 1 ? singular(part) : part));
}

/** What the extraction needs to know about a word, worked out once per spelling. */
export interface WordInfo {
  breaks: boolean;
  /** "exploring", "existing": a verb's -ing form opens a clause, not a term. */
  canStart: boolean;
  canEnd: boolean;
  standsAlone: boolean;
  key: string;
  surface: string;
}

const known = new Map<string, WordInfo>();

/** What a token of text is as a word ("model's" is "model", "pre-" is "pre"), once per spelling. */
export function wordInfo(token: string): WordInfo {
  let info = known.get(token);
  if (!info) {
    const word = token.replace(/['’]s$|['’+-]+$/, '');
    // Words repeat across titles and abstracts; the bound only keeps a long import from growing it without end.
    if (known.size > 100_000) known.clear();
    info = {
      breaks: breaksTerm(word),
      canStart: !(word.endsWith('ing') && NOT_HEAD.has(word.toLowerCase())),
      canEnd: canEndTerm(word),
      standsAlone: standsAlone(word),
      key: keyWords(word).join(' '),
      surface: surfaceWord(word),
    };
    known.set(token, info);
  }
  return info;
}
