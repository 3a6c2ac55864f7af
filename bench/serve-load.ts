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
}

interface Measured {
  rssStart: number;
  rssEnd: number;
  rssPeak: number;
  heapPeak: number;
  queuedPeak: number;
  lagging: number;
  apiMedianMs: number;
  apiMaxMs: number;
  /** getStatus calls that failed or timed out (10 s). */
  apiFailed: number;
  /** Bytes the reading client took in. */
  readBytes: number;
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
    spawn(process.execPath, ['--import', 'tsx', 'bench/serve-load-host.ts', String(CONNECTIONS), String(INTERVAL_MS), String(stalled + 8)], {
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
      apiMaxMs: Math.max(...latencies.filter(Number.isFinite)),
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
      { area: AREA, name: `getStatus median, ${base}`, value: reading.apiMedianMs, unit: 'ms', note: `max ${reading.apiMaxMs.toFixed(0)} ms` },
      {
        area: AREA,
        name: `getStatus median, ${many}`,
        value: loaded.apiMedianMs,
        unit: 'ms',
        baseline: `getStatus median, ${base}`,
        baselineLabel: 'reading',
        target: { max: 100, of: 'value' },
        note: `max ${loaded.apiMaxMs.toFixed(0)} ms (a shared machine's load shows here first)`,
      },
      { area: AREA, name: `getStatus failed, ${many}`, value: loaded.apiFailed, unit: 'calls', target: { max: 0, of: 'value' }, note: `of ${seconds} calls, 10 s timeout` },
    ];
  },
};
