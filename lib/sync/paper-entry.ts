import { newPaper, type PaperRecord, type StoredPaper } from '@/lib/paper';
import {
  type Annotations,
  annotates,
  annotationsOf,
  FIELDS,
  type Field,
  liveRegister,
  NO_ANNOTATIONS,
  newestStamp,
  type Registers,
  type ShelfEntry,
  type Stamp,
  toIso,
  toStamp,
  valueKey,
} from './entry';

/** Between the library and the synced copy: a paper as an entry, and what a merged entry does to the paper. */

function annotationsOfPaper(paper: PaperRecord): Annotations {
  return {
    starred: paper.starred,
    tags: paper.tags,
    note: paper.note ?? null,
    readingState: paper.readingState ?? null,
  };
}

/** When the paper was last edited here: its annotation stamp, or for records from before it was kept, its last write. */
function editedAt(paper: StoredPaper): Stamp {
  const stamp = toStamp(paper.annotatedAt ?? paper.changedAt ?? paper.lastSeenAt);
  return Number.isNaN(stamp) ? 0 : stamp;
}

/**
 * What this browser holds of a paper, as an entry. `agreed` is the entry as it stood when this browser and the
 * synced copy last agreed (`clearedAt` its shard's clearing): a field that still has the agreed value keeps the
 * agreed stamp; a field changed since takes the time of the paper's last edit, and is never older than what it
 * replaced (the user saw that and changed it, whatever the clocks say). A paper gone from the library while its
 * agreed entry annotated it was removed here: a tombstone, stamped now.
 */
export function localEntry(
  paper: StoredPaper | undefined,
  agreed: ShelfEntry | undefined,
  clearedAt: Stamp,
  now: Stamp,
): ShelfEntry | undefined {
  if (!paper) {
    if (!agreed || !annotates(annotationsOf(agreed, clearedAt))) return agreed;
    return { ...agreed, removedAt: Math.max(now, newestStamp(agreed) + 1) };
  }
  const local = annotationsOfPaper(paper);
  const before = agreed ? annotationsOf(agreed, clearedAt) : undefined;
  const fields: Registers = { ...agreed?.fields };
  for (const field of FIELDS) {
    if (valueKey(local[field]) === valueKey((before ?? NO_ANNOTATIONS)[field])) continue;
    const floor = agreed ? Math.max(agreed.fields[field]?.at ?? 0, agreed.removedAt ?? 0, clearedAt) + 1 : 0;
    (fields as Record<Field, unknown>)[field] = { value: local[field], at: Math.max(editedAt(paper), floor) };
  }
  if (!agreed && Object.keys(fields).length === 0) return undefined;
  return {
    id: paper.id,
    title: paper.title,
    fields,
    ...(agreed?.removedAt === undefined ? {} : { removedAt: agreed.removedAt }),
  };
}

/** What a merged entry does to the library's record of the paper. */
export type LibraryChange = { kind: 'put'; record: PaperRecord } | { kind: 'delete'; id: string };

/** When a field got the value the entry gives it: its stamp, or the removal or clearing that emptied it. */
function setAt(entry: ShelfEntry, field: Field, clearedAt: Stamp): Stamp {
  return liveRegister(entry, field, clearedAt)?.at ?? Math.max(entry.removedAt ?? 0, clearedAt);
}

const laterIso = (a: string | null | undefined, b: string) => (a && a > b ? a : b);

/**
 * The library's record brought in line with the merged entry: a paper this browser has never shown arrives with
 * its title and annotations, marked as known only through sync; one known only through sync and annotated no
 * more goes; any other keeps everything of its own and takes the entry's annotations. null: nothing to change.
 */
export function applyEntry(
  record: StoredPaper | undefined,
  entry: ShelfEntry,
  clearedAt: Stamp,
  now: Stamp,
): LibraryChange | null {
  const target = annotationsOf(entry, clearedAt);
  if (!record) {
    if (!annotates(target) || !entry.title) return null;
    const created: PaperRecord = {
      ...newPaper(entry.id, entry.title, toIso(now)),
      recentViewIds: [],
      // The weakest source: the first page here that shows the paper gives its own title.
      titleSource: 'link',
      onlyFromSync: true,
    };
    return { kind: 'put', record: withAnnotations(created, entry, target, clearedAt, FIELDS) };
  }
  if (record.onlyFromSync && !annotates(target)) return { kind: 'delete', id: record.id };
  const current = annotationsOfPaper(record);
  const changed = FIELDS.filter((field) => valueKey(current[field]) !== valueKey(target[field]));
  if (changed.length === 0) return null;
  return { kind: 'put', record: withAnnotations({ ...record }, entry, target, clearedAt, changed) };
}

function withAnnotations(
  record: PaperRecord,
  entry: ShelfEntry,
  target: Annotations,
  clearedAt: Stamp,
  changed: readonly Field[],
): PaperRecord {
  const wasQueued = record.readingState === 'to-read' && record.queuedAt;
  Object.assign(record, target);
  const latest = Math.max(...changed.map((field) => setAt(entry, field, clearedAt)));
  record.annotatedAt = laterIso(record.annotatedAt, toIso(latest));
  // A paper queued here keeps its place; one queued elsewhere joins the queue when it was put on it there.
  record.queuedAt =
    target.readingState !== 'to-read' ? null : wasQueued || toIso(setAt(entry, 'readingState', clearedAt));
  return record;
}
