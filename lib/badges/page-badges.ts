// The marks Papershelf leaves on a Hugging Face page, and nothing else: a badge after a card's title, a line
// after a paper page's title, a faded card. Each badge lives in an open shadow root with its own styles; its
// text is set as text, never parsed, so nothing the page or a paper's title holds can style, move or script it.

/** A list card's badge. */
export const CARD_BADGE = 'papershelf-seen';
/** The line under a single-paper page's title. */
export const SHELF_LINE = 'papershelf-shelf';
const DIMMED_OPACITY = '0.45';

// Sizes in px, not em: the page's own type scale must not make the line taller than one line of 12px text. Padding,
// not margins: the badge adds its own height and never un-collapses the margins around it.
// The popup's visual language (components/app.css): its spacing steps (2, 4, 8 px), its 12 px facts, its 6 px radius
// and its amber colours, each pair above 4.5:1. Hugging Face's dark mode is a class on <html>, which a shadow root
// cannot see in every browser: the host carries the page's theme (see `followPageTheme`).
const STYLE = `
:host { display: block !important; margin: 0; padding: 2px 0 4px; font: 400 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  letter-spacing: normal; text-transform: none; text-align: start; white-space: nowrap; contain: content;
  --fg: #7a4a00; --bg: #fff4e0; --edge: #ffcf85; --star: #a65f00; --muted: #656d76; }
:host([data-theme="dark"]) { --fg: #ffcf85; --bg: #2a2114; --edge: #6b4d00; --star: #ffb340; --muted: #8d96a0; }
.badge { display: inline-block; max-width: 100%; box-sizing: border-box; overflow: hidden; text-overflow: ellipsis;
  vertical-align: top; padding: 0 8px; border-radius: 6px; color: var(--fg); background: var(--bg); border: 1px solid var(--edge); }
.line { color: var(--muted); }
.star { color: var(--star); margin-right: 4px; }
.for-you { font-style: italic; }
.badge > .for-you:not(:first-child) { margin-left: 4px; padding-left: 4px; border-left: 1px solid var(--edge); }
button { font: inherit; color: var(--fg); cursor: pointer; margin-left: 8px; padding: 0 8px; border-radius: 6px;
  background: var(--bg); border: 1px solid var(--edge); }
button[aria-pressed="true"] { color: var(--star); }
button:focus-visible { outline: 2px solid var(--star); outline-offset: 1px; }
`;

const THEME = 'data-theme';
const pageTheme = (doc: Document) => (doc.documentElement.classList.contains('dark') ? 'dark' : 'light');

/** Gives every mark of ours the page's theme, light or dark: called when the class of the page's <html> changes. */
export function followPageTheme(doc: Document) {
  const theme = pageTheme(doc);
  for (const host of doc.querySelectorAll(`${CARD_BADGE}, ${SHELF_LINE}`))
    if (host.getAttribute(THEME) !== theme) host.setAttribute(THEME, theme);
}

/** The badges this script made, and the paper each is for: a copy the page made of one is not ours. */
const ours = new WeakMap<Element, string>();
let sharedSheet: CSSStyleSheet | null | undefined;

/** One constructed style sheet shared by every badge where the browser allows it; a `<style>` of its own elsewhere. */
function addStyles(shadow: ShadowRoot) {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
}

function createBadge(tag: string, paperId: string, className: string): HTMLElement {
  const host = document.createElement(tag);
  host.setAttribute(THEME, pageTheme(document));
  const shadow = host.attachShadow({ mode: 'open' });
  addStyles(shadow);
  const badge = document.createElement('span');
  badge.className = className;
  shadow.append(badge);
  ours.set(host, paperId);
  return host;
}

/** The one badge of ours at `anchor`'s side inside `scope`; any other (a stray copy, a duplicate) is removed. */
function placeBadge(scope: ParentNode, tag: string, anchor: Element, paperId: string, className: string): HTMLElement {
  const found = [...scope.querySelectorAll<HTMLElement>(tag)];
  const host = found.find((candidate) => ours.get(candidate) === paperId) ?? createBadge(tag, paperId, className);
  for (const other of found) if (other !== host) other.remove();
  if (anchor.nextElementSibling !== host) anchor.after(host);
  return host;
}

/** What each badge shows now: re-rendering an unchanged page compares, and writes nothing. */
const shown = new WeakMap<Element, unknown>();

function fill<T extends object>(host: HTMLElement, content: T, build: (badge: HTMLElement) => void) {
  const badge = host.shadowRoot?.querySelector<HTMLElement>('span');
  const before = shown.get(host) as T | undefined;
  if (!badge || (before && Object.keys(content).every((key) => before[key as keyof T] === content[key as keyof T])))
    return;
  badge.replaceChildren();
  build(badge);
  shown.set(host, content);
}

export interface CardBadge {
  text: string;
  title: string;
  starred: boolean;
  /** The paper is among the page's top suggestions: a quiet mark beside (or instead of) the seen text. */
  forYou?: boolean;
}

/** Shows `content` on `card`, right after its title's heading: one badge per card, however often it is called. */
export function showCardBadge(card: Element, heading: Element, paperId: string, content: CardBadge) {
  const host = placeBadge(card, CARD_BADGE, heading, paperId, 'badge');
  fill(host, content, (badge) => {
    badge.title = content.title;
    if (content.starred) {
      const star = document.createElement('span');
      star.className = 'star';
      star.textContent = '★';
      badge.append(star);
    }
    // In a span of its own, so the "for you" mark after it is not the first child and gets its separator.
    if (content.text) badge.append(Object.assign(document.createElement('span'), { textContent: content.text }));
    if (content.forYou) {
      const mark = document.createElement('span');
      mark.className = 'for-you';
      mark.textContent = 'for you';
      badge.append(mark);
    }
  });
}

/** Removes `card`'s badge, or only one made for another paper than `keepFor` (a card the page reused). */
export function removeCardBadge(card: Element, keepFor?: string) {
  for (const host of card.querySelectorAll(CARD_BADGE)) if (!keepFor || ours.get(host) !== keepFor) host.remove();
}

export interface ShelfLine {
  text: string;
  title: string;
  starred: boolean;
  /** Called on a real click of the star toggle (never on a click the page's scripts make). */
  onToggleStar: () => void;
}

/** The line under a paper page's title, with its star toggle. */
export function showShelfLine(heading: Element, paperId: string, content: ShelfLine) {
  const host = placeBadge(heading.ownerDocument, SHELF_LINE, heading, paperId, 'line');
  const { onToggleStar, ...line } = content;
  fill(host, line, (badge) => {
    badge.title = content.title;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.setAttribute('aria-pressed', String(content.starred));
    toggle.textContent = content.starred ? '★ Starred' : '☆ Star';
    toggle.addEventListener('click', (event) => {
      if (event.isTrusted) onToggleStar();
    });
    badge.append(content.text, toggle);
  });
}

export function removeShelfLines(root: ParentNode) {
  for (const host of root.querySelectorAll(SHELF_LINE)) host.remove();
}

/** Each faded card and the inline opacity it had before, to put back. */
const dimmed = new Map<HTMLElement, string>();

export function setDimmed(card: Element, dim: boolean) {
  if (!(card instanceof HTMLElement) || dim === dimmed.has(card)) return;
  if (dim) {
    dimmed.set(card, card.style.getPropertyValue('opacity'));
    card.style.setProperty('opacity', DIMMED_OPACITY);
  } else {
    restore(card);
  }
}

function restore(card: HTMLElement) {
  const before = dimmed.get(card);
  dimmed.delete(card);
  if (before) card.style.setProperty('opacity', before);
  else card.style.removeProperty('opacity');
  if (card.getAttribute('style') === '') card.removeAttribute('style');
}

/** Un-fades every faded card but those in `keep` (and forgets cards the page has thrown away). */
export function undimAllBut(keep: ReadonlySet<Element>) {
  for (const card of [...dimmed.keys()]) if (!keep.has(card)) restore(card);
}

/** Every mark this script left on the page, gone. */
export function removeAll(root: ParentNode) {
  for (const host of root.querySelectorAll(`${CARD_BADGE}, ${SHELF_LINE}`)) host.remove();
  undimAllBut(new Set());
}
