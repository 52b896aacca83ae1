// The popup bench drives a copy of the built extension: others on the machine may rebuild .output/chrome-mv3 while
// a run is under way. tests/e2e/harness.ts loads the extension from ../../.output/chrome-mv3 next to itself, so the
// copy is laid out the same way, with the harness beside it (BENCH_SHARED_OUTPUT=1 uses the build in place).
import { access, copyFile, cp, mkdir, mkdtemp, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..');
export const BUILD_DIR = path.join(REPO, '.output/chrome-mv3');

type Harness = typeof import('../tests/e2e/harness');

const complete = (dir: string) =>
  Promise.all(['manifest.json', 'popup.html', 'background.js'].map((file) => access(path.join(dir, file)))).then(
    () => true,
    () => false,
  );

/** The harness, launching a private copy of the build; and where that copy is (for bundle sizes). */
export async function snapshotHarness(): Promise<{ harness: Harness; extensionDir: string }> {
  if (process.env.BENCH_SHARED_OUTPUT === '1')
    return { harness: await import('../tests/e2e/harness'), extensionDir: BUILD_DIR };
  for (let attempt = 0; ; attempt++) {
    if (!(await complete(BUILD_DIR))) {
      if (attempt === 10) throw new Error(`No built extension at ${BUILD_DIR}: run \`npx wxt build\` first.`);
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // a build under way
      continue;
    }
    const built = (await stat(path.join(BUILD_DIR, 'manifest.json'))).mtimeMs;
    if (Date.now() - built < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 10_000)); // just built: another build may be under way
      continue;
    }
    const root = await mkdtemp(path.join(tmpdir(), 'papershelf-bench-'));
    const extensionDir = path.join(root, '.output/chrome-mv3');
    await cp(BUILD_DIR, extensionDir, { recursive: true });
    const unchanged = (await stat(path.join(BUILD_DIR, 'manifest.json')).catch(() => null))?.mtimeMs === built;
    if (!unchanged || !(await complete(extensionDir))) continue; // copied while it was being rebuilt
    await mkdir(path.join(root, 'tests/e2e'), { recursive: true });
    await copyFile(path.join(REPO, 'tests/e2e/harness.ts'), path.join(root, 'tests/e2e/harness.ts'));
    await symlink(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
    return { harness: await import(path.join(root, 'tests/e2e/harness.ts')), extensionDir };
  }
}
