/**
 * Issue 8: one steady-state sample in-process with warm caches at ~10k sockets (the tray monitor's
 * cost per interval). The sampler comes from bench/sampler.ts (one import to swap). Baseline: one
 * readFileSync pass over /proc/net/{tcp,tcp6,udp,udp6}, the least any sampler must do.
 * Target: the median of the warm samples < 40 ms.
 */
import { readFileSync } from 'node:fs';
import { createSampler, samplerName, type Sampler } from './sampler.js';
import { machineLoad, startHolder } from './proc.js';
import { median, spread, timeCpu, type BenchModule, type BenchOptions, type BenchRow, type Timed } from './types.js';

const AREA = 'sample';
const WARM_SAMPLES = 10;
const TABLES = ['tcp', 'tcp6', 'udp', 'udp6'].map((table) => `/proc/net/${table}`);

/** The irreducible part: reading every socket table once. */
export function readSocketTables(): number {
  let bytes = 0;
  for (const path of TABLES) {
    try {
      bytes += readFileSync(path, 'latin1').length;
    } catch {
      // No IPv6 tables: nothing to read.
    }
  }
  return bytes;
}

/** Median of each stage in `timings` over the samples, when the sampler reports them. */
function stageNote(results: unknown[]): string {
  const stages = new Map<string, number[]>();
  for (const result of results) {
    const timings = (result as { timings?: Record<string, number> } | null)?.timings;
    if (!timings || typeof timings !== 'object') continue;
    for (const [stage, ms] of Object.entries(timings)) {
      if (typeof ms === 'number' && stage !== 'total') stages.set(stage, [...(stages.get(stage) ?? []), ms]);
    }
  }
  if (stages.size === 0) return '';
  const parts = [...stages].map(([stage, values]) => [stage, median(values)] as const).sort((a, b) => b[1] - a[1]);
  return `; stages (median ms, concurrent): ${parts.map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`).join(', ')}`;
}

/** The first sample and `count` warm ones, each timed; the results are kept for their timings. */
export async function timeSamples(sampler: Sampler, count: number): Promise<{ first: Timed; warm: Timed[]; results: unknown[] }> {
  const results: unknown[] = [];
  const first = await timeCpu(async () => results.push(await sampler.take()));
  const warm: Timed[] = [];
  for (let i = 0; i < count; i++) warm.push(await timeCpu(async () => results.push(await sampler.take())));
  return { first, warm, results };
}

export const sampleBench: BenchModule = {
  area: AREA,
  async run(options: BenchOptions): Promise<BenchRow[]> {
    if (process.platform !== 'linux') return [];
    const holder = await startHolder(options.largeConnections);
    try {
      const load = `${machineLoad()} (${holder.sockets} sockets held by the load helper)`;
      const sampler = createSampler();
      const { first, warm, results } = await timeSamples(sampler, WARM_SAMPLES);
      // Baseline after the samples, with the same number of runs and the tables equally warm.
      const tables: Timed[] = [];
      for (let i = 0; i < WARM_SAMPLES; i++) tables.push(await timeCpu(async () => readSocketTables()));
      const base = 'read /proc/net/{tcp,tcp6,udp,udp6} once';
      const baseCpu = `${base} (CPU time)`;
      const wall = (runs: Timed[]) => runs.map((run) => run.ms);
      const cpu = (runs: Timed[]) => runs.map((run) => run.cpuMs);
      const label = '/proc/net read';
      return [
        { area: AREA, name: base, value: median(wall(tables)), unit: 'ms', note: `${spread(wall(tables))}; ${load}` },
        { area: AREA, name: baseCpu, value: median(cpu(tables)), unit: 'ms', note: 'CPU time of this process meanwhile' },
        { area: AREA, name: 'first sample (cold caches)', value: first.ms, unit: 'ms', baseline: base, baselineLabel: label, note: samplerName },
        {
          area: AREA,
          name: 'steady-state sample (warm caches)',
          value: median(wall(warm)),
          unit: 'ms',
          baseline: base,
          baselineLabel: label,
          target: { max: 40, of: 'value', strict: true },
          note: `${spread(wall(warm))} after the first${stageNote(results.slice(1))}`,
        },
        {
          area: AREA,
          name: 'steady-state sample (warm caches, CPU time)',
          value: median(cpu(warm)),
          unit: 'ms',
          baseline: baseCpu,
          baselineLabel: `${label} CPU`,
          target: { max: 40, of: 'value', strict: true, proxy: true },
          note: `${spread(cpu(warm))}; CPU time of this process (all threads) during the sample: less sensitive to a busy machine`,
        },
      ];
    } finally {
      await holder.stop();
    }
  },
};
