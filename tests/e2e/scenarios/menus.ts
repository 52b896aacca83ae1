// The popup keeps its tools in one menu and a row's rarer actions in its "more" menu: opened as a person does.
import type { Tab } from './driver';

const MENU = 'details.app-menu';

const isOpen = (tab: Tab) =>
  tab.evaluate((css) => document.querySelector<HTMLDetailsElement>(css)?.open ?? false, MENU);

/** Opens the page's one menu (export, import, library tools, settings), unless it is open already. */
export async function openMenu(tab: Tab): Promise<void> {
  if (!(await isOpen(tab))) await tab.click(`${MENU} > summary`);
}

/** Closes the menu, so the list under it can be clicked again. */
export async function closeMenu(tab: Tab): Promise<void> {
  if (await isOpen(tab)) await tab.click(`${MENU} > summary`);
}

/** Opens the "more" menu of the first row matching `row` (details, tags and note, reading state, delete). */
export async function openRowMenu(tab: Tab, row: string): Promise<void> {
  const more = `${row} button.more`;
  const expanded = await tab.evaluate((css) => document.querySelector(css)?.getAttribute('aria-expanded'), more);
  if (expanded !== 'true') await tab.click(more);
}
