// Hugging Face's Daily / Weekly tabs navigate in-page: the URL changes at once (pushState), the cards are
// swapped in place a moment later, and the data island is rewritten later still (keeping the previous
// view's data in between). The target views come from <script type="application/json" id="spa-views">:
// { "<tab label>": { "url": "/papers/...", "cards": "<html>", "props": "<island JSON>" | null } }.
(() => {
  const views = JSON.parse(document.getElementById('spa-views').textContent);
  const island = document.querySelector('[data-target="DailyPapers"]');
  const cards = document.querySelectorAll('article');
  // The cards container: the closest element that holds every card of the first view.
  let container = cards[0]?.parentElement ?? document.body;
  while (container.parentElement && [...cards].some((card) => !container.contains(card))) {
    container = container.parentElement;
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    const view = button ? views[button.textContent.trim()] : undefined;
    if (!view) return;
    history.pushState({}, '', view.url);
    // A test may hold the island back (data-spa-hold on <html>) to look at the view in between, whatever the load.
    const rewriteIsland = () => {
      if (document.documentElement.dataset.spaHold) return setTimeout(rewriteIsland, 20);
      if (island && view.props !== null) island.setAttribute('data-props', view.props);
      document.documentElement.dataset.spaSettled = view.url;
    };
    setTimeout(() => {
      container.innerHTML = view.cards;
      setTimeout(rewriteIsland, 300);
    }, 100);
  });
})();
