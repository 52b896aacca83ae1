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

/** A JSON object of a file, before any of it is trusted. */
export type JsonObject = Record<string, unknown>;

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
