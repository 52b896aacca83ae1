/** Collapse every run of whitespace to one space and trim. The one text normalizer of the project. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Normalized text, or null when nothing is left. */
export function cleanText(value: unknown, maxLength = Number.POSITIVE_INFINITY): string | null {
  if (typeof value !== 'string') return null;
  const text = collapseWhitespace(value);
  if (!text) return null;
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}
