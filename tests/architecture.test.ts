// The architecture as a test: which way dependencies run, who may write the library, which modules stay free of
// the browser and the database, and that every module is tested. Imports are resolved as the compiler resolves them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { circles, importGraph, root, sources, specifiersOf } from './helpers/import-graph';

const graph = importGraph(['lib', 'components', 'entrypoints', 'tests']);
const runtimeGraph = importGraph(['lib', 'components', 'entrypoints'], { runtimeOnly: true });
const product = [...sources('lib'), ...sources('components'), ...sources('entrypoints')];

/** Every file `starts` reach through `edges`, the starts included. */
function reach(edges: Map<string, string[]>, starts: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(edges.get(file) ?? []));
  }
  return seen;
}

/** The library's writing side: only the background (and its lib/background services) may reach it. */
const WRITERS = [
  'lib/writes/db.ts',
  'lib/writes/derived.ts',
  'lib/writes/edits.ts',
  'lib/writes/ingest.ts',
  'lib/writes/migrations.ts',
  'lib/writes/removal.ts',
  'lib/writes/synced.ts',
  'lib/search/postings.ts',
  'lib/topics/tallies.ts',
];

/**
 * The layers, lowest first: plain values; the library's schema and storage; the feature modules (and the channels
 * between the extension's parts); the interface; the entry points. A module imports from its own layer or below.
 */
const LAYERS = ['values', 'storage', 'features', 'ui', 'entry'] as const;
/** Top-level lib modules that talk to the browser: the messages, preferences and status channels. */
const CHANNELS = ['lib/messages.ts', 'lib/preferences.ts', 'lib/status.ts'];

function layerOf(file: string): (typeof LAYERS)[number] {
  if (file.startsWith('entrypoints/')) return 'entry';
  if (file.startsWith('components/')) return 'ui';
  if (file.startsWith('lib/library/')) return 'storage';
  if (/^lib\/[^/]+$/.test(file) && !CHANNELS.includes(file)) return 'values';
  return 'features';
}

/**
 * Modules that reach the database, the browser's storage or its runtime; every other module under lib/ is pure
 * (the library's storage modules are all here but for its pure merge, record shapes and validation).
 */
const TOUCHES_BROWSER = {
  'lib/background/': 'the background: it opens, writes and answers for the library',
  'lib/writes/db.ts': 'opens the library for writing',
  'lib/writes/derived.ts': 'writes what is derived from papers',
  'lib/writes/edits.ts': 'writes a reader’s changes to a paper',
  'lib/library/first-screen.ts': 'reads the first screen straight from IndexedDB before the page’s code loads',
  'lib/writes/ingest.ts': 'writes papers',
  'lib/writes/migrations.ts': 'migrates the stores',
  'lib/library/read.ts': 'the list read API',
  'lib/writes/removal.ts': 'deletes papers',
  'lib/library/schema.ts': 'the stores, and the key ranges of a term’s postings and of a typo form',
  'lib/library/seen.ts': 'reads what a page view has seen before',
  'lib/writes/synced.ts': 'writes what sync brings',
  'lib/library/write-tx.ts': 'the write transaction’s type',
  'lib/transfer/auto-backup.ts': 'writes backups through the downloads API',
  'lib/transfer/export-library.ts': 'reads the papers to export from the library',
  'lib/transfer/import-library.ts': 'hands an import to the background through the runtime',
  'lib/messages.ts': 'sends messages through the runtime',
  'lib/preferences.ts': 'extension storage',
  'lib/status.ts': 'extension storage',
  'lib/recommend/early-read.ts': 'reads For you straight from IndexedDB before the page’s code loads',
  'lib/recommend/for-you.ts': 'reads For you from the library',
  'lib/recommend/nearest.ts': 'searches the library for neighbours',
  'lib/recommend/record.ts': 'reads the stored ranking',
  'lib/search/postings.ts': 'writes the postings, the term list and its typo forms',
  'lib/search/store.ts': 'the search’s storage adapter',
  'lib/sync/service.ts': 'the background’s sync: storage.sync and the library',
  'lib/sync/settings.ts': 'extension storage',
  'lib/topics/read.ts': 'reads the topic tallies',
  'lib/topics/tallies.ts': 'writes the topic tallies',
};

const declaredImpure = (file: string) =>
  Object.keys(TOUCHES_BROWSER).some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix));

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
// The database (IndexedDB itself, idb, a handle or transaction of the library) and the extension APIs.
const BROWSER_CODE =
  /\bindexedDB\b|\bIDB[A-Z]\w*|\bbrowser\.\w+|\bchrome\.\w+|\.objectStore\(|\.transaction\(|\b(?:LibraryReader|LibraryDB|WriteTx|ReadTx)\b/;
const BROWSER_IMPORT = /^(?:idb|wxt\/)/;

/** What in `file` reaches the browser or the database, if anything. */
function browserUse(file: string): string | undefined {
  const code = withoutComments(readFileSync(path.join(root, file), 'utf8'));
  return code.match(BROWSER_CODE)?.[0] ?? specifiersOf(file).find((specifier) => BROWSER_IMPORT.test(specifier));
}

/**
 * lib modules without a test file of their own (tests/<dir>/<name>.test.ts, tests/lib/<name>.test.ts for top-level
 * ones): tested through the named test (which must reach the module), or why none is needed.
 */
const TESTED_ELSEWHERE: Record<string, { by: string } | { why: string }> = {
  'lib/background/import-job.ts': { by: 'tests/background/library-service.test.ts' },
  'lib/background/message-schemas.ts': { by: 'tests/background/library-service.test.ts' },
  'lib/background/segment-merger.ts': { by: 'tests/search/search.test.ts' },
  'lib/badges/badge-text.ts': { by: 'tests/badges/seen-badges.test.ts' },
  'lib/recommend/early-read.ts': { by: 'tests/recommend/for-you.test.ts' },
  'lib/badges/page-badges.ts': { why: 'DOM wiring of the badges on the Hugging Face pages: tests/e2e/badges.e2e.ts' },
  'lib/errors.ts': { by: 'tests/background/router.test.ts' },
  'lib/io/chunks.ts': { why: 'the page side of handing a file over in pieces: tests/e2e/library.e2e.ts' },
  'lib/io/download.ts': { why: 'a Blob download from a page: tests/e2e/library.e2e.ts' },
  'lib/transfer/export-library.ts': { by: 'tests/components/menu/export-panel.test.tsx' },
  'lib/transfer/import-library.ts': {
    why: 'the page side of an import, a port and messages: tests/e2e/library.e2e.ts',
  },
  'lib/io/import-record.ts': { by: 'tests/io/import-file.test.ts' },
  'lib/writes/db.ts': { by: 'tests/writes/migrations.test.ts' },
  'lib/library/schema.ts': { by: 'tests/writes/migrations.test.ts' },
  'lib/library/stored.ts': { by: 'tests/writes/ingest.test.ts' },
  'lib/library/write-tx.ts': { why: 'types only' },
  'lib/messages.ts': { by: 'tests/badges/seen-badges.test.ts' },
  'lib/page/cards.ts': { by: 'tests/page/read-page.test.ts' },
  'lib/page/island.ts': { by: 'tests/page/read-page.test.ts' },
  'lib/paper.ts': { by: 'tests/library/merge.test.ts' },
  'lib/plural.ts': { by: 'tests/topics/rank.test.ts' },
  'lib/preferences.ts': { by: 'tests/transfer/auto-backup.test.ts' },
  'lib/recommend/features.ts': { by: 'tests/recommend/suggest.test.ts' },
  'lib/recommend/model.ts': { by: 'tests/recommend/suggest.test.ts' },
  'lib/recommend/record.ts': { by: 'tests/background/suggestions.test.ts' },
  'lib/recommend/signals.ts': { by: 'tests/recommend/suggest.test.ts' },
  'lib/search/doc-ids.ts': { by: 'tests/search/doc-scores.test.ts' },
  'lib/search/postings.ts': { by: 'tests/search/search.test.ts' },
  'lib/search/segments.ts': { by: 'tests/search/consistent-reads.test.ts' },
  'lib/search/store.ts': { by: 'tests/search/search.test.ts' },
  'lib/status.ts': { by: 'tests/components/hooks/use-library.test.ts' },
  'lib/stopwords.ts': { by: 'tests/topics/terms.test.ts' },
  'lib/sync/entry.ts': { by: 'tests/sync/merge.test.ts' },
  'lib/sync/quota.ts': { by: 'tests/sync/pack.test.ts' },
  'lib/sync/settings.ts': { by: 'tests/sync/service.test.ts' },
  'lib/text.ts': { by: 'tests/page/read-page.test.ts' },
  'lib/topics/day-record.ts': { by: 'tests/topics/tallies.test.ts' },
  'lib/topics/kept-topics.ts': { by: 'tests/components/hooks/use-topics.test.ts' },
  'lib/topics/lexicon.ts': { why: 'data: the lexicon, written by tests/topics/make-lexicon.ts from its source' },
  'lib/topics/read.ts': { by: 'tests/topics/rank.test.ts' },
  'lib/topics/stoplist.ts': { by: 'tests/topics/terms.test.ts' },
  'lib/topics/topics.ts': { by: 'tests/topics/rank.test.ts' },
  'lib/topics/words.ts': { by: 'tests/topics/terms.test.ts' },
  'lib/values.ts': { by: 'tests/library/validate.test.ts' },
};

describe('architecture', () => {
  it('has no import circles', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('runs dependencies one way: entry points → interface → features → library storage → plain values', () => {
    const upward: string[] = [];
    for (const file of product) {
      for (const target of graph.get(file) ?? []) {
        const edge = `${file} -> ${target}`;
        if (LAYERS.indexOf(layerOf(target)) > LAYERS.indexOf(layerOf(file))) upward.push(edge);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the feature folders from depending on each other in a circle', () => {
    const folderOf = (file: string) => file.split('/').slice(0, 2).join('/');
    const folders = new Map<string, string[]>();
    for (const file of sources('lib').filter((name) => layerOf(name) === 'features')) {
      const from = folderOf(file);
      const targets = (graph.get(file) ?? []).filter((target) => layerOf(target) === 'features').map(folderOf);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...targets.filter((target) => target !== from)])]);
    }
    expect(circles(folders)).toEqual([]);
  });

  it('keeps the interface’s hooks, its state and lib free of the panels; lib imports no component', () => {
    const notPanels = (file: string) => file.startsWith('components/hooks/') || file.startsWith('components/state/');
    const hooks = [...sources('components/hooks'), ...sources('components/state')];
    expect(hooks.length).toBeGreaterThan(5);
    const intoPanels = hooks.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((target) => target.startsWith('components/') && !notPanels(target))
        .map((target) => `${file} -> ${target}`),
    );
    expect(intoPanels).toEqual([]);
    const intoComponents = sources('lib').flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((target) => target.startsWith('components/'))
        .map((target) => `${file} -> ${target}`),
    );
    expect(intoComponents).toEqual([]);
    // The interface's folders (the list, the detail, the menu, the dialogs…) depend on each other one way too.
    const folderOf = (file: string) => path.dirname(file);
    const folders = new Map<string, string[]>();
    for (const file of sources('components')) {
      const targets = (graph.get(file) ?? []).filter((target) => target.startsWith('components/')).map(folderOf);
      const from = folderOf(file);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...targets.filter((target) => target !== from)])]);
    }
    expect(circles(folders)).toEqual([]);
  });

  it('lets only the background reach the library’s writing side; pages and the content script never do', () => {
    for (const writer of WRITERS) expect(existsSync(path.join(root, writer)), writer).toBe(true);
    const pages = [
      ...sources('components'),
      ...sources('entrypoints/popup'),
      ...sources('entrypoints/library'),
      ...sources('entrypoints/privacy'),
      'entrypoints/first-screen.ts',
    ];
    expect(pages.length).toBeGreaterThan(10);
    const reachedByPages = reach(runtimeGraph, pages);
    expect(WRITERS.filter((writer) => reachedByPages.has(writer))).toEqual([]);
    // The library's read API itself carries no writing code into the pages.
    expect(WRITERS.filter((writer) => reach(runtimeGraph, ['lib/library/read.ts']).has(writer))).toEqual([]);
    // A content script runs in the page's origin: a database it opened would be huggingface.co's.
    const content = sources('entrypoints').filter((name) => name.includes('content'));
    const reachedByContent = reach(runtimeGraph, content);
    expect([...reachedByContent].filter((file) => file.startsWith('lib/library/') && declaredImpure(file))).toEqual([]);
    // The background does write.
    expect(WRITERS.filter((writer) => reach(runtimeGraph, ['entrypoints/background.ts']).has(writer))).toEqual(WRITERS);
  });

  it('keeps every lib module not named as touching the browser free of the database and the extension APIs', () => {
    const impure = sources('lib').filter((file) => browserUse(file) && !declaredImpure(file));
    expect(impure.map((file) => `${file}: ${browserUse(file)}`)).toEqual([]);
    // Each one named does touch them (a stale name would let a module that no longer needs to stay impure).
    for (const name of Object.keys(TOUCHES_BROWSER).filter((prefix) => !prefix.endsWith('/')))
      expect(browserUse(name), name).toBeDefined();
  });

  it('has a mirrored test for every lib module, or a named test that reaches it, or a reason', () => {
    const mirrorOf = (file: string) => {
      const name = file.slice('lib/'.length).replace(/\.tsx?$/, '');
      const dir = name.includes('/') ? name : `lib/${name}`;
      return [`tests/${dir}.test.ts`, `tests/${dir}.test.tsx`];
    };
    const mirrored = (file: string) => mirrorOf(file).some((test) => existsSync(path.join(root, test)));
    expect(sources('lib').filter((file) => !mirrored(file) && !(file in TESTED_ELSEWHERE))).toEqual([]);
    for (const [file, cover] of Object.entries(TESTED_ELSEWHERE)) {
      expect(existsSync(path.join(root, file)), `${file} is gone`).toBe(true);
      expect(mirrored(file), `${file} now has its own test`).toBe(false);
      if ('by' in cover) expect(reach(graph, [cover.by]).has(file), `${cover.by} reaches ${file}`).toBe(true);
    }
  });
});
