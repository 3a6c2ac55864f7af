/**
 * What a benchmark returns and how bench/run.ts prints it. Every row may name a baseline row (same
 * area, measured in the same run) and a target; run.ts prints value / baseline and whether the
 * target is met.
 */

/**
 * A goal for one row: `max` bounds the value itself (`of: 'value'`, in the row's unit) or the ratio
 * value / baseline (`of: 'ratio'`). `strict` means "<" rather than "<=".
 */
export interface Target {
  max: number;
  of: 'value' | 'ratio';
  strict?: boolean;
  /**
   * The same goal applied to a proxy (CPU time instead of wall time, which a shared machine
   * inflates): shown like any target, counted apart from the specified ones in the summary.
   */
  proxy?: boolean;
}

/** One measured number; `baseline` names the row (same area) it is compared with. */
export interface BenchRow {
  area: string;
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  /** Short name of the baseline for the ratio column ("ss+ps"); defaults to the baseline's name. */
  baselineLabel?: string;
  /**
   * How the row compares with its baseline: value / baseline (default), or value - baseline where a
   * ratio means nothing (a growth against a baseline growth of ~0).
   */
  compare?: 'ratio' | 'difference';
  target?: Target;
  /** Extra context shown after the numbers (sizes, N, min/max). */
  note?: string;
}

/** Options every benchmark gets from bench/run.ts (flags of `npm run bench -- ...`). */
export interface BenchOptions {
  /** --quick: shorter durations and fewer repetitions, for development. */
  quick: boolean;
  /** Connections the small load holds (2 sockets each): ~1k sockets by default. */
  smallConnections: number;
  /** Connections the large load holds (2 sockets each): ~10k sockets by default. */
  largeConnections: number;
  /** How long `serve` is watched per size, in seconds (60, or 15 with --quick). */
  serveSeconds: number;
  /** Repetitions for whole-process timings (5, or 3 with --quick). */
  processRuns: number;
}

/** A bench module: bench/<area>.ts exports one of these; bench/run.ts lists them by name. */
export interface BenchModule {
  area: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** "median of 5 (min 81.2, max 99.0)" for a note. */
export function spread(values: readonly number[], what = 'median'): string {
  const fixed = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
  return `${what} of ${values.length} (min ${fixed(Math.min(...values))}, max ${fixed(Math.max(...values))})`;
}

/** Milliseconds an async call takes. */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export interface Timed {
  ms: number;
  /** CPU time of this whole process (every thread) meanwhile: process.cpuUsage(). */
  cpuMs: number;
}

/** Wall and CPU milliseconds an async call takes. */
export async function timeCpu(fn: () => Promise<unknown>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The value a target is checked against: the row's value or its ratio to the baseline value. */
export function targetSubject(row: BenchRow, baseValue: number | undefined): number {
  if (!row.target) return NaN;
  if (row.target.of === 'value') return row.value;
  return baseValue !== undefined && baseValue > 0 ? row.value / baseValue : NaN;
}

/** true/false, or null when the target cannot be checked (no baseline, no number). */
export function targetMet(row: BenchRow, baseValue: number | undefined): boolean | null {
  if (!row.target) return null;
  const subject = targetSubject(row, baseValue);
  if (!Number.isFinite(subject)) return null;
  return row.target.strict ? subject < row.target.max : subject <= row.target.max;
}
