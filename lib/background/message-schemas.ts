// What each message's data must be, checked by the router before any handler runs: a handler gets typed,
// normalized data, and a forged message is refused with the reason its first bad field gives.
import * as v from 'valibot';
import { annotation, arxivId, captureBatch, isoDateField, readingState, viewIdField } from '@/lib/library/validate';
import { MAX_LOOKUP_IDS, type MessageType } from '@/lib/messages';
import { record } from '@/lib/values';

const MAX_CHUNK_CHARS = 16 * 1024 * 1024;

const id = arxivId('not an arXiv id');
const text = (name: string, max: number) =>
  v.pipe(
    v.string(`${name} must be text of up to ${max} characters`),
    v.maxLength(max, `${name} must be text of up to ${max} characters`),
  );
/** An import's id as the background gave it; one it does not hold is refused by the staging. */
const importId = v.string('unknown or expired import; start again');
const starring = record({ id, starred: v.boolean('starred must be a boolean') }, 'not an object');
const LOOKUP_IDS = `ids must be an array of up to ${MAX_LOOKUP_IDS}`;
const clearsSyncedToo = record({ alsoSynced: v.literal(true) }, 'not an object');

export const MESSAGE_DATA = {
  capture: captureBatch,
  lookupSeen: record(
    {
      ids: v.pipe(
        v.array(v.unknown(), LOOKUP_IDS),
        v.maxLength(MAX_LOOKUP_IDS, LOOKUP_IDS),
        v.array(id),
        v.transform((ids) => [...new Set(ids)]),
      ),
      viewId: viewIdField,
    },
    'not an object',
  ),
  starFromPage: starring,
  setStarred: starring,
  annotate: record({ id, ...annotation.entries }, 'not an object'),
  setReadingState: record({ id, state: readingState }, 'not an object'),
  paperOpened: record({ id }, 'not an object'),
  deletePapers: record({ ids: v.array(id, 'ids must be an array') }, 'not an object'),
  purgeSeenBefore: record({ before: isoDateField('not a date') }, 'not an object'),
  // Only `alsoSynced: true` clears the synced copy too; anything else clears this browser's library alone.
  clearLibrary: v.pipe(
    v.unknown(),
    v.transform((data) => ({ alsoSynced: v.is(clearsSyncedToo, data) })),
  ),
  importBegin: record({ fileName: text('fileName', 500) }, 'not an object'),
  importChunk: record({ importId, text: text('text', MAX_CHUNK_CHARS) }, 'not an object'),
  importCommit: record({ importId }, 'not an object'),
  // A stray abandon is answered, not refused: there is nothing of it to drop.
  importAbandon: v.fallback(record({ importId }, 'not an object'), { importId: '' }),
  prepareLibrary: v.unknown(),
} satisfies Record<MessageType, v.GenericSchema>;

/** A message's data as its handler gets it, checked and normalized. */
export type CheckedData<T extends MessageType> = v.InferOutput<(typeof MESSAGE_DATA)[T]>;
