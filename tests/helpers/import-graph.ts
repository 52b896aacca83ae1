// The project's import graph as the compiler resolves it: `@/x` from the root (tsconfig paths), `./x` from the file,
// an extensionless path to its .ts/.tsx file or its index. Type-only imports count: they tie modules together too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/** Every .ts/.tsx file under `dir` (relative to the root), as root-relative paths. */
export function sources(dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const file = path.join(full, name);
    if (statSync(file).isDirectory()) return sources(path.join(dir, name));
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path.join(dir, name)] : [];
  });
}

// Static imports and re-exports (`import … from`, `export … from`, side-effect `import '…'`) and dynamic `import('…')`.
const SPECIFIER =
  /(?:^|\n)\s*(import|export)\s([^'"]*?)from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Specifier {
  specifier: string;
  /** `import type …` / `export type … from`: gone from the built code. */
  typeOnly: boolean;
}

function specifiers(file: string): Specifier[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => ({
    specifier: m[3] ?? m[4] ?? m[5],
    typeOnly: m[2] !== undefined && /^type\s/.test(m[2]),
  }));
}

/** The specifiers a file imports, as written. */
export const specifiersOf = (file: string): string[] => specifiers(file).map(({ specifier }) => specifier);

/** A specifier resolved to a project file (root-relative), or undefined for a package. */
export function resolveSpecifier(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.join(path.dirname(from), specifier);
  else return undefined;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return path.normalize(candidate);
  }
  return undefined;
}

/** Each project file under `dirs` → the project files it imports (`runtimeOnly`: leaving out type-only imports). */
export function importGraph(dirs: string[], { runtimeOnly = false } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap(sources)) {
    const targets = specifiers(file)
      .filter(({ typeOnly }) => !(runtimeOnly && typeOnly))
      .flatMap(({ specifier }) => resolveSpecifier(file, specifier) ?? []);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle's files, one strongly connected component of two or more files (or a file importing itself) each. */
export function circles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}
