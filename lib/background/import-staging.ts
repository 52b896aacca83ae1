import type { Paper } from '@/lib/paper';

const MAX_STAGED_PAPERS = 1_000_000;
const STAGING_TTL_MS = 10 * 60_000;

interface Staged {
  papers: Paper[];
  touchedAt: number;
}

/**
 * Holds an import's chunks until it is committed in one transaction, so a file arriving in many messages
 * still lands all at once — and a worker killed half-way leaves the library untouched.
 */
export function createImportStaging(now: () => number = Date.now) {
  const imports = new Map<string, Staged>();

  function dropExpired() {
    for (const [id, staged] of imports) if (now() - staged.touchedAt > STAGING_TTL_MS) imports.delete(id);
  }

  function get(importId: unknown): Staged {
    const staged = typeof importId === 'string' ? imports.get(importId) : undefined;
    if (!staged) throw new Error('unknown or expired import; start again');
    staged.touchedAt = now();
    return staged;
  }

  return {
    begin(): string {
      dropExpired();
      const importId = crypto.randomUUID();
      imports.set(importId, { papers: [], touchedAt: now() });
      return importId;
    },
    add(importId: unknown, papers: Paper[]): number {
      const staged = get(importId);
      if (staged.papers.length + papers.length > MAX_STAGED_PAPERS) throw new Error('import too large');
      staged.papers.push(...papers);
      return staged.papers.length;
    },
    take(importId: unknown): Paper[] {
      const { papers } = get(importId);
      imports.delete(importId as string);
      return papers;
    },
  };
}
