/**
 * Issue 8: what `telltale serve --interval 2` (the monitor left running) costs, at ~1k and ~10k
 * sockets. The server runs as a child (no browser); after a warm-up of one interval its CPU time
 * (/proc/<pid>/stat utime+stime, ticks of 1/100 s) and RSS (/proc/<pid>/status VmRSS) are read at
 * the start and end of the window, RSS also every 5 s. Baseline, watched over the same window: an
 * idle `node -e "setInterval(()=>{},2000)"`. Targets: CPU <= 1 % of one core at 1k sockets,
 * <= 5 % at 10k, RSS not growing (<= 5 MB between the start and the end of the window).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpuTicks, CLK_TCK, distBuilt, machineLoad, ROOT, rssMb, sleep, startHolder, stop, TELLTALE, track, waitForLine, type CpuTicks } from './proc.js';
import type { BenchModule, BenchOptions, BenchRow } from './types.js';

const AREA = 'serve';
const INTERVAL_S = 2;
const RSS_EVERY_MS = 5000;
/** "Not growing": the end of the window within this many MB of its start. */
const RSS_GROWTH_MAX_MB = 5;

interface Watched {
  cpuPercent: number;
  childrenCpuPercent: number;
  rssStart: number;
  rssEnd: number;
  rssMax: number;
  /** Mean of the last samples minus mean of the first ones (up to 3 each), MB. */
  growth: number;
  /** Least-squares slope over all samples, MB per minute. */
  slopePerMin: number;
  samples: number;
}

/** Reads CPU and RSS of `pids` at the start, every 5 s, and at the end of `seconds`. */
async function watch(pids: readonly number[], seconds: number): Promise<Watched[]> {
  const startTicks = pids.map(cpuTicks);
  const started = performance.now();
  const rss: Array<Array<{ t: number; mb: number }>> = pids.map(() => []);
  const sampleRss = () => pids.forEach((pid, i) => rss[i]?.push({ t: (performance.now() - started) / 1000, mb: rssMb(pid) }));
  sampleRss();
  const end = started + seconds * 1000;
  while (performance.now() < end) {
    await sleep(Math.min(RSS_EVERY_MS, end - performance.now()));
    sampleRss();
  }
  const wall = (performance.now() - started) / 1000;
  const endTicks = pids.map(cpuTicks);
  return pids.map((_, i) => {
    const a = startTicks[i] as CpuTicks;
    const b = endTicks[i] as CpuTicks;
    const series = rss[i] ?? [];
    const k = Math.max(1, Math.min(3, Math.floor(series.length / 2)));
    const mean = (points: typeof series) => points.reduce((sum, p) => sum + p.mb, 0) / points.length;
    const tMean = series.reduce((s, p) => s + p.t, 0) / series.length;
    const yMean = mean(series);
    const sxx = series.reduce((s, p) => s + (p.t - tMean) ** 2, 0);
    const sxy = series.reduce((s, p) => s + (p.t - tMean) * (p.mb - yMean), 0);
    return {
      cpuPercent: ((b.own - a.own) / CLK_TCK / wall) * 100,
      childrenCpuPercent: ((b.children - a.children) / CLK_TCK / wall) * 100,
      rssStart: series[0]?.mb ?? NaN,
      rssEnd: series[series.length - 1]?.mb ?? NaN,
      rssMax: Math.max(...series.map((p) => p.mb)),
      growth: mean(series.slice(-k)) - mean(series.slice(0, k)),
      slopePerMin: sxx > 0 ? (sxy / sxx) * 60 : 0,
      samples: series.length,
    };
  });
}

async function startServe(): Promise<ChildProcess> {
  const child = track(
    spawn(process.execPath, [TELLTALE, 'serve', '--interval', String(INTERVAL_S)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  child.stderr?.on('data', () => undefined);
  // The URL line means the server listens and the monitor has started its first sample.
  await waitForLine(child, /http:\/\/127\.0\.0\.1:\d+\//, 60_000, 'telltale serve');
  return child;
}

function rowsFor(label: string, connections: number, serve: Watched, idle: Watched, seconds: number, load: string, cpuMax: number): BenchRow[] {
  const base = (what: string) => `idle node (setInterval 2 s) ${what}, ${label}`;
  const name = (what: string) => `serve --interval ${INTERVAL_S} ${what}, ${label}`;
  const window = `${seconds} s after ${INTERVAL_S} s warm-up; ${load}`;
  return [
    { area: AREA, name: base('CPU'), value: idle.cpuPercent, unit: '% core', note: window },
    {
      area: AREA,
      name: name('CPU'),
      value: serve.cpuPercent,
      unit: '% core',
      baseline: base('CPU'),
      baselineLabel: 'idle node',
      target: { max: cpuMax, of: 'value' },
      note: `utime+stime of the serve process; ${connections} connections held`,
    },
    {
      area: AREA,
      name: name('CPU incl. commands it ran'),
      value: serve.cpuPercent + serve.childrenCpuPercent,
      unit: '% core',
      baseline: base('CPU'),
      baselineLabel: 'idle node',
      target: { max: cpuMax, of: 'value' },
      note: `+ cutime+cstime (children waited for): ${serve.childrenCpuPercent.toFixed(2)} %`,
    },
    { area: AREA, name: base('RSS'), value: idle.rssEnd, unit: 'MB', note: `VmRSS at the end of the window` },
    {
      area: AREA,
      name: name('RSS'),
      value: serve.rssEnd,
      unit: 'MB',
      baseline: base('RSS'),
      baselineLabel: 'idle node',
      note: `VmRSS at the end; ${serve.rssStart.toFixed(0)} at the start, max ${serve.rssMax.toFixed(0)}`,
    },
    { area: AREA, name: base('RSS growth'), value: idle.growth, unit: 'MB', note: `slope ${idle.slopePerMin.toFixed(2)} MB/min` },
    {
      area: AREA,
      name: name('RSS growth'),
      value: serve.growth,
      unit: 'MB',
      baseline: base('RSS growth'),
      baselineLabel: 'idle node',
      compare: 'difference',
      target: { max: RSS_GROWTH_MAX_MB, of: 'value' },
      note: `mean of last vs first samples, ${serve.samples} samples 5 s apart; slope ${serve.slopePerMin.toFixed(2)} MB/min`,
    },
  ];
}

export const serveBench: BenchModule = {
  area: AREA,
  async run(options: BenchOptions): Promise<BenchRow[]> {
    if (process.platform !== 'linux') return [];
    if (!distBuilt()) throw new Error('dist/ is not built: run `npm run build` first');
    // "~1k sockets" for 500 connections (2 sockets each), "~200 sockets" for a development run's 100.
    const label = (connections: number) =>
      2 * connections >= 1000 ? `~${Math.round((2 * connections) / 1000)}k sockets` : `~${2 * connections} sockets`;
    const sizes = [
      { label: label(options.smallConnections), connections: options.smallConnections, cpuMax: 1 },
      { label: label(options.largeConnections), connections: options.largeConnections, cpuMax: 5 },
    ];
    const rows: BenchRow[] = [];
    for (const size of sizes) {
      const holder = await startHolder(size.connections);
      let serve: ChildProcess | null = null;
      let idle: ChildProcess | null = null;
      try {
        serve = await startServe();
        idle = track(spawn(process.execPath, ['-e', 'setInterval(()=>{},2000)'], { stdio: 'ignore' }));
        await sleep(INTERVAL_S * 1000);
        const load = `${machineLoad()} at the start`;
        const [served, idled] = await watch([serve.pid as number, idle.pid as number], options.serveSeconds);
        rows.push(...rowsFor(size.label, size.connections, served as Watched, idled as Watched, options.serveSeconds, load, size.cpuMax));
      } finally {
        // SIGINT is the serve command's own way out (it closes the server cleanly).
        if (serve) await stop(serve, 'SIGINT');
        if (idle) await stop(idle);
        await holder.stop();
      }
    }
    return rows;
  },
};
