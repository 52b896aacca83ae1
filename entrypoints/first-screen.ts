import { EARLY_READ_KEY, startEarlyRead } from '@/lib/library/first-screen';
import { EARLY_FOR_YOU_KEY, startEarlyForYou } from '@/lib/recommend/early-read';

// A classic script in the head of the popup and the full page: it runs as soon as the HTML is parsed, while the
// page's module is still being fetched and compiled, so the library is opened and its newest rows read by then;
// For you is read next, so a click on it finds its rows there.
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const early = startEarlyRead();
  scope[EARLY_READ_KEY] = early;
  scope[EARLY_FOR_YOU_KEY] = startEarlyForYou(early.opening, early.firstScreen);
});
