/**
 * Real-shaped Hugging Face papers markup built from API items (`/api/daily_papers` has the island's item shape),
 * modelled on the captured pages: the Svelte data island, the 2026 compact cards, and search-result cards.
 */

/** The shape of `/api/daily_papers` items and of the island's `dailyPapers[]`, as far as tests read it. */
export type Item = {
  paper: { id: string; title: string; summary?: string; authors?: { name: string }[]; upvotes?: number };
  title?: string;
  summary?: string;
  numComments?: number;
};

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export function islandHtml(
  items: unknown[],
  meta: Record<string, unknown> = {},
  key: 'dailyPapers' | 'searchResults' = 'dailyPapers',
): string {
  const props = { ...meta, [key]: items };
  return `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escapeHtml(JSON.stringify(props))}">`;
}

function authorList(item: Item): string {
  const authors = item.paper.authors ?? [];
  // The page lists avatars right to left (flex-row-reverse), so the DOM order is reversed.
  const avatars = authors
    .slice(0, 4)
    .reverse()
    .map(
      (author) =>
        `<li style="content-visibility:auto;" class="-mr-2 h-4 w-4" title="${escapeHtml(author.name)}"><!----></li>`,
    )
    .join('');
  return `<ul class="flex items-center text-gray-600 flex-row-reverse text-sm">${avatars}<li class="text-xs order-first ml-3"><div class="flex truncate text-sm"><div class="mx-1">·</div> ${authors.length} authors</div></li></ul>`;
}

function card(item: Item, withAbstract: boolean): string {
  const { id } = item.paper;
  const title = item.paper.title ?? item.title ?? '';
  const upvotes = item.paper.upvotes ?? '-';
  const abstract =
    withAbstract && item.paper.summary
      ? `<a href="/papers/${id}" class="line-clamp-3 text-gray-600"><p>${escapeHtml(item.paper.summary)}</p></a>`
      : '';
  return `<article class="relative flex flex-col overflow-hidden rounded-xl border"><a class="shadow-alternate-sm peer relative block h-56" href="/papers/${id}"><img loading="lazy" src="https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png" alt=""></a><div class="from-gray-50-to-white flex px-6 pb-6 pt-8"><div class="flex w-full gap-6"><div class="flex flex-wrap items-center gap-2.5 pt-1"><a class="self-start" href="/login?next=%2Fpapers%2F${id}"><div role="checkbox" class="shadow-alternate flex h-14 w-12 flex-col"><input type="checkbox" class="peer hidden" disabled=""> <svg aria-hidden="true" viewBox="0 0 12 12"></svg><div class="leading-none">${upvotes}</div></div></a></div><div class="w-full min-w-0"><h3 class="mb-1 text-lg/6 font-semibold"><a class="line-clamp-3 cursor-pointer text-balance" href="/papers/${id}">${escapeHtml(title)}</a></h3>${abstract}<div class="flex min-w-0 items-center justify-between gap-1"><a class="flex" href="/papers/${id}">${authorList(item)}</a><div class="flex items-center gap-2"><a class="flex items-center gap-1 text-xs" href="/papers/${id}#community"><svg aria-hidden="true" viewBox="0 0 24 24"></svg> ${item.numComments ?? 0}</a></div></div></div></div></div></article>`;
}

/** Compact daily/weekly cards (no abstract). */
export function cardsHtml(items: unknown[]): string {
  return (items as Item[]).map((item) => card(item, false)).join('\n<!---->\n');
}

/** Search-result cards: the abstract is shown inside a second link to the paper. */
export function searchCardsHtml(items: unknown[]): string {
  return (items as Item[]).map((item) => card(item, true)).join('\n<!---->\n');
}

/** A whole papers page: header nav, the island (optional) and the cards inside <main>. */
export function papersPageHtml({
  island = '',
  cards = '',
  title = 'Daily Papers - Hugging Face',
}: {
  island?: string;
  cards?: string;
  title?: string;
}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><header><nav><a href="/papers">Daily Papers</a> <a href="/papers/trending">Trending</a></nav></header><main>${island}<section class="grid" id="cards">${cards}</section>${island ? '</div>' : ''}</main><footer><a href="/papers/2509.24002">A footer link</a></footer></body></html>`;
}
