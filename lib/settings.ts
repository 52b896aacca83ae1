import { storage } from 'wxt/utils/storage';

/** Whether the content script records what the user sees. On by default. */
export const captureEnabled = storage.defineItem<boolean>('local:captureEnabled', { fallback: true });
