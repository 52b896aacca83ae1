import type { Paper } from '@/lib/paper';
import { nextTask } from '@/lib/tasks';

export type PaperSource = Iterable<Paper> | AsyncIterable<Paper>;

export interface ChunkOptions {
  /** Papers per chunk (default 500). */
  chunkSize?: number;
  /** Called after each chunk with the number of papers written so far. */
  onProgress?: (written: number) => void;
}

/**
 * Renders papers to text chunks (parts for a Blob), giving the event loop a turn between chunks
 * so a 50,000-paper export does not freeze the popup.
 */
export async function* renderInChunks(
  papers: PaperSource,
  render: (paper: Paper, index: number) => string,
  { chunkSize = 500, onProgress }: ChunkOptions = {},
): AsyncGenerator<string> {
  let parts: string[] = [];
  let written = 0;
  for await (const paper of papers) {
    parts.push(render(paper, written));
    written++;
    if (parts.length < chunkSize) continue;
    yield parts.join('');
    parts = [];
    onProgress?.(written);
    await nextTask();
  }
  if (!parts.length) return;
  yield parts.join('');
  onProgress?.(written);
}
