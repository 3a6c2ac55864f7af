import type { SnapshotDiff } from '../contract/snapshot.js';

/** True when two snapshots differ in nothing a diff lists (the CLI says "No changes", the UI "No differences"). */
export function diffIsEmpty(diff: SnapshotDiff): boolean {
  return Object.values(diff).every((value) => !Array.isArray(value) || value.length === 0);
}
