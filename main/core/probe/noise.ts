/**
 * Noise: what changes between identical runs of a tool (request ids, timestamps, uuids, durations).
 * Leaves that differ between runs of one environment are noisy; inside a noisy string the
 * differing spans, widened to the whole volatile token (an id or timestamp), are ignored.
 */
import { flattenRequest } from './flatten.js';
import { diffHunks, type Hunk } from './hunks.js';
import type { RunRequests } from './types.js';

export interface Span {
  start: number;
  end: number;
}

/** One run flattened: per request index, path -> value. */
export type FlatRun = Array<Map<string, string>>;

export interface GroupNoise {
  /** Whether identical runs sent different numbers of requests. */
  countVaries: boolean;
  /** Leaf keys (see leafKey) whose value or presence differed between identical runs. */
  paths: Set<string>;
  /** Noisy spans in the first run's value of each noisy leaf. */
  spans: Map<string, Span[]>;
}

export const leafKey = (index: number, path: string): string => `${index}\u0000${path}`;

export function flattenRun(run: RunRequests): FlatRun {
  return run.map(flattenRequest);
}

const VOLATILE = /[A-Za-z0-9_.:+-]/;

/** Widens [start, end) to the id- or timestamp-like token around it. */
export function volatileTokenAround(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s > 0 && VOLATILE.test(text[s - 1] ?? '')) s--;
  while (e < text.length && VOLATILE.test(text[e] ?? '')) e++;
  return { start: s, end: e };
}

export function groupNoise(runs: readonly FlatRun[]): GroupNoise {
  const noise: GroupNoise = { countVaries: false, paths: new Set(), spans: new Map() };
  const first = runs[0];
  if (!first) return noise;
  noise.countVaries = runs.some((run) => run.length !== first.length);
  const maxLength = Math.max(...runs.map((run) => run.length));
  for (let i = 0; i < maxLength; i++) {
    const paths = new Set(runs.flatMap((run) => [...(run[i]?.keys() ?? [])]));
    for (const path of paths) {
      const values = runs.map((run) => run[i]?.get(path));
      const base = values[0];
      if (values.every((v) => v === base)) continue;
      const key = leafKey(i, path);
      noise.paths.add(key);
      if (base === undefined) continue;
      const spans = values
        .slice(1)
        .flatMap((other) => (other === undefined ? [] : diffHunks(base, other)))
        .map((h: Hunk) => volatileTokenAround(base, h.bStart, h.bEnd));
      noise.spans.set(key, spans);
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
