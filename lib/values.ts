import * as v from 'valibot';
import { cleanText } from '@/lib/text';

/**
 * Checks for values from outside the extension's own code (a page, a message, a file): each reader returns a
 * normalized value or null, never throws; the schemas below build on them (valibot), for messages and files.
 * Shared by the page readers and the library's validation.
 */

type Fields = Record<string, unknown>;

const MAX_URL_LENGTH = 2_048;
const MAX_TITLE_LENGTH = 300;

export const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads own properties only, so `__proto__` and friends in a message are just absent keys. */
export const own = (object: Fields, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** A whole, non-negative count (upvotes, comments, stars). */
export function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1e9 ? value : null;
}

export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function webUrl(value: unknown): string | null {
  const text = cleanText(value);
  if (!text || text.length > MAX_URL_LENGTH) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Normalized non-blank strings of a list, capped; `unique` drops repeats (keywords, tags — not authors, who can share a name). */
export function textList(value: unknown, maxItems: number, maxLength: number, unique = true): string[] {
  if (!Array.isArray(value)) return [];
  const items: string[] = [];
  const seen = new Set<string>();
  for (const item of value.slice(0, maxItems)) {
    const text = cleanText(item, maxLength);
    if (!text || (unique && seen.has(text))) continue;
    seen.add(text);
    items.push(text);
  }
  return items;
}

// A sentence end: punctuation before a capital ("… models. We propose …") or at the very end.
const SENTENCE_END = /[.!?](?:\s+(?=\p{Lu})|$)/gu;

/**
 * Whether normalized text reads like a paper title rather than a caption or an abstract: short, at most one
 * sentence end ("Is X All You Need? A Study" passes, "We propose X. It works." does not), and not holding
 * the paper's abstract.
 */
export function plausibleTitle(text: string, abstract?: string | null): boolean {
  if (text.length > MAX_TITLE_LENGTH) return false;
  if ((text.match(SENTENCE_END)?.length ?? 0) > 1) return false;
  return !abstract || !text.includes(abstract);
}

/** A plain object (not an array, not null), read by `entries` alone: any other key, `__proto__` included, is left out. */
export const record = <const E extends v.ObjectEntries>(entries: E, message: string) =>
  v.pipe(
    v.custom<Fields>(isObject, message),
    // Own fields only, each present (an absent one as undefined), so a missing field is refused with its own reason.
    v.transform((input) => Object.fromEntries(Object.keys(entries).map((key) => [key, own(input, key)]))),
    v.object(entries),
  );

/** A value `read` normalizes, refused with `message` when it reads as null. */
export const normalized = <T>(read: (value: unknown) => T | null, message: string) =>
  v.pipe(
    v.unknown(),
    v.rawTransform<unknown, T>(({ dataset, addIssue, NEVER }) => {
      const value = read(dataset.value);
      if (value !== null) return value;
      addIssue({ message });
      return NEVER;
    }),
  );

/** A value `read` normalizes, where what cannot be read becomes null (a page's field it did not show well). */
export const lenient = <T>(read: (value: unknown) => T) => v.pipe(v.unknown(), v.transform(read));

/** The first reason `schema` refuses `input` for, or its output. */
export function check<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; reason: string } {
  const result = v.safeParse(schema, input, { abortEarly: true });
  return result.success ? { ok: true, value: result.output } : { ok: false, reason: result.issues[0].message };
}
