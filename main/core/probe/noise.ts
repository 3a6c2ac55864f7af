/**
 * Noise: what changes between identical runs of a tool (request ids, timestamps, uuids, durations).
 * Leaves that differ between runs of one environment are noisy; inside a noisy string only the
 * differing spans, widened to the run of characters of their own class (the seconds of a
 * timestamp, not its UTC offset; the random part of a path, not the path), are ignored. Array
 * items are matched by content first, so items that swapped places are not noise.
 */
import { alignArrays } from './align.js';
import { flattenRequest } from './flatten.js';
import { diffHunks, type Hunk } from './hunks.js';
import { alignRequests } from './request-align.js';
import { slotRequests } from './slots.js';
import type { RunRequests } from './types.js';

export interface Span {
  start: number;
  end: number;
}

/** One run flattened: its requests by slot (see slots.ts), each as path -> value, and how many of each kind. */
export interface FlatRun {
  slots: Map<string, Map<string, string>>;
  counts: Map<string, number>;
}

export interface GroupNoise {
  /** Request kinds whose count differed between identical runs. */
  counts: Set<string>;
  /** Noise keys (see noiseKey) of leaves whose value or presence differed between identical runs. */
  paths: Set<string>;
  /** Noisy spans in the first run's value of each noisy leaf. */
  spans: Map<string, Span[]>;
}

export const leafKey = (slot: string, path: string): string => `${slot}\u0000${path}`;

/**
 * Noise is learnt per request kind, not per slot: repeated requests of one kind ("… #2", "… #3")
 * share their structure, so a request id that varies in the first is noise in the third too, even
 * when no two identical runs happened to send a third.
 */
export const noiseKey = (slot: string, path: string): string => leafKey(slot.replace(/ #\d+$/, ''), path);

export function flattenRun(run: RunRequests): FlatRun {
  const slots = new Map<string, Map<string, string>>();
  const counts = new Map<string, number>();
  for (const { kind, slot, request } of slotRequests(run)) {
    slots.set(slot, flattenRequest(request));
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return { slots, counts };
}

const VOLATILE = /[A-Za-z0-9_.:+-]/;
const DIGIT = /[0-9]/;
const ALNUM = /[A-Za-z0-9]/;

/**
 * Widens [start, end) to the id- or timestamp-like token around it. Given what the other run had
 * there, it widens only over that edit's own class: digits over digits, letters and digits over
 * those; anything else over the whole token.
 */
export function volatileTokenAround(text: string, start: number, end: number, other?: string): Span {
  const edit = text.slice(start, end) + (other ?? '');
  const cls = other === undefined || edit === '' ? VOLATILE : /^[0-9]+$/.test(edit) ? DIGIT : /^[A-Za-z0-9]+$/.test(edit) ? ALNUM : VOLATILE;
  let s = start;
  let e = end;
  while (s > 0 && cls.test(text[s - 1] ?? '')) s--;
  while (e < text.length && cls.test(text[e] ?? '')) e++;
  return { start: s, end: e };
}

export function groupNoise(unaligned: readonly FlatRun[]): GroupNoise {
  const noise: GroupNoise = { counts: new Set(), paths: new Set(), spans: new Map() };
  const first = unaligned[0];
  if (!first) return noise;
  // Requests of one kind that swapped places between identical runs are not noise.
  const runs = [first, ...unaligned.slice(1).map((run) => alignRequests(first, run).run)];
  for (const kind of new Set(runs.flatMap((run) => [...run.counts.keys()]))) {
    if (runs.some((run) => run.counts.get(kind) !== first.counts.get(kind))) noise.counts.add(kind);
  }
  for (const slot of new Set(runs.flatMap((run) => [...run.slots.keys()]))) {
    // A request some runs did not send at all is count noise; its leaves are compared where present.
    const present = runs.map((run) => run.slots.get(slot)).filter((r): r is Map<string, string> => r !== undefined);
    const [base, ...others] = present;
    if (!base || others.length === 0) continue;
    // Spans are offsets into the first run's value, the one compareGroups diffs (when the first run
    // lacks the request, into the first that has it).
    for (const other of others) {
      const aligned = alignArrays(base, other).variant;
      for (const path of new Set([...base.keys(), ...aligned.keys()])) {
        const a = base.get(path);
        const b = aligned.get(path);
        if (a === b) continue;
        noise.paths.add(noiseKey(slot, path));
        if (a === undefined || b === undefined) continue;
        const key = leafKey(slot, path);
        const spans = diffHunks(a, b).map((h: Hunk) => volatileTokenAround(a, h.bStart, h.bEnd, b.slice(h.vStart, h.vEnd)));
        noise.spans.set(key, [...(noise.spans.get(key) ?? []), ...spans]);
      }
    }
  }
  return noise;
}

/** Whether [start, end) touches one of the spans (an insertion point touches a span it borders). */
export function touches(spans: readonly Span[] | undefined, start: number, end: number): boolean {
  return (spans ?? []).some((s) =>
    start === end || s.start === s.end ? start <= s.end && end >= s.start : start < s.end && end > s.start,
  );
}
