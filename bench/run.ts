// npm run bench — speed measured in one run, as ratios against plain baselines (machines here are noisy).
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { exportJsonChunks, toExportDocument } from '@/lib/io/export-json';
import { parseImportFile } from '@/lib/io/import-file';
import { openLibrary } from '@/lib/library/db';
import { ingestCapture } from '@/lib/library/ingest';
import type { Paper } from '@/lib/paper';
import { addOrReplace, createSearchIndex, loadIndex, searchPapers, serializeIndex } from '@/lib/search/search-index';
import { analyzeLibrary, rankTopics, type TopicAnalysis } from '@/lib/topics/topics';
import { ms, ratio, summarize, timeEach, timeOnce } from './measure';
import { measurePopup } from './popup';
import { random, syntheticLibrary } from './synthetic-library';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').filter(Boolean).map(Number);
const NOW = '2026-11-20T12:00:00.000Z';

function queriesFor(papers: Paper[], count = 200): string[] {
  const next = random(7);
  const words = papers.flatMap((paper) => paper.title.split(/\W+/).filter((word) => word.length >= 5)).slice(0, 20_000);
  return Array.from({ length: count }, (_, index) => {
    const word = words[Math.floor(next() * words.length)].toLowerCase();
    if (index % 4 === 1) return word.slice(0, 4); // typing: a prefix
    if (index % 4 === 2) return word.slice(0, 2) + word.slice(3); // a typo
    if (index % 4 === 3) return `${word} ${words[Math.floor(next() * words.length)].toLowerCase()}`;
    return word;
  });
}

/** The baseline search: every word must appear somewhere in the paper's text. */
function linearScan(papers: Paper[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/);
  return papers
    .filter((paper) => {
      const text = `${paper.title} ${paper.abstract} ${paper.authors.join(' ')}`.toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .map((paper) => paper.id);
}

async function benchSearch(papers: Paper[]) {
  const index = createSearchIndex();
  const build = await timeOnce(() => addOrReplace(index, papers));
  const snapshot = serializeIndex(index);
  const load = await timeOnce(() => loadIndex(snapshot));
  const queries = queriesFor(papers);
  const ours = await timeEach(queries, (query) => searchPapers(index, query, { limit: 5000 }));
  const scan = await timeEach(queries, (query) => linearScan(papers, query));
  return { build, load, snapshotMB: snapshot.length / 1e6, ours, scan };
}

async function benchExportImport(papers: Paper[]) {
  const exportedAt = NOW;
  let text = '';
  const chunked = await timeOnce(async () => {
    const parts: string[] = [];
    for await (const part of exportJsonChunks(papers, exportedAt, papers.length)) parts.push(part);
    text = parts.join('');
  });
  const plain = await timeOnce(() => JSON.stringify(toExportDocument(papers, exportedAt)));
  const parse = await timeOnce(() => parseImportFile(text));
  const rawParse = await timeOnce(() => JSON.parse(text));
  return { chunked, plain, parse, rawParse, sizeMB: text.length / 1e6, gzipMB: gzipSync(text).length / 1e6 };
}

async function benchIngest(papers: Paper[]) {
  globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
  const db = await openLibrary();
  const batches = Array.from({ length: Math.ceil(papers.length / 30) }, (_, index) =>
    papers
      .slice(index * 30, index * 30 + 30)
      .map(({ id, title, abstract, authors, upvotes }) => ({ id, title, abstract, authors, upvotes })),
  );
  const ours = await timeOnce(async () => {
    for (const [index, papersOnScreen] of batches.entries()) {
      await ingestCapture(
        db,
        { viewId: `view-${index}`, pageUrl: 'https://huggingface.co/papers', papers: papersOnScreen },
        NOW,
      );
    }
  });
  db.close();
  // Baseline: the same records written with bare IndexedDB puts, one transaction per batch, no reads or merging.
  const raw = await new Promise<IDBDatabase>((resolve) => {
    const request = indexedDB.open('raw', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('papers', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
  });
  const bare = await timeOnce(async () => {
    for (const batch of batches) {
      await new Promise<void>((resolve) => {
        const tx = raw.transaction('papers', 'readwrite');
        for (const paper of batch) tx.objectStore('papers').put(paper);
        tx.oncomplete = () => resolve();
      });
    }
  });
  return { ours, bare };
}

function bundleSizes() {
  const root = path.resolve(import.meta.dirname, '../.output/chrome-mv3');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|css)$/.test(name)) files.push(full);
    }
  };
  try {
    walk(root);
  } catch {
    return [];
  }
  return files.map((file) => {
    const bytes = readFileSync(file);
    return { file: path.relative(root, file), kB: bytes.length / 1024, gzipKB: gzipSync(bytes).length / 1024 };
  });
}

async function main() {
  console.log(`Papershelf benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  for (const size of SIZES) {
    const papers = syntheticLibrary(size, Date.parse(NOW), 365);
    console.log(`## ${size.toLocaleString('en-US')} papers`);
    const search = await benchSearch(papers);
    console.log(
      `search   p50 ${ms(search.ours.p50)}  p95 ${ms(search.ours.p95)}   linear scan p50 ${ms(search.scan.p50)} p95 ${ms(search.scan.p95)}   ratio p95 ${ratio(search.ours.p95, search.scan.p95)}`,
    );
    console.log(
      `index    build ${ms(search.build)}   load snapshot ${ms(search.load)} (${ratio(search.load, search.build)} of a rebuild)   snapshot ${search.snapshotMB.toFixed(1)} MB`,
    );
    let analysis: TopicAnalysis | undefined;
    const analyse = await timeOnce(() => {
      analysis = analyzeLibrary(papers);
    });
    const ranks = [];
    for (const window of ['7d', '30d', 'all'] as const) {
      ranks.push(`${window} ${ms(await timeOnce(() => rankTopics(analysis as TopicAnalysis, { window, now: NOW })))}`);
    }
    console.log(`topics   analyse ${ms(analyse)} (once per library change)   rank ${ranks.join(', ')}`);
    const io = await benchExportImport(papers);
    console.log(
      `export   chunked ${ms(io.chunked)}   JSON.stringify ${ms(io.plain)}   ratio ${ratio(io.chunked, io.plain)}   file ${io.sizeMB.toFixed(1)} MB (${io.gzipMB.toFixed(1)} MB gzip)`,
    );
    console.log(
      `import   parse+validate ${ms(io.parse)}   JSON.parse ${ms(io.rawParse)}   ratio ${ratio(io.parse, io.rawParse)}`,
    );
    if (size <= 10_000) {
      const ingest = await benchIngest(papers);
      console.log(
        `ingest   ${ms(ingest.ours)} for ${Math.ceil(size / 30)} page views   bare IndexedDB puts ${ms(ingest.bare)}   ratio ${ratio(ingest.ours, ingest.bare)}`,
      );
    }
    console.log('');
  }
  if (process.env.BENCH_POPUP !== '0') {
    const popup = await measurePopup(Number(process.env.BENCH_POPUP_SIZE ?? 50_000));
    console.log(`## popup in headless Chromium, ${popup.papers.toLocaleString('en-US')} papers`);
    console.log(
      `first paint (first row shown) ${ms(popup.firstPaint)} with a stopped worker; ${ms(popup.firstPaintWhileIndexing)} while the worker indexes a fresh import`,
    );
    console.log(`whole library loaded ${ms(popup.complete)}   topics shown ${ms(popup.topics)} after opening`);
    console.log(
      `search (typing to results shown) p50 ${ms(summarize(popup.search).p50)}  p95 ${ms(summarize(popup.search).p95)}   first query after the worker restarted: matches shown ${ms(popup.quickSearch)}, ranked ${ms(popup.coldSearch)}`,
    );
    console.log(`import of the library file ${ms(popup.importTime)}   export ${ms(popup.exportTime)}\n`);
  }
  console.log('## built bundles (.output/chrome-mv3)');
  for (const { file, kB, gzipKB } of bundleSizes())
    console.log(`${file.padEnd(44)} ${kB.toFixed(1).padStart(7)} kB  ${gzipKB.toFixed(1).padStart(6)} kB gzip`);
}

await main();
