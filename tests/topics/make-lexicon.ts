// Writes lib/topics/lexicon.ts's word lists from wink-lexicon's word list (about 13,000 common English words, each with its
// Penn Treebank tags, commonest first). Not a test: run it by hand after `npm pack wink-lexicon@2.2.0` and unpacking it, with the path to
// package/src/lexicon.js:
// npx tsx tests/topics/make-lexicon.ts <lexicon.js>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { looksDescriptive } from '@/lib/topics/words';

type Tags = string[];

const LEXICON = fileURLToPath(new URL('../../lib/topics/lexicon.ts', import.meta.url));

/** Tags of words that describe: unfit to end a term when the word has no noun reading at all. */
const DESCRIBING = new Set('JJ JJR JJS VBN VBD VBG RP POS FW'.split(' '));
/** Tags of words a noun phrase never runs through: finite verbs, function words, adverbs, numbers. */
const BREAKING = new Set('VB VBP VBZ MD DT PDT IN CC PRP PRP$ WDT WP WP$ WRB EX TO UH RB RBR RBS CD LS'.split(' '));
const isNoun = (tags: Tags) => tags.includes('NN') || tags.includes('NNS');

export function wordClasses(lexicon: Record<string, Tags>) {
  const words = Object.keys(lexicon)
    .filter((word) => /^[a-z][a-z'-]*[a-z]$/.test(word) && word.length > 2)
    .sort();
  return {
    // "large", "based", "two", "existing": descriptive words that never head a term.
    // Words whose ending already tells ("generative", "pretrained") are left to looksDescriptive.
    notHead: words.filter(
      (word) => !isNoun(lexicon[word]) && DESCRIBING.has(lexicon[word][0]) && !looksDescriptive(word),
    ),
    // "during", "learn", "jointly", "two": words with no noun or adjective reading.
    breaking: words.filter(
      (word) => BREAKING.has(lexicon[word][0]) && !isNoun(lexicon[word]) && !lexicon[word].includes('JJ'),
    ),
  };
}

if (process.argv[2]) {
  const lexicon = createRequire(import.meta.url)(path.resolve(process.argv[2])) as Record<string, Tags>;
  const { notHead, breaking } = wordClasses(lexicon);
  const header = readFileSync(LEXICON, 'utf8').split('\nexport')[0].split('\n/**')[0];
  writeFileSync(
    LEXICON,
    `${header}\n/** In every reading an adjective, participle, number, adverb or function word: never a term's head. */\n` +
      `export const NOT_HEAD_WORDS = \`${notHead.join(' ')}\`;\n\n` +
      '/** Only finite verbs, function words, adverbs or numbers: a term never runs through them. */\n' +
      `export const BREAKING_WORDS = \`${breaking.join(' ')}\`;\n`,
  );
  console.log(`${notHead.length} descriptive words, ${breaking.length} breaking words`);
}
