import { validatePaperRecord } from '@/lib/library/validate';
import type { Paper } from '@/lib/paper';
import { cleanText } from '@/lib/text';

/** A record of the file that was not imported, and why. `index` is its position in the file. */
export interface SkippedRecord {
  index: number;
  id?: string;
  reason: string;
}

/** A record read from a file, not yet validated; `id` labels it in the report. */
export interface RecordCandidate {
  index: number;
  id?: string;
  record: unknown;
}

/** A file's records: those still to validate, and those already left out. */
export interface FileRecords {
  candidates: RecordCandidate[];
  skipped: SkippedRecord[];
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A field the object itself holds. Reading only own fields means a `__proto__` or `constructor` key in a file
 * is just data, and nothing inherited can pass for a field.
 */
export function ownField(object: JsonObject, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

/** A record's id as a short label for the import report, whatever the record holds. */
export function idLabel(value: unknown): string | undefined {
  return cleanText(value, 100) ?? undefined;
}

/**
 * Validates each candidate as a full Paper and keeps one paper per id: the later record of the file wins,
 * so the earlier one is reported as skipped. All skips come back in file order.
 */
export function collectPapers({ candidates, skipped }: FileRecords): { papers: Paper[]; skipped: SkippedRecord[] } {
  const kept = new Map<string, { index: number; paper: Paper }>();
  const reported = [...skipped];
  for (const candidate of candidates) {
    const result = validatePaperRecord(candidate.record);
    if (!result.ok) {
      reported.push({ index: candidate.index, id: candidate.id, reason: result.reason });
      continue;
    }
    const { id } = result.paper;
    const earlier = kept.get(id);
    if (earlier) {
      reported.push({ index: earlier.index, id, reason: 'duplicate id: a later record in the file replaces it' });
      kept.delete(id);
    }
    kept.set(id, { index: candidate.index, paper: result.paper });
  }
  return {
    papers: Array.from(kept.values(), ({ paper }) => paper),
    skipped: reported.sort((a, b) => a.index - b.index),
  };
}
