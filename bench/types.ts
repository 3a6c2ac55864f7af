/** One measured number; `baseline` names the row (same area) it is compared with. */
export interface BenchRow {
  area: string;
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  /** Extra context shown after the numbers (sizes, N). */
  note?: string;
}

/** A bench module: bench/<area>.ts exports one of these; bench/run.ts runs them all. */
export interface BenchModule {
  area: string;
  run(): Promise<BenchRow[]>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds an async call takes. */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
