import { EXPORT_VERSION } from './export-json';
import type { JsonObject } from './import-record';

/** Turns an export document of version n into one of version n + 1. */
export type UpgradeStep = (document: JsonObject) => JsonObject;

/**
 * `UPGRADES[n - 1]` upgrades version n to n + 1. Version 1 is the first; a new export version
 * bumps EXPORT_VERSION and adds one step here (with a fixture of the old version in the tests).
 */
export const UPGRADES: readonly UpgradeStep[] = [];

/** Brings a document of `version` (1 ≤ version ≤ `toVersion`) up to `toVersion`, one step at a time. */
export function upgradeExport(
  document: JsonObject,
  version: number,
  toVersion = EXPORT_VERSION,
  steps: readonly UpgradeStep[] = UPGRADES,
): JsonObject {
  let upgraded = document;
  for (let from = version; from < toVersion; from++) {
    const step = steps[from - 1];
    if (!step) throw new Error(`no upgrade from export version ${from}`);
    upgraded = step(upgraded);
  }
  return upgraded;
}
