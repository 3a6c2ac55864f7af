/**
 * Compares the requests of a variant's runs with the baseline's, request by request and leaf by
 * leaf, ignoring what differed between identical runs (noise), and classifies what is left.
 */
import type { ProbeChange } from '../../../contract/snapshot.js';
import { classifyHunks } from './classify.js';
import { diffHunks } from './hunks.js';
import { leafKey, touches, volatileTokenAround, type FlatRun, type GroupNoise } from './noise.js';

export interface RunGroup {
  runs: readonly FlatRun[];
  noise: GroupNoise;
}

/** Location of a leaf; "#2 body.model" names the second request when a run sends several. */
export function locationOf(index: number, path: string, multi: boolean): string {
  return multi ? `#${index + 1} ${path}` : path;
}

/** A differing volatile token of digits (a timestamp that happened to match within each group). */
function isVolatileDigits(baseline: string, variant: string, change: { bStart: number; bEnd: number; vStart: number; vEnd: number }): boolean {
  const b = volatileTokenAround(baseline, change.bStart, change.bEnd);
  const v = volatileTokenAround(variant, change.vStart, change.vEnd);
  return /\d/.test(baseline.slice(b.start, b.end)) || /\d/.test(variant.slice(v.start, v.end));
}

/**
 * Changes from baseline to variant. `globalNoise` holds the leaf keys that were noisy in any group
 * of identical runs: a tool's volatile fields are a property of the tool, not of one environment.
 */
export function compareGroups(baseline: RunGroup, variant: RunGroup, globalNoise: ReadonlySet<string>): ProbeChange[] {
  const b0 = baseline.runs[0] ?? [];
  const v0 = variant.runs[0] ?? [];
  const multi = Math.max(b0.length, v0.length) > 1;
  const changes: ProbeChange[] = [];
  if (b0.length !== v0.length && !baseline.noise.countVaries && !variant.noise.countVaries) {
    changes.push({
      kind: 'text',
      location: 'requests',
      baseline: String(b0.length),
      variant: String(v0.length),
      contextBefore: '',
      contextAfter: '',
      codePoints: [],
      description: `the tool sent ${v0.length} request(s) instead of ${b0.length}`,
    });
  }
  for (let i = 0; i < Math.min(b0.length, v0.length); i++) {
    const bReq = b0[i] as Map<string, string>;
    const vReq = v0[i] as Map<string, string>;
    for (const path of new Set([...bReq.keys(), ...vReq.keys()])) {
      const key = leafKey(i, path);
      const noisy = globalNoise.has(key);
      const b = bReq.get(path);
      const v = vReq.get(path);
      if (b === v || ((b === undefined || v === undefined) && noisy)) continue;
      const bText = b ?? '';
      const vText = v ?? '';
      const hunks = diffHunks(bText, vText).filter(
        (h) => !touches(baseline.noise.spans.get(key), h.bStart, h.bEnd) && !touches(variant.noise.spans.get(key), h.vStart, h.vEnd),
      );
      for (const { change, span } of classifyHunks(locationOf(i, path, multi), bText, vText, hunks)) {
        if (noisy && change.kind === 'text' && isVolatileDigits(bText, vText, span)) continue;
        changes.push(change);
      }
    }
  }
  return changes;
}
