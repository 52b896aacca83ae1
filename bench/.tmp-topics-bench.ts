import { syntheticLibrary } from '/work/main/bench/synthetic-library';
import { computeTopics } from '/work/main/lib/topics/topics';
import { addOrReplace, createSearchIndex, searchPapers, serializeIndex, loadIndex } from '/work/main/lib/search/search-index';
const papers = syntheticLibrary(50000);
const avg = papers.reduce((s, p) => s + (p.abstract?.length ?? 0), 0) / papers.length;
console.log('avg abstract', avg.toFixed(0));
for (const window of ['all', '7d', '30d'] as const) {
  const t = performance.now();
  const r = computeTopics(papers, { window, now: '2026-11-20T12:00:00Z' });
  console.log(window, (performance.now() - t).toFixed(0), 'ms', r.fallback, r.topics.slice(0, 10).map((x) => `${x.label}(${x.count},${x.score.toFixed(2)})`).join(', '));
}
if (process.argv[2] === 'search') {
  let t = performance.now();
  const index = createSearchIndex();
  addOrReplace(index, papers);
  console.log('index', (performance.now() - t).toFixed(0));
  t = performance.now();
  const json = serializeIndex(index);
  console.log('serialize', (performance.now() - t).toFixed(0), (json.length / 1e6).toFixed(1), 'MB');
  t = performance.now();
  const loaded = loadIndex(json);
  console.log('load', (performance.now() - t).toFixed(0));
  for (const q of ['difusion', 'speculative decoding', 'llm agents', 'transfromer']) {
    t = performance.now();
    const hits = searchPapers(loaded, q, { limit: 50 });
    console.log(q, (performance.now() - t).toFixed(1), hits.length);
  }
}
