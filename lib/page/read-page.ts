import { known, type PaperSighting } from '@/lib/paper';
import { cleanText } from '@/lib/text';
import { readCards } from './cards';
import { islandMatchesView, readIsland } from './island';
import { readPaperLinks } from './links';
import { classifyPapersUrl, type PapersView } from './view';

export interface PageRead {
  view: PapersView | null;
  /** The papers on screen, in screen order, each once. */
  papers: PaperSighting[];
  sources: { island: boolean; cards: number; links: number };
}

export interface ReadOptions {
  /** False after in-page navigation: the island may still describe the previous view. */
  trustIsland?: boolean;
}

/** Card facts with the island's richer facts laid over them; the card's value stays where the island has none. */
function enrich(card: PaperSighting, rich: PaperSighting | undefined): PaperSighting {
  return rich ? { ...card, ...rich } : card;
}

function readPaperView(doc: Document, paperId: string): PaperSighting[] {
  const island = readIsland(doc);
  const fromIsland =
    island?.target === 'PaperContent' ? island.papers.find((paper) => paper.id === paperId) : undefined;
  if (fromIsland) return [fromIsland];
  const title = cleanText(doc.querySelector('h1')?.textContent);
  // The page's own heading: as strong a reading as a card's.
  return title ? [known({ id: paperId, title, titleSource: 'card' })] : [];
}

function readListView(doc: Document, view: PapersView, options: ReadOptions): PageRead {
  const island = readIsland(doc);
  const islandPapers = island?.target === 'DailyPapers' ? island.papers : [];
  const rich = new Map(islandPapers.map((paper) => [paper.id, paper]));
  const sources = { island: false, cards: 0, links: 0 };

  // The cards (or, failing them, the links) say which papers are on screen; the island only enriches them.
  let onScreen = readCards(doc);
  sources.cards = onScreen.length;
  if (onScreen.length === 0) {
    onScreen = readPaperLinks(doc.querySelector('main') ?? doc.body ?? doc);
    sources.links = onScreen.length;
  }
  if (onScreen.length > 0) {
    const papers = onScreen.map((paper) => enrich(paper, rich.get(paper.id)));
    sources.island = onScreen.some((paper) => rich.has(paper.id));
    return { view, papers, sources };
  }
  // Nothing on screen to check the island against: trust it only as the document's own, matching the URL.
  const trusted = island && options.trustIsland !== false && islandMatchesView(island.meta, view) !== false;
  return { view, papers: trusted ? islandPapers : [], sources: { ...sources, island: Boolean(trusted) } };
}

/** Everything a papers page shows, reconciled from the data island, the cards and the links. */
export function readPage(doc: Document, url: string, options: ReadOptions = {}): PageRead {
  const view = classifyPapersUrl(url);
  if (!view) return { view, papers: [], sources: { island: false, cards: 0, links: 0 } };
  if (view.kind === 'paper') {
    const papers = readPaperView(doc, view.paperId);
    return {
      view,
      papers,
      sources: { island: papers.length > 0 && papers[0].abstract !== undefined, cards: 0, links: 0 },
    };
  }
  return readListView(doc, view, options);
}
