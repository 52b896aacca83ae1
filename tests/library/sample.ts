// Two papers as a daily page shows them, the batches of their page views, and the library's papers read back.

import { toPaper } from '@/lib/library/stored';
import type { CaptureBatch } from '@/lib/paper';
import type { LibraryDB } from '@/lib/writes/db';

const PAGE = 'https://huggingface.co/papers/date/2024-08-01';
export const A = { id: '2407.21783', title: 'The Llama 3 Herd of Models', upvotes: 94 };
export const B = { id: '2407.21705', title: 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation' };
/** One page view's capture of `papers`. */
export const batch = (viewId: string, papers = [A, B]): CaptureBatch => ({ viewId, pageUrl: PAGE, papers });
/** Midnight UTC of a day in January 2026. */
export const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();

export const getAllPapers = async (db: LibraryDB) => (await db.getAll('papers')).map(toPaper);
