// npm run bench — the search designs side by side, search quality against a linear scan, recommendations against
// arxiv-sanity-lite, the popup in headless Chromium, and the built bundles; all in one run, printed as markdown.
// Switches (environment):
//   BENCH_SIZES=10000,50000            libraries for the design comparison and search quality (Node)
//   BENCH_POPUP_SIZES=1000,10000,50000,100000   libraries for the popup
//   BENCH_QUERIES_PER_KIND=20                 queries of each kind in the design comparison and search quality
//   BENCH_NODE=0 / BENCH_RECOMMEND=0 / BENCH_POPUP=0   skip a part
//   BENCH_POPUP_PARTS=popup,recommend   what runs on each popup library: the popup's own measurements, the recommender's
import 'fake-indexeddb/auto';
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CAPTURES_PER_SAVE, compareDesigns, type DesignComparison } from './designs';
import { BUILD_DIR, snapshotHarness } from './extension';
import { mb, ms, pct, ratio, summarize, table } from './measure';
import { measurePopups, printPopup } from './popup';
import { type BenchQuery, KINDS, linearScan, quality, realisticQueries, scanIndex } from './queries';
import { printRecommendations } from './recommend-quality';
import { printRecommendSpeed } from './recommend-speed';
import { libraryAndCaptures } from './synthetic-library';

const sizes = (name: string, fallback: string) =>
  (process.env[name] ?? fallback).split(',').filter(Boolean).map(Number);
const SIZES = sizes('BENCH_SIZES', '10000,50000');
const POPUP_SIZES = sizes('BENCH_POPUP_SIZES', '1000,10000,50000,100000');
const NOW = '2026-11-20T12:00:00.000Z';
const count = (n: number) => n.toLocaleString('en-US');

function printDesigns(size: number, designs: DesignComparison) {
  const { previous: a, postings: b } = designs;
  console.log(`### Search index designs, ${count(size)} papers (Node, fake-indexeddb)\n`);
  console.log(
    table(
      ['', '(A) MiniSearch + JSON snapshot', '(B) postings in IndexedDB', 'B ÷ A'],
      [
        ['cold start: open + first query', ms(a.cold), ms(b.cold), ratio(b.cold, a.cold)],
        ['warm query p50', ms(a.warm.p50), ms(b.warm.p50), ratio(b.warm.p50, a.warm.p50)],
        ['warm query p95', ms(a.warm.p95), ms(b.warm.p95), ratio(b.warm.p95, a.warm.p95)],
        [
          'index on disk',
          `${mb(a.disk.total)} (${a.disk.parts})`,
          `${mb(b.disk.total)} (${b.disk.parts})`,
          ratio(b.disk.total, a.disk.total),
        ],
        ['JS heap holding the index (after GC)', mb(a.heap), mb(b.heap), ratio(b.heap, a.heap)],
        [
          `30-paper capture, one transaction (bare puts: ${ms(designs.barePut)})`,
          `${ms(a.capture)} (${a.captureParts})`,
          `${ms(b.capture)} (${ratio(b.capture, designs.barePut)} of bare puts; ${b.captureParts})`,
          ratio(b.capture, a.capture),
        ],
        ['  … work a capture leaves for later', a.later, b.later, ''],
        ['whole library indexed', `${ms(a.build)} (in memory)`, `${ms(b.build)} (the import: papers + postings)`, ''],
      ],
    ),
  );
  console.log(`\nreadTopics on (B)'s database: first ${ms(designs.topics.first)}, again ${ms(designs.topics.again)}`);
  console.log('');
}

function printQuality(
  size: number,
  queries: BenchQuery[],
  truth: string[][],
  designs: DesignComparison,
  scan: number[],
) {
  console.log(`### Search quality against a linear scan, ${count(size)} papers (${queries.length} queries)\n`);
  console.log(
    'success@5: the paper a query was drawn from is among the first five results (a misspelling: the paper whose ' +
      'title word was misspelled).\n',
  );
  const rows: [string, number[]][] = KINDS.map((kind) => [
    kind,
    queries.flatMap((query, index) => (query.kind === kind ? [index] : [])),
  ]);
  rows.push(['all', queries.map((_, index) => index)]);
  console.log(
    table(
      [
        'queries',
        'n',
        'truth size (median)',
        'B recall',
        'B all found',
        'B top 10 in truth',
        'B success@5',
        'A recall',
        'A all found',
        'A top 10 in truth',
        'A success@5',
      ],
      rows.map(([kind, picked]) => {
        const pick = <T>(list: T[]) => picked.map((index) => list[index]);
        const qs = pick(queries);
        const truths = pick(truth);
        const b = quality(qs, pick(designs.postings.results), truths);
        const a = quality(qs, pick(designs.previous.results), truths);
        const sizes = truths.map((ids) => ids.length).sort((x, y) => x - y);
        return [
          kind,
          qs.length,
          count(sizes[Math.floor(sizes.length / 2)]),
          pct(b.recall),
          pct(b.complete),
          pct(b.top10),
          pct(b.success5),
          pct(a.recall),
          pct(a.complete),
          pct(a.top10),
          pct(a.success5),
        ];
      }),
    ),
  );
  console.log(
    `\nWarm query time by kind, against a linear scan of every paper's words held in memory (no ranking, no typos):\n`,
  );
  const timing = (samples: number[], picked: readonly number[]) => {
    const { p50, p95 } = summarize(picked.map((index) => samples[index]));
    return `${ms(p50)} / ${ms(p95)}`;
  };
  console.log(
    table(
      ['queries', 'B p50 / p95', 'A p50 / p95', 'linear scan p50 / p95'],
      rows.map(([kind, picked]) => [
        kind,
        timing(designs.postings.samples, picked),
        timing(designs.previous.samples, picked),
        timing(scan, picked),
      ]),
    ),
  );
  console.log(
    `\nexamples: ${queries
      .slice(0, 12)
      .map((query) => `“${query.query}”`)
      .join(', ')}\n`,
  );
}

async function benchNode(size: number) {
  const { papers, captures } = libraryAndCaptures(size, Date.parse(NOW), 7);
  const queries = realisticQueries(papers, Number(process.env.BENCH_QUERIES_PER_KIND ?? 20));
  const index = scanIndex(papers);
  const truth = queries.map((query) => linearScan(index, query.intended));
  const scan = queries.map((query) => {
    const start = performance.now();
    linearScan(index, query.query);
    return performance.now() - start;
  });
  const designs = await compareDesigns(
    papers,
    queries.map((query) => query.query),
    captures,
    NOW,
  );
  printDesigns(size, designs);
  printQuality(size, queries, truth, designs, scan);
}

function bundleSizes(root: string) {
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
  // The build measured: the popup bench's private copy of it once that is taken.
  let builtDir = BUILD_DIR;
  const cpus = os.cpus();
  const git = (args: string) => {
    try {
      return execSync(`git ${args}`, { cwd: import.meta.dirname, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const changed = git('status --porcelain').split('\n').filter(Boolean).length;
  console.log(
    `# Papershelf benchmarks — ${new Date().toISOString()}, node ${process.version}, ${cpus.length} cores (${cpus[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`,
  );
  console.log(
    `Commit ${git('rev-parse --short HEAD') || 'unknown'}${changed ? ` with ${changed} changed files in the work tree` : ''}` +
      `; load average ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')} at the start.\n`,
  );
  if (process.env.BENCH_NODE !== '0') {
    console.log(`## Search: the previous design (A) against the postings (B)\n`);
    console.log(
      `(A)'s capture pays one snapshot save per ${CAPTURES_PER_SAVE === 1 ? 'capture' : `${CAPTURES_PER_SAVE} captures`} (BENCH_CAPTURES_PER_SAVE).\n`,
    );
    for (const size of SIZES) await benchNode(size);
  }
  if (process.env.BENCH_RECOMMEND !== '0') printRecommendations();
  if (process.env.BENCH_POPUP !== '0') {
    console.log('## The popup in headless Chromium\n');
    const { harness, extensionDir } = await snapshotHarness();
    builtDir = extensionDir;
    const runs = await measurePopups(POPUP_SIZES, harness.launchExtension);
    printPopup(runs.flatMap((run) => run.popup ?? []));
    printRecommendSpeed(runs.flatMap((run) => run.recommend ?? []));
  }
  console.log('## Built bundles (.output/chrome-mv3)\n');
  console.log(
    table(
      ['file', 'size', 'gzip'],
      bundleSizes(builtDir).map(({ file, kB, gzipKB }) => [file, `${kB.toFixed(1)} kB`, `${gzipKB.toFixed(1)} kB`]),
    ),
  );
}

await main();
