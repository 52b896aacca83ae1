import { submissionMonth } from '@/lib/arxiv';
import type { Paper } from '@/lib/paper';
import { arxivAbsUrl } from '@/lib/paper-links';
import { collapseWhitespace } from '@/lib/text';
import { type ChunkOptions, type PaperSource, renderInChunks } from './chunks';

/*
 * Every field is written so that LaTeX prints, and BibTeX readers (Better BibTeX, JabRef, biber) read back, the
 * text as the library holds it. Titles are semi-LaTeX on arXiv ("$O(n^2)$", "--"): math made only of symbols and
 * well-known math commands stays math; any other markup would let a title run arbitrary TeX or break the
 * document, so it is written as literal text.
 */

// Text commands in braces: BibTeX treats `{\command}` as one character and never changes its case, and unlike
// `\^{}` or `\~{}` (accent commands, which decoders put on the next letter) they spell the character itself.
const SPECIAL_CHARACTERS: Record<string, string> = {
  '\\': '{\\textbackslash}',
  '{': '{\\textbraceleft}', // escaped braces still count in BibTeX's brace matching; these have none
  '}': '{\\textbraceright}',
  '^': '{\\textasciicircum}',
  '~': '{\\textasciitilde}',
  '<': '{\\textless}', // the default OT1 font prints < > | as ¡ ¿ —
  '>': '{\\textgreater}',
  '|': '{\\textbar}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
};

/** Escapes LaTeX specials, and splits the ligatures -- --- `` '' ?` !` with an empty group so they stay as typed. */
function escapeLatex(text: string): string {
  return text
    .replace(/[\\{}^~<>|%&$#_]/g, (char) => SPECIAL_CHARACTERS[char])
    .replace(/([-`'])(?=\1)|([?!])(?=`)/g, '$1$2{}');
}

/** One line of text, escaped. */
function escapeBibtex(text: string): string {
  return escapeLatex(collapseWhitespace(text));
}

// A word in lower case or with only its first letter capitalised: styles may change its case as they please.
const PLAIN_WORD = /^[^\p{L}\p{N}]*\p{Lu}?[\p{Ll}\p{M}'’]*[^\p{L}\p{N}]*$/u;

/** One word, or one part of a hyphenated word, in braces if a sentence-case style must not lower-case it. */
function protectedWord(word: string, inCompound: boolean): string {
  const escaped = escapeLatex(word);
  const letters = word.match(/\p{L}/gu)?.length ?? 0;
  // "X-ray", "t-SNE": a lone capital in a compound is a name, not the start of a sentence.
  const keepCase = /\p{Lu}/u.test(word) && (!PLAIN_WORD.test(word) || (inCompound && letters === 1));
  if (!keepCase) return escaped;
  // A group that starts with a command is one "special character" whose letters BibTeX does re-case.
  return escaped.startsWith('\\') ? `{{${escaped}}}` : `{${escaped}}`;
}

/**
 * Braces around the words a sentence-case style must not lower-case — acronyms and mixed-case words ("LLM",
 * "R&D", "GPT-4", "iPhone", "A100", "I/O") — as reference managers protect them; ordinary capitalised words
 * stay free. Hyphenated words are judged part by part: "{LLM}-Based", "Self-Supervised".
 */
function textTitle(title: string): string {
  return title
    .split(' ')
    .map((word) => {
      const parts = word.split(/([\u2010-\u2015-]+)/);
      return parts
        .map((part, index) => (index % 2 ? escapeLatex(part) : protectedWord(part, parts.length > 1)))
        .join('');
    })
    .join(' ');
}

// Commands a title's math may use: fonts, Greek, operators and relations; nothing that reads, writes or defines.
const MATH_COMMANDS = new Set(
  `mathcal mathbb mathrm mathbf mathit mathsf mathtt mathfrak boldsymbol bm text textrm operatorname log exp ln sin
  cos tan max min arg sup inf lim det frac dfrac tfrac sqrt sum prod int oint infty cdot cdots ldots dots times div
  pm mp leq le geq ge neq ne approx sim simeq equiv propto to rightarrow leftarrow Rightarrow Leftarrow mapsto in
  notin subset subseteq supset cup cap emptyset forall exists neg land lor ell partial nabla left right mid ast star
  circ hat tilde bar vec widetilde widehat overline underline lfloor rfloor lceil rceil langle rangle top perp prime
  alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho varrho
  sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega`
    .split(/\s+/)
    .filter(Boolean),
);

/** `$…$` as it may stay math: known commands, symbols and balanced braces only, and nothing BibTeX reads apart. */
function isSafeMath(math: string): boolean {
  const body = math.slice(1, -1);
  if (!/^(?:[A-Za-z0-9\s+\-*/=<>()[\].,:;'|!^_{}]|\\[A-Za-z]+|\\[,;!{} ])+$/.test(body)) return false;
  for (const [, command] of body.matchAll(/\\([A-Za-z]+)/g)) if (!MATH_COMMANDS.has(command)) return false;
  let depth = 0;
  for (const char of body.replace(/\\[{}]/g, '')) {
    depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** A title: safe math kept as math (in braces, so no style re-cases it), everything else as text. */
function bibtexTitle(title: string): string {
  return collapseWhitespace(title)
    .split(/(\$[^$]+\$)/)
    .map((part, index) => (index % 2 && isSafeMath(part) ? `{${part}}` : textTitle(part)))
    .join('');
}

// Generational suffixes, which BibTeX must be told apart from the last name.
const NAME_SUFFIX = /^(?:jr|sr)\.?$|^(?:ii|iii|iv)$/i;

/**
 * A display name as BibTeX reads names. "Martin Luther King Jr." becomes "King, Jr., Martin Luther" (else
 * "Jr." would be the last name); a name with "and" or a comma it cannot read is kept whole in braces.
 */
function bibtexName(name: string): string {
  const words = name.split(' ');
  const suffix = words.at(-1) ?? '';
  const rest = words.slice(0, -1).join(' ').replace(/,$/, '').split(' ');
  if (rest.length >= 2 && NAME_SUFFIX.test(suffix) && !/,|\band\b/i.test(rest.join(' '))) {
    // BibTeX's "von Last, Jr, First": the particle ("van", "de la") is the run of lower-case words before the last.
    let von = rest.length - 1;
    while (von > 1 && /^\p{Ll}/u.test(rest[von - 1])) von--;
    const [first, last] = [rest.slice(0, von).join(' '), rest.slice(von).join(' ')];
    return `${escapeLatex(last)}, ${escapeLatex(suffix)}, ${escapeLatex(first)}`;
  }
  const escaped = escapeLatex(name);
  return /,|\band\b/i.test(name) ? `{${escaped}}` : escaped;
}

/**
 * The separators a tag may hold, written as the full-width forms no reader splits at. Readers split keywords at a
 * plain comma whatever braces or macros surround it: biber decodes LaTeX (`\char44` too), then splits at
 * `\s*,\s*`; Zotero's parser (@retorquere/bibtex-parser) and bibtexparser 1's `keyword` split at `,` and `;`;
 * pybtex and bibtexparser 2 keep the field whole. So each tag comes back one keyword, its comma still a comma to
 * read, in all of them.
 */
const KEYWORD_SEPARATORS: Record<string, string> = { ',': '，', ';': '；' };

/** Tags as one keywords field: ", " between tags, never inside one. */
function bibtexKeywords(tags: readonly string[]): string {
  return tags
    .map((tag) => collapseWhitespace(tag))
    .filter((tag) => /[^\s,;]/.test(tag))
    .map((tag) => escapeLatex(tag.replace(/[,;]/g, (separator) => KEYWORD_SEPARATORS[separator])))
    .join(', ');
}

/**
 * A note keeps its lines. Blank lines are left out: a paragraph break is `\par` to TeX, which ends the
 * argument of a bibliography macro with an error; a single line break is a space to every reader.
 */
function bibtexNote(note: string): string {
  return note
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map(escapeBibtex)
    .filter(Boolean)
    .join('\n    ');
}

const FOLDS: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower-case ASCII letters and digits only: accents stripped, letters without a decomposition spelled out. */
function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[łøßæœđðþı]/g, (char) => FOLDS[char])
    .replace(/[^a-z0-9]/g, '');
}

// Words a citation key skips, as reference managers do ("A Survey of …" → survey).
const MINOR_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'at', 'by', 'from']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface PublishedMonth {
  year: string;
  /** 1–12 */
  month: number;
}

/** When the paper came out: its publication date if known, else what its arXiv id says. */
function publishedMonth(paper: Paper): PublishedMonth | null {
  const date = /^(\d{4})-(\d{2})-/.exec(paper.publishedAt ?? '');
  if (date) return { year: date[1], month: Number(date[2]) };
  const fromId = submissionMonth(paper.id);
  return fromId && { year: String(fromId.year), month: fromId.month };
}

/** `<first author's last name><year><first title word>`, or `arxiv<id>` when a part folds to nothing. */
function baseKey(paper: Paper, year: string | null): string {
  const lastName = asciiFold(
    collapseWhitespace(paper.authors[0] ?? '')
      .split(' ')
      .filter((word) => !NAME_SUFFIX.test(word))
      .at(-1) ?? '',
  );
  const titleWord = paper.title
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map(asciiFold)
    .find((word) => word && !MINOR_WORDS.has(word));
  if (!lastName || !titleWord) return `arxiv${paper.id.replace(/[^A-Za-z0-9.-]/g, '')}`;
  return `${lastName}${year ?? ''}${titleWord}`;
}

/** a, b, …, z, aa, ab, … */
function suffix(n: number): string {
  let letters = '';
  for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** URL fields are read verbatim, so LaTeX escapes would corrupt them; percent-encoding keeps them valid. */
function bibtexUrl(url: string): string {
  return url.trim().replace(/[{}\\\s]/g, (char) => encodeURIComponent(char));
}

function field(name: string, value: string): string {
  return `  ${name} = {${value}}`;
}

/** Writes `@misc` entries one paper at a time, keeping citation keys unique across the whole file. */
function createBibtexWriter(): (paper: Paper) => string {
  const usedKeys = new Set<string>();
  // Where each base key's suffix search resumes, so many papers sharing a key stay linear.
  const nextSuffix = new Map<string, number>();
  const uniqueKey = (base: string) => {
    let key = base;
    let n = nextSuffix.get(base) ?? 0;
    while (usedKeys.has(key)) key = base + suffix(n++);
    nextSuffix.set(base, n);
    usedKeys.add(key);
    return key;
  };

  return (paper) => {
    const published = publishedMonth(paper);
    const names = paper.authors.map(collapseWhitespace).filter(Boolean);
    const keywords = bibtexKeywords(paper.tags);
    const note = paper.note ? bibtexNote(paper.note) : '';
    const fields = [
      field('title', bibtexTitle(paper.title)),
      names.length ? field('author', names.map(bibtexName).join(' and ')) : null,
      published ? field('year', published.year) : null,
      published ? `  month = ${MONTHS[published.month - 1]}` : null, // BibTeX's month macro: styles print it localised
      field('eprint', escapeBibtex(paper.id)),
      field('archivePrefix', 'arXiv'),
      // A citation leads to arXiv; the Hugging Face page, where the paper was found, is kept beside it.
      field('url', bibtexUrl(arxivAbsUrl(paper.id) ?? paper.url)),
      field('howpublished', `\\url{${bibtexUrl(paper.url)}}`),
      keywords ? field('keywords', keywords) : null,
      note ? field('note', note) : null,
    ].filter((line) => line !== null);
    return `@misc{${uniqueKey(baseKey(paper, published?.year ?? null))},\n${fields.join(',\n')}\n}\n\n`;
  };
}

export function toBibtex(papers: readonly Paper[]): string {
  const write = createBibtexWriter();
  return papers.map((paper) => write(paper)).join('');
}

export function bibtexChunks(papers: PaperSource, options?: ChunkOptions): AsyncGenerator<string> {
  return renderInChunks(papers, createBibtexWriter(), options);
}
