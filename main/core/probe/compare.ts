/**
 * Compares the requests of a variant's runs with the baseline's, request by request and leaf by
 * leaf, ignoring what differed between identical runs (noise), and classifies what is left.
 */
import type { ProbeChange } from '../../../contract/snapshot.js';
import { alignArrays } from './align.js';
import { classifyHunks, describedChange } from './classify.js';
import { diffHunks } from './hunks.js';
import { alignRequests } from './request-align.js';
import type { LocalePair } from './localised.js';
import type { ZonePair } from './zone-shift.js';
import { leafKey, noiseKey, touches, volatileTokenAround, type FlatRun, type GroupNoise } from './noise.js';

export interface RunGroup {
  runs: readonly FlatRun[];
  noise: GroupNoise;
}

/** Location of a leaf: "POST /v1/messages #2 body.model" (slot, then path). */
export function locationOf(slot: string, path: string): string {
  return `${slot} ${path}`;
}

/** What was noisy in any group of identical runs (see compareGroups). */
export interface NoiseKeys {
  paths: ReadonlySet<string>;
  counts: ReadonlySet<string>;
}

function wholePart(slot: string, container: string, side: ReadonlyMap<string, string>, added: boolean): ProbeChange {
  const text = [...side]
    .filter(([p]) => p === container || p.startsWith(`${container}.`) || p.startsWith(`${container}[`))
    .map(([p, value]) => `${p.slice(container.length) || '(value)'}: ${value}`)
    .join('\n');
  const part = { location: locationOf(slot, container), baseline: added ? '' : text, variant: added ? text : '', contextBefore: '', contextAfter: '' };
  return describedChange(part, 'text', [], { id: added ? 'probe-change.part-added' : 'probe-change.part-dropped', part: container });
}

/** A differing volatile token of digits (a timestamp that happened to match within each group). */
function isVolatileDigits(baseline: string, variant: string, change: { bStart: number; bEnd: number; vStart: number; vEnd: number }): boolean {
  const b = volatileTokenAround(baseline, change.bStart, change.bEnd);
  const v = volatileTokenAround(variant, change.vStart, change.vEnd);
  return /\d/.test(baseline.slice(b.start, b.end)) || /\d/.test(variant.slice(v.start, v.end));
}

/** The containers a leaf path lies in, outermost first ("body", "body.tools[name=\"X\"]", ...), quotes respected. */
function containersOf(path: string): string[] {
  const out: string[] = [];
  let quoted = false;
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (c === '"' && path[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && (c === '.' || c === '[')) out.push(path.slice(0, i));
  }
  return out;
}

/**
 * The outermost container of a one-sided leaf that the other request lacks entirely (a whole tool
 * definition or system block added or dropped), or null when only the leaf itself is new.
 */
function absentContainer(path: string, other: ReadonlyMap<string, string>): string | null {
  const otherPaths = [...other.keys()];
  return (
    containersOf(path).find((c) => !otherPaths.some((p) => p === c || p.startsWith(`${c}.`) || p.startsWith(`${c}[`))) ?? null
  );
}

/**
 * Changes from baseline to variant. `globalNoise` holds the leaf keys and request kinds that were
 * noisy in any group of identical runs: a tool's volatile fields are a property of the tool, not of
 * one environment. `zones` (the TZ each side ran with) tells a local date or time from a changed one,
 * `locales` (their LANG) a date the locale writes so from a covert format switch.
 */
export function compareGroups(
  baseline: RunGroup,
  variant: RunGroup,
  globalNoise: NoiseKeys,
  zones: ZonePair | null = null,
  locales: LocalePair | null = null,
): ProbeChange[] {
  const b0 = baseline.runs[0] ?? { slots: new Map<string, Map<string, string>>(), counts: new Map<string, number>() };
  const v0Own = variant.runs[0] ?? { slots: new Map<string, Map<string, string>>(), counts: new Map<string, number>() };
  const { run: v0, originalSlot } = alignRequests(b0, v0Own);
  const changes: ProbeChange[] = [];
  for (const kind of new Set([...b0.counts.keys(), ...v0.counts.keys()])) {
    const b = b0.counts.get(kind) ?? 0;
    const v = v0.counts.get(kind) ?? 0;
    // How many tunnels a tool opens (reuse, retries) is transport, not content; the hosts it tried
    // are listed, and compared across settings, in the report's reached hosts (reach.ts).
    if (b === v || globalNoise.counts.has(kind) || kind.startsWith('CONNECT ')) continue;
    const counts = { location: `requests: ${kind}`, baseline: String(b), variant: String(v), contextBefore: '', contextAfter: '' };
    changes.push(describedChange(counts, 'text', [], { id: 'probe-change.requests', request: kind, baseline: b, variant: v }));
  }
  for (const [slot, bReq] of b0.slots) {
    const vOwn = v0.slots.get(slot);
    if (!vOwn) continue;
    // Array items compared with their counterparts by content, not position (see align.ts).
    const { variant: vReq, original } = alignArrays(bReq, vOwn);
    const wholeParts = new Set<string>();
    for (const path of new Set([...bReq.keys(), ...vReq.keys()])) {
      const key = leafKey(slot, path);
      const noisy = globalNoise.paths.has(noiseKey(slot, path));
      const b = bReq.get(path);
      const v = vReq.get(path);
      if (b === v || ((b === undefined || v === undefined) && noisy)) continue;
      const container = b === undefined ? absentContainer(path, bReq) : v === undefined ? absentContainer(path, vReq) : null;
      if (container !== null) {
        // One change for a part added or dropped whole, not one per leaf inside it.
        if (!wholeParts.has(container)) changes.push(wholePart(slot, container, b === undefined ? vReq : bReq, b === undefined));
        wholeParts.add(container);
        continue;
      }
      const bText = b ?? '';
      const vText = v ?? '';
      const vKey = leafKey(originalSlot.get(slot) ?? slot, original.get(path) ?? path);
      const hunks = diffHunks(
        bText,
        vText,
        (h) => !touches(baseline.noise.spans.get(key), h.bStart, h.bEnd) && !touches(variant.noise.spans.get(vKey), h.vStart, h.vEnd),
      );
      for (const { change, span } of classifyHunks(locationOf(slot, path), bText, vText, hunks, zones, locales)) {
        if (noisy && change.kind === 'text' && isVolatileDigits(bText, vText, span)) continue;
        changes.push(change);
      }
    }
  }
  return changes;
}
