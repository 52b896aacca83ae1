import { arxivIdFromPaperPath } from '@/lib/arxiv';
import { known, type PaperSighting } from '@/lib/paper';
import { cleanText } from '@/lib/text';

const MIN_ABSTRACT_LENGTH = 60;

function paperLinks(card: Element): HTMLAnchorElement[] {
  return [...card.querySelectorAll<HTMLAnchorElement>('a[href]')].filter(
    (link) => !link.getAttribute('href')?.includes('#'),
  );
}

function headingLink(card: Element): { id: string; link: HTMLAnchorElement } | null {
  for (const link of card.querySelectorAll<HTMLAnchorElement>('h1 a[href], h2 a[href], h3 a[href], h4 a[href]')) {
    const id = arxivIdFromPaperPath(link.getAttribute('href') ?? '');
    if (id) return { id, link };
  }
  return null;
}

function number(text: string | null | undefined): number | null {
  const digits = cleanText(text)?.replace(/,/g, '');
  return digits && /^\d+$/.test(digits) ? Number(digits) : null;
}

function upvotes(card: Element): number | null {
  // The upvote control is a box (or label / checkbox role) whose count sits in a `.leading-none` element.
  const count = card.querySelector(
    '.shadow-alternate .leading-none, label .leading-none, [role="checkbox"] .leading-none',
  );
  return number(count?.textContent);
}

function comments(card: Element, id: string): number | null {
  for (const link of card.querySelectorAll('a[href$="#community"]')) {
    if (arxivIdFromPaperPath(link.getAttribute('href') ?? '') === id) return number(link.textContent);
  }
  return null;
}

function authors(card: Element): string[] {
  const list = card.querySelector('ul li[title]')?.closest('ul');
  if (!list) return [];
  const names = [...list.querySelectorAll('li[title]')]
    .map((item) => cleanText(item.getAttribute('title')))
    .filter(Boolean) as string[];
  // The avatars are laid out flex-row-reverse: the DOM lists them right to left.
  return list.classList.contains('flex-row-reverse') ? names.reverse() : names;
}

function abstract(card: Element, id: string, title: string, titleLink: Element): string | null {
  for (const link of paperLinks(card)) {
    if (
      link === titleLink ||
      link.querySelector('ul, img') ||
      arxivIdFromPaperPath(link.getAttribute('href') ?? '') !== id
    )
      continue;
    const text = cleanText(link.textContent);
    if (text && text.length >= MIN_ABSTRACT_LENGTH && text !== title) return text;
  }
  return null;
}

/** Where a paper card names its paper: the card, the paper's id, and the heading that holds its title link. */
export interface CardHeading {
  card: Element;
  id: string;
  heading: Element;
}

/** Every `<article>` card that names a paper in a heading, in screen order (a paper shown twice, twice). */
export function cardHeadings(root: ParentNode): CardHeading[] {
  const found: CardHeading[] = [];
  for (const card of root.querySelectorAll('article')) {
    const named = headingLink(card);
    const heading = named?.link.closest('h1, h2, h3, h4');
    if (named && heading) found.push({ card, id: named.id, heading });
  }
  return found;
}

/** Layer 2: the `<article>` cards, in screen order — the truth about which papers are on screen. */
export function readCards(root: ParentNode): PaperSighting[] {
  const byId = new Map<string, PaperSighting>();
  for (const card of root.querySelectorAll('article')) {
    const heading = headingLink(card);
    const title = heading && cleanText(heading.link.textContent);
    if (!heading || !title || byId.has(heading.id)) continue;
    byId.set(
      heading.id,
      known({
        id: heading.id,
        title,
        titleSource: 'card',
        upvotes: upvotes(card),
        comments: comments(card, heading.id),
        authors: authors(card),
        abstract: abstract(card, heading.id, title, heading.link),
      }),
    );
  }
  return [...byId.values()];
}
