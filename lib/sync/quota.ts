/**
 * The limits of storage.sync, and how an item is measured against them. Chrome documents them on
 * chrome.storage.sync (QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS, MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR);
 * Firefox on MDN's storage.sync, with the same sizes and count and no write rate.
 */

export interface SyncQuota {
  bytes: number;
  bytesPerItem: number;
  maxItems: number;
  /** null: the browser sets no such limit. */
  writesPerMinute: number | null;
  writesPerHour: number | null;
}

export const CHROME_SYNC_QUOTA: SyncQuota = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
};

export const FIREFOX_SYNC_QUOTA: SyncQuota = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
  writesPerMinute: null,
  writesPerHour: null,
};

/** The synced copy is read by every browser the user signs in to: it keeps within the stricter of their limits. */
export const SYNC_QUOTA: SyncQuota = {
  bytes: Math.min(CHROME_SYNC_QUOTA.bytes, FIREFOX_SYNC_QUOTA.bytes),
  bytesPerItem: Math.min(CHROME_SYNC_QUOTA.bytesPerItem, FIREFOX_SYNC_QUOTA.bytesPerItem),
  maxItems: Math.min(CHROME_SYNC_QUOTA.maxItems, FIREFOX_SYNC_QUOTA.maxItems),
  writesPerMinute: CHROME_SYNC_QUOTA.writesPerMinute,
  writesPerHour: CHROME_SYNC_QUOTA.writesPerHour,
};

// Marked pure: a page that only reads a constant of sync does not carry it.
const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * What an item counts for: its key's length plus its value's JSON, in UTF-8 bytes, as both browsers measure it.
 * Chrome's JSON writer escapes `<`, U+2028 and U+2029 where JSON.stringify does not, so those count as escaped.
 */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + jsonBytes(value);
}

export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let extra = 0;
  for (const char of json) {
    if (char === '<') extra += 5;
    else if (char === '\u2028' || char === '\u2029') extra += 3;
  }
  return encoder.encode(json).length + extra;
}

/** Why the browser refused a write: too many writes lately, or too much data; anything else is 'other'. */
export function refusalOf(error: unknown): 'rate' | 'size' | 'other' {
  const message = error instanceof Error ? error.message : String(error);
  if (/WRITE_OPERATIONS/i.test(message)) return 'rate';
  if (/QUOTA|MAX_ITEMS/i.test(message)) return 'size';
  return 'other';
}
