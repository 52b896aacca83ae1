interface Segment {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One pattern per list of terms: every visible row highlights with the same list, again on each scroll.
const patterns = new WeakMap<string[], RegExp | null>();

function patternFor(terms: string[]): RegExp | null {
  let pattern = patterns.get(terms);
  if (pattern === undefined) {
    const words = terms
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    pattern = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})`, 'giu') : null;
    patterns.set(terms, pattern);
  }
  return pattern;
}

/** Splits text into matched and unmatched runs (words starting with a matched term), for rendering as text. */
export function highlight(text: string, terms: string[]): Segment[] {
  const pattern = patternFor(terms);
  if (!pattern) return [{ text, match: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** Text with the matched words marked; built from text nodes only, never from HTML. */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {highlight(text, terms).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
