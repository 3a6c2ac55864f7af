/**
 * Issue 8: what one process with a 128 KB command line (a long classpath, many -D and --flag=value
 * options, an inline JSON config) holding a connection adds to an in-process sample. Control: the
 * same load helper with a short command line, so the difference is the command line alone.
 * Rounds alternate control and long command line; each takes a few warm samples.
 * Target: < 5 ms added.
 */
import { readFileSync } from 'node:fs';
import { createSampler, samplerName, type Sampler } from './sampler.js';
import { machineLoad, startHolder } from './proc.js';
import { median, spread, timeCpu, type BenchModule, type BenchOptions, type BenchRow, type Timed } from './types.js';

const AREA = 'cmdline';
const CMDLINE_BYTES = 128 * 1024;
const SAMPLES_PER_ROUND = 3;

/** Arguments that, after `prefix`, make /proc/<pid>/cmdline exactly `total` bytes (NULs included). */
export function padding(prefix: readonly string[], total = CMDLINE_BYTES): string[] {
  const used = () => [...prefix, ...args].reduce((sum, arg) => sum + Buffer.byteLength(arg) + 1, 0);
  const args: string[] = [];
  const classpath = Array.from({ length: 600 }, (_, i) => `/opt/app/lib/module-${i}/build/libs/component-${i}-1.2.${i}.jar`).join(':');
  args.push('-cp', classpath.slice(0, 30_000));
  const config = JSON.stringify(
    Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`setting${i}`, { enabled: i % 2 === 0, url: `http://127.0.0.1:${8000 + i}/v1/path`, retries: i % 5 }])),
  );
  args.push(`--config=${config.slice(0, 30_000)}`);
  for (let i = 0; used() < total - 200; i++) {
    args.push(i % 2 ? `-Dapp.option.group${i % 37}.value${i}=/var/lib/app/cache/segment-${i}` : `--feature-flag-${i}=enabled-for-region-${i % 13}`);
  }
  const rest = total - used() - 1;
  if (rest > 0) args.push('x'.repeat(rest));
  return args;
}

async function samplesWith(sampler: Sampler, padded: boolean, into: Timed[]): Promise<number> {
  const prefix = [process.execPath, new URL('./hold-connections.mjs', import.meta.url).pathname, '1'];
  const holder = await startHolder(1, padded ? padding(prefix) : []);
  try {
    const bytes = readFileSync(`/proc/${holder.pid}/cmdline`).length;
    for (let i = 0; i < SAMPLES_PER_ROUND; i++) into.push(await timeCpu(() => sampler.take()));
    return bytes;
  } finally {
    await holder.stop();
  }
}

export const cmdlineBench: BenchModule = {
  area: AREA,
  async run(options: BenchOptions): Promise<BenchRow[]> {
    if (process.platform !== 'linux') return [];
    const sampler = createSampler();
    await sampler.take(); // cold caches (geo data) out of the way
    await sampler.take();
    const short: Timed[] = [];
    const long: Timed[] = [];
    let shortBytes = 0;
    let longBytes = 0;
    const rounds = options.quick ? 3 : 6;
    const load = machineLoad();
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so drift in the machine's load hits both alike.
      if (round % 2 === 0) {
        shortBytes = await samplesWith(sampler, false, short);
        longBytes = await samplesWith(sampler, true, long);
      } else {
        longBytes = await samplesWith(sampler, true, long);
        shortBytes = await samplesWith(sampler, false, short);
      }
    }
    const base = 'sample with a short-command-line process holding a connection';
    const longName = 'sample with a 128 KB-command-line process instead';
    const wall = (runs: Timed[]) => runs.map((run) => run.ms);
    const cpu = (runs: Timed[]) => runs.map((run) => run.cpuMs);
    const how = `difference of the medians (${rounds} rounds x ${SAMPLES_PER_ROUND} samples each)`;
    const label = 'short cmdline';
    return [
      { area: AREA, name: base, value: median(wall(short)), unit: 'ms', note: `${spread(wall(short))}; its cmdline ${shortBytes} bytes; ${load}` },
      {
        area: AREA,
        name: longName,
        value: median(wall(long)),
        unit: 'ms',
        baseline: base,
        baselineLabel: label,
        note: `${spread(wall(long))}; its cmdline ${longBytes} bytes; ${samplerName}`,
      },
      {
        area: AREA,
        name: 'added by the 128 KB command line',
        value: median(wall(long)) - median(wall(short)),
        unit: 'ms',
        baseline: base,
        baselineLabel: label,
        target: { max: 5, of: 'value', strict: true },
        note: how,
      },
      { area: AREA, name: `${base} (CPU time)`, value: median(cpu(short)), unit: 'ms', note: spread(cpu(short)) },
      {
        area: AREA,
        name: 'added by the 128 KB command line (CPU time)',
        value: median(cpu(long)) - median(cpu(short)),
        unit: 'ms',
        baseline: `${base} (CPU time)`,
        baselineLabel: `${label} CPU`,
        target: { max: 5, of: 'value', strict: true, proxy: true },
        note: `${how}; CPU time of this process: less sensitive to a busy machine`,
      },
    ];
  },
};
