/**
 * Tells apart what a variant singles out from what the tool does for any value of the factor. A
 * tool that trims its requests for every custom base URL makes the same changes for
 * api.moonshot.cn as for api.example.com; only what differs from the neutral variant can tell the
 * vendor which host it is.
 */
import type { ProbeChange } from '../../../contract/snapshot.js';

export interface VariantChanges {
  value: string;
  /** Runs that were compared; a neutral variant without any is no evidence of what the tool does. */
  runs: number;
  changes: readonly ProbeChange[];
}

/** A change's identity: where, what, and around what (description and code points follow from these). */
function identity(change: ProbeChange): string {
  return JSON.stringify([change.kind, change.location, change.baseline, change.variant, change.contextBefore, change.contextAfter]);
}

/**
 * Each variant's changes, in order, with `sharedWith` set on those that a neutral variant (one of
 * `neutralValues`) shows identically. Neutral variants keep their changes unmarked: for them the
 * changes are the news ("you use a custom base URL").
 */
export function markSharedChanges(variants: readonly VariantChanges[], neutralValues: readonly string[]): ProbeChange[][] {
  const neutral = variants
    .filter((v) => neutralValues.includes(v.value) && v.runs > 0)
    .map((v) => ({ value: v.value, ids: new Set(v.changes.map(identity)) }));
  return variants.map((variant) => {
    if (neutralValues.includes(variant.value)) return [...variant.changes];
    return variant.changes.map((change) => {
      const id = identity(change);
      const alike = neutral.find((n) => n.ids.has(id));
      return alike ? { ...change, sharedWith: alike.value } : change;
    });
  });
}

/** The changes that single the variant out (not shared with a neutral variant). */
export function ownChanges(changes: readonly ProbeChange[]): ProbeChange[] {
  return changes.filter((c) => c.sharedWith === undefined);
}
