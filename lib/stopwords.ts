// The stopword lists, in one place: the topics' and suggestions' (wide), and the search's (narrow, for abstracts).
import { eng } from 'stopword';

/** English function words: a topic or a suggestion's term never runs through them. */
export const STOPWORDS = new Set([
  ...eng,
  'via',
  'towards',
  'toward',
  'without',
  'within',
  'across',
  'upon',
  'whose',
  'thus',
  'also',
  'yet',
  'while',
  'however',
  'moreover',
  'furthermore',
  'therefore',
  'whereas',
  'e.g',
  'i.e',
  'etc',
  'vs',
]);

/**
 * The words the search leaves out of abstracts: they carry nothing in running text and are a third of an abstract's
 * postings (titles keep them). Kept as it is: the index on disk was built with it, so a word added here would
 * still be found in papers indexed before and not in later ones.
 */
export const ABSTRACT_STOPWORDS = new Set(
  'a an and are as at be been but by can do does for from has have how in into is it its of on or our such than that the their these this those to was we were what when which while who will with'.split(
    ' ',
  ),
);
