import type { Paper } from '@/lib/paper';
import { collapseWhitespace } from '@/lib/text';
import { type ChunkOptions, type PaperSource, renderInChunks } from './chunks';

const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** BibTeX counts braces even when they are escaped, so a brace without a partner would break the entry. */
function dropUnpairedBraces(text: string): string {
  const unpaired = new Set<number>();
  const open: number[] = [];
  for (let offset = 0; offset < text.length; offset++) {
    if (text[offset] === '{') open.push(offset);
    else if (text[offset] === '}' && open.pop() === undefined) unpaired.add(offset);
  }
  for (const offset of open) unpaired.add(offset);
  return unpaired.size ? text.replace(/[{}]/g, (brace, offset: number) => (unpaired.has(offset) ? '' : brace)) : text;
}

/** Text safe inside a braced BibTeX value: one line, paired braces, LaTeX specials escaped; other Unicode kept. */
function escapeBibtex(text: string): string {
  return collapseWhitespace(dropUnpairedBraces(text)).replace(/[\\{}%&$#_^~]/g, (char) => ESCAPES[char]);
}

/** BibTeX would split a name at "and" or read a comma as "Last, First"; braces keep such a name whole. */
function bibtexName(name: string): string {
  const escaped = escapeBibtex(name);
  return /,|\band\b/i.test(escaped) ? `{${escaped}}` : escaped;
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

function publishedYear(paper: Paper): string | null {
  return /^(\d{4})-/.exec(paper.publishedAt ?? '')?.[1] ?? null;
}

/** `<first author's last name><year><first title word>`, or `arxiv<id>` when a part folds to nothing. */
function baseKey(paper: Paper, year: string | null): string {
  const lastName = asciiFold(
    collapseWhitespace(paper.authors[0] ?? '')
      .split(' ')
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
    const year = publishedYear(paper);
    const names = paper.authors.map(collapseWhitespace).filter(Boolean);
    const fields = [
      field('title', escapeBibtex(paper.title)),
      names.length ? field('author', names.map(bibtexName).join(' and ')) : null,
      year ? field('year', year) : null,
      field('eprint', escapeBibtex(paper.id)),
      field('archivePrefix', 'arXiv'),
      field('url', bibtexUrl(paper.url)),
      paper.tags.length ? field('keywords', escapeBibtex(paper.tags.join(', '))) : null,
      paper.note ? field('note', escapeBibtex(paper.note)) : null,
    ].filter((line) => line !== null);
    return `@misc{${uniqueKey(baseKey(paper, year))},\n${fields.join(',\n')}\n}\n\n`;
  };
}

export function toBibtex(papers: readonly Paper[]): string {
  const write = createBibtexWriter();
  return papers.map((paper) => write(paper)).join('');
}

export function bibtexChunks(papers: PaperSource, options?: ChunkOptions): AsyncGenerator<string> {
  return renderInChunks(papers, createBibtexWriter(), options);
}
