import { EARLY_READ_KEY, startEarlyRead } from '@/lib/library/first-screen';

// A classic script in the head of the popup and the full page: it runs as soon as the HTML is parsed, while the
// page's module is still being fetched and compiled, so the library is opened and its newest rows read by then.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[EARLY_READ_KEY] = startEarlyRead();
});
