const MAX_IMPORT_CHARS = 512 * 1024 * 1024;
const STAGING_TTL_MS = 10 * 60_000;

interface Staged {
  fileName: string;
  parts: string[];
  chars: number;
  touchedAt: number;
}

/**
 * Holds an import file's text while a page hands it over in pieces (a message has a size limit); the background
 * then checks and commits it on its own, so closing the page after the hand-over loses nothing.
 */
export function createImportStaging(now: () => number = Date.now) {
  const imports = new Map<string, Staged>();

  function dropExpired() {
    for (const [id, staged] of imports) if (now() - staged.touchedAt > STAGING_TTL_MS) imports.delete(id);
  }

  function get(importId: string): Staged {
    const staged = imports.get(importId);
    if (!staged) throw new Error('unknown or expired import; start again');
    staged.touchedAt = now();
    return staged;
  }

  return {
    begin(fileName: string): string {
      dropExpired();
      const importId = crypto.randomUUID();
      imports.set(importId, { fileName, parts: [], chars: 0, touchedAt: now() });
      return importId;
    },
    add(importId: string, text: string): number {
      const staged = get(importId);
      if (staged.chars + text.length > MAX_IMPORT_CHARS) throw new Error('the file is too large to import');
      staged.parts.push(text);
      staged.chars += text.length;
      return staged.chars;
    },
    /** Forgets an import still being handed over; its file name if there was one (a committed one is gone already). */
    drop(importId: string): string | null {
      const staged = imports.get(importId);
      if (!staged) return null;
      imports.delete(importId);
      return staged.fileName;
    },
    take(importId: string): { fileName: string; text: string } {
      const { fileName, parts } = get(importId);
      imports.delete(importId);
      return { fileName, text: parts.join('') };
    },
  };
}
