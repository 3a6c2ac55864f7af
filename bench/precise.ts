/**
 * Precise capture (issue 14): a child makes 1,000 loopback TCP connections of 20 ms each, 50 per
 * second, twice. The first time only the poller watches (the /proc sampler every 2 s, as the
 * monitor does); the second time the tracefs capture runs in a process of its own, as a capture
 * service would. Prints how many of the child's connections each way saw with the right pid, and
 * the capture process's CPU (from /proc/<pid>/stat) against an idle node over the same window.
 * Linux as root only; says why it skips elsewhere. Run alone: npm run bench -- precise
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { createConnectionSampler } from '../main/adapters/connections-sample.js';
import { cpuTicks, exited, ROOT, track, waitForLine } from './proc.js';
import type { BenchModule, BenchRow } from './types.js';

const CONNECTIONS = 1000;
const PER_SECOND = 50;
const HOLD_MS = 20;
const POLL_MS = 2000;
const TICKS_PER_SECOND = 100;

/** A child that opens CONNECTIONS connections to `port`, one every 1000/PER_SECOND ms, each held HOLD_MS. */
function connector(port: number) {
  const code = `
    const net = require('net'); let started = 0, done = 0;
    const end = () => { if (++done === ${CONNECTIONS}) process.exit(0); };
    const timer = setInterval(() => {
      if (started++ >= ${CONNECTIONS}) return clearInterval(timer);
      const s = net.connect(${port}, '127.0.0.1', () => setTimeout(() => { s.destroy(); end(); }, ${HOLD_MS}));
      s.on('error', end);
    }, ${1000 / PER_SECOND});`;
  return track(spawn(process.execPath, ['-e', code], { stdio: 'ignore' }));
}

/** The built capture adapter in a process of its own: counts established connections per pid, prints them on SIGUSR2. */
function captureProcess() {
  const adapter = pathToFileURL(`${ROOT}/dist/main/adapters/trace-capture.js`).href;
  const code = `
    const { startTraceCapture } = await import(${JSON.stringify(adapter)});
    const counts = {};
    const capture = await startTraceCapture({
      onEvent: (e) => { if (e.type === 'established') counts[e.pid] = (counts[e.pid] ?? 0) + 1; },
      onError: (e) => console.error(e.message),
    });
    if ('unavailable' in capture) { console.log('unavailable ' + capture.unavailable); process.exit(0); }
    process.on('SIGUSR2', async () => { await capture.stop(); console.log('counts ' + JSON.stringify(counts)); process.exit(0); });
    console.log('ready');`;
  return track(spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] }));
}

/** Distinct connections of the connector the poller saw with its pid (one held 20 ms cannot span two samples). */
async function polled(port: number): Promise<number> {
  const sampler = createConnectionSampler({ redact: (text) => text, matchTool: () => null });
  await sampler.sample(); // the first sample reads every fd once
  const child = connector(port);
  const seen = new Set<number>();
  const done = exited(child);
  let running = true;
  void done.then(() => (running = false));
  while (running) {
    for (const c of (await sampler.sample()).connections) {
      if (c.pid === child.pid && c.remotePort === port && c.localPort !== null) seen.add(c.localPort);
    }
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
  }
  return seen.size;
}

export const preciseBench: BenchModule = {
  area: 'precise',
  async run(): Promise<BenchRow[]> {
    const server = net.createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const byPolling = await polled(port);
      // Started first, so its own start-up is over before the window opens.
      const idle = track(spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }));
      const capture = captureProcess();
      const [first] = await waitForLine(capture, /^(ready|unavailable .*)$/m, 10_000, 'the capture process');
      if (first.startsWith('unavailable')) {
        idle.kill();
        console.log(`precise: skipped, capture ${first}`);
        return [];
      }
      const [captureStart, idleStart] = [cpuTicks(capture.pid as number).own, cpuTicks(idle.pid as number).own];
      const started = performance.now();
      const child = connector(port);
      await exited(child);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the last events still in the kernel's buffer
      const seconds = (performance.now() - started) / 1000;
      const share = (ticks: number) => (100 * ticks) / TICKS_PER_SECOND / seconds;
      const captureCpu = share(cpuTicks(capture.pid as number).own - captureStart);
      const idleCpu = share(cpuTicks(idle.pid as number).own - idleStart);
      idle.kill();
      capture.kill('SIGUSR2');
      const [, counts = '{}'] = await waitForLine(capture, /^counts (.*)$/m, 10_000, 'the capture process');
      const seen = (JSON.parse(counts) as Record<string, number>)[String(child.pid)] ?? 0;
      const of = (n: number) => `${n} of ${CONNECTIONS}, ${HOLD_MS} ms each, ${PER_SECOND}/s`;
      return [
        { area: 'precise', name: 'connections seen by polling every 2 s', value: (100 * byPolling) / CONNECTIONS, unit: '%', note: of(byPolling) },
        {
          area: 'precise',
          name: 'connections seen by precise capture, with the right pid',
          value: (100 * seen) / CONNECTIONS,
          unit: '%',
          baseline: 'connections seen by polling every 2 s',
          baselineLabel: 'polling',
          note: `${of(seen)}; target: all of them`,
        },
        { area: 'precise', name: 'idle node CPU', value: idleCpu, unit: '% core', note: `${seconds.toFixed(1)} s window, /proc/<pid>/stat` },
        {
          area: 'precise',
          name: 'capture process CPU at 50 connections/s',
          value: captureCpu,
          unit: '% core',
          baseline: 'idle node CPU',
          baselineLabel: 'idle node',
          target: { max: 1, of: 'value', strict: true },
          note: 'reading trace_pipe, parsing and pairing every state change (both ends of each connection)',
        },
      ];
    } finally {
      server.close();
    }
  },
};
