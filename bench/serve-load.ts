/**
 * Issue 11: the browser host under event-stream clients that never read. The host
 * (bench/serve-load-host.ts, its own process) samples every 250 ms, each sample replacing 1,000
 * connections (a delta of about 0.6 MB), while N clients hold /api/events open and read nothing.
 * Its process.memoryUsage() is read every second; getStatus is called every second and timed.
 * Baseline, in the same run: the same host with one client that reads everything. Before the
 * backpressure (issue 11), 100 such clients grew the real `telltale serve` from 180 MB to 1.4 GB
 * in 2 minutes. Targets: peak RSS and RSS growth over the window <= 2x the baseline's, every
 * getStatus answered, its median <= 100 ms (the maximum is printed: on a shared machine it carries
 * the others' load).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request, type ClientRequest } from 'node:http';
import { ROOT, sleep, stop, track, waitForLine } from './proc.js';
import { median, type BenchModule, type BenchOptions, type BenchRow } from './types.js';

const AREA = 'serve-load';
const CONNECTIONS = 1000;
const INTERVAL_MS = 250;
const STALLED = 100;
const MB = 1024 * 1024;

interface MemoryLine {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  eventClients: number;
  laggingClients: number;
  queuedEventBytes: number;
  loopMaxMs: number;
  loopP99Ms: number;
}

interface Measured {
  rssStart: number;
  rssEnd: number;
  rssPeak: number;
  heapPeak: number;
  queuedPeak: number;
  lagging: number;
  apiMedianMs: number;
  apiP99Ms: number;
  apiMaxMs: number;
  /** The host's event loop: its longest block in the window, and the worst per-second p99. */
  loopMaxMs: number;
  loopP99Ms: number;
  /** getStatus calls that failed or timed out (10 s). */
  apiFailed: number;
  /** Bytes the reading client took in. */
  readBytes: number;
}

/** The nearest-rank percentile of `values`. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** TELLTALE_BENCH_CPU_PROF=DIR: each host writes a V8 CPU profile there (open it in Chrome's DevTools). */
function profileArgs(): string[] {
  const dir = process.env.TELLTALE_BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : [];
}

function openStream(port: number, token: string, read: boolean, onBytes: (n: number) => void): ClientRequest {
  const req = request({ host: '127.0.0.1', port, path: `/api/events?token=${token}`, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
    if (!read) return void res.pause();
    res.on('data', (chunk: Buffer) => onBytes(chunk.length));
  });
  req.on('error', () => undefined);
  req.end();
  return req;
}

function timedStatus(port: number, token: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/getStatus', method: 'POST', headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : Infinity));
      },
    );
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(Infinity));
    req.end('{}');
  });
}

async function measure(stalled: number, seconds: number): Promise<Measured> {
  const host: ChildProcess = track(
    spawn(process.execPath, [...profileArgs(), '--import', 'tsx', 'bench/serve-load-host.ts', String(CONNECTIONS), String(INTERVAL_MS), String(stalled + 8)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const lines: MemoryLine[] = [];
  const streams: ClientRequest[] = [];
  try {
    const ready = await waitForLine(host, /ready (\d+) (\S+)/, 60_000, 'serve-load host');
    const port = Number(ready[1]);
    const token = ready[2] as string;
    let buffered = '';
    host.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        if (line.startsWith('{')) lines.push(JSON.parse(line) as MemoryLine);
      }
    });
    let readBytes = 0;
    streams.push(openStream(port, token, true, (n) => (readBytes += n)));
    for (let i = 0; i < stalled; i++) streams.push(openStream(port, token, false, () => undefined));
    await sleep(2000);
    const from = lines.length;
    const latencies: number[] = [];
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      latencies.push(await timedStatus(port, token));
      await sleep(1000);
    }
    const window = lines.slice(Math.max(0, from - 1));
    const peak = (pick: (line: MemoryLine) => number) => Math.max(...window.map(pick));
    return {
      rssStart: (window[0]?.rss ?? NaN) / MB,
      rssEnd: (window.at(-1)?.rss ?? NaN) / MB,
      rssPeak: peak((l) => l.rss) / MB,
      heapPeak: peak((l) => l.heapUsed) / MB,
      queuedPeak: peak((l) => l.queuedEventBytes) / MB,
      lagging: window.at(-1)?.laggingClients ?? 0,
      apiMedianMs: median(latencies),
      apiP99Ms: percentile(latencies.filter(Number.isFinite), 99),
      apiMaxMs: Math.max(...latencies.filter(Number.isFinite)),
      loopMaxMs: peak((l) => l.loopMaxMs),
      loopP99Ms: peak((l) => l.loopP99Ms),
      apiFailed: latencies.filter((ms) => !Number.isFinite(ms)).length,
      readBytes,
    };
  } finally {
    for (const stream of streams) stream.destroy();
    await stop(host);
  }
}

export const serveLoadBench: BenchModule = {
  area: AREA,
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const seconds = options.serveSeconds;
    console.log(`serve-load: ${CONNECTIONS} connections replaced every ${INTERVAL_MS} ms, watched ${seconds} s per case`);
    const reading = await measure(0, seconds);
    const loaded = await measure(STALLED, seconds);
    const note = (m: Measured) =>
      `RSS ${m.rssStart.toFixed(0)} -> ${m.rssEnd.toFixed(0)} MB, heap peak ${m.heapPeak.toFixed(0)} MB, queued peak ${m.queuedPeak.toFixed(1)} MB, ${m.lagging} lagging; reader took ${(m.readBytes / MB).toFixed(0)} MB`;
    const base = '1 reading client';
    const many = `${STALLED} non-reading + 1 reading`;
    return [
      { area: AREA, name: `RSS peak, ${base}`, value: reading.rssPeak, unit: 'MB', note: note(reading) },
      { area: AREA, name: `RSS peak, ${many}`, value: loaded.rssPeak, unit: 'MB', baseline: `RSS peak, ${base}`, baselineLabel: 'reading', target: { max: 2, of: 'ratio' }, note: note(loaded) },
      { area: AREA, name: `RSS growth, ${base}`, value: reading.rssEnd - reading.rssStart, unit: 'MB' },
      {
        area: AREA,
        name: `RSS growth, ${many}`,
        value: loaded.rssEnd - loaded.rssStart,
        unit: 'MB',
        baseline: `RSS growth, ${base}`,
        baselineLabel: 'reading',
        target: { max: 2, of: 'ratio' },
      },
      { area: AREA, name: `getStatus median, ${base}`, value: reading.apiMedianMs, unit: 'ms', },
      {
        area: AREA,
        name: `getStatus median, ${many}`,
        value: loaded.apiMedianMs,
        unit: 'ms',
        baseline: `getStatus median, ${base}`,
        baselineLabel: 'reading',
        target: { max: 100, of: 'value' },
      },
      { area: AREA, name: `getStatus p99, ${base}`, value: reading.apiP99Ms, unit: 'ms' },
      { area: AREA, name: `getStatus p99, ${many}`, value: loaded.apiP99Ms, unit: 'ms', baseline: `getStatus p99, ${base}`, baselineLabel: 'reading' },
      { area: AREA, name: `getStatus worst, ${base}`, value: reading.apiMaxMs, unit: 'ms' },
      { area: AREA, name: `getStatus worst, ${many}`, value: loaded.apiMaxMs, unit: 'ms', baseline: `getStatus worst, ${base}`, baselineLabel: 'reading' },
      { area: AREA, name: `event loop blocked, longest, ${base}`, value: reading.loopMaxMs, unit: 'ms', note: `worst per-second p99 ${reading.loopP99Ms.toFixed(0)} ms` },
      {
        area: AREA,
        name: `event loop blocked, longest, ${many}`,
        value: loaded.loopMaxMs,
        unit: 'ms',
        baseline: `event loop blocked, longest, ${base}`,
        baselineLabel: 'reading',
        note: `worst per-second p99 ${loaded.loopP99Ms.toFixed(0)} ms`,
      },
      { area: AREA, name: `getStatus failed, ${many}`, value: loaded.apiFailed, unit: 'calls', target: { max: 0, of: 'value' }, note: `of ${seconds} calls, 10 s timeout` },
    ];
  },
};
