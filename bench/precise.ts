/**
 * Precise capture (issue 14): a child makes 1,000 loopback TCP connections of 20 ms each, 50 per
 * second, twice. The first time only the poller runs (the /proc sampler every 2 s, as the monitor
 * does); the second time the tracefs capture runs too. Prints how many of the child's connections
 * each way saw with the right pid, and the CPU the capture reader adds (this process's CPU in the
 * second run minus the first, same load otherwise). Linux as root only; says why it skips elsewhere.
 * Run alone: npm run bench -- precise
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { createConnectionSampler } from '../main/adapters/connections-sample.js';
import { startTraceCapture } from '../main/adapters/trace-capture.js';
import type { BenchModule, BenchRow } from './types.js';

const CONNECTIONS = 1000;
const PER_SECOND = 50;
const HOLD_MS = 20;
const POLL_MS = 2000;

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
  return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
}

interface Run {
  pid: number;
  /** Local ports of the child's connections the poller saw with the child's pid. */
  polled: Set<number>;
  cpuMs: number;
}

async function run(port: number, onChild: (pid: number) => void): Promise<Run> {
  const sampler = createConnectionSampler({ redact: (text) => text, matchTool: () => null });
  await sampler.sample(); // warm: the first sample reads every fd once
  const cpu = process.cpuUsage();
  const child = connector(port);
  const pid = child.pid ?? -1;
  onChild(pid);
  const polled = new Set<number>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    const sample = await sampler.sample();
    for (const c of sample.connections) if (c.pid === pid && c.remotePort === port && c.localPort !== null) polled.add(c.localPort);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
  }
  const used = process.cpuUsage(cpu);
  return { pid, polled, cpuMs: (used.user + used.system) / 1000 };
}

export const preciseBench: BenchModule = {
  area: 'precise',
  async run(): Promise<BenchRow[]> {
    const server = net.createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const rows: BenchRow[] = [];
    try {
      const polling = await run(port, () => undefined);
      let childPid = -1;
      // Counted per event, not per local port: 1,000 connections reuse some ephemeral ports.
      let established = 0;
      const capture = await startTraceCapture({
        onEvent: (event) => {
          if (event.type === 'established' && event.pid === childPid && event.remotePort === port) established++;
        },
        onError: (error) => console.error(`precise: ${error.message}`),
      });
      if ('unavailable' in capture) {
        console.log(`precise: skipped, capture unavailable: ${capture.unavailable}`);
        return [];
      }
      let precise: Run;
      try {
        precise = await run(port, (pid) => (childPid = pid));
        await new Promise((resolve) => setTimeout(resolve, 200)); // the last events still in the pipe
      } finally {
        await capture.stop();
      }
      const seconds = CONNECTIONS / PER_SECOND;
      const share = (n: number) => `${n} of ${CONNECTIONS}`;
      rows.push(
        { area: 'precise', name: 'connections seen by polling every 2 s', value: (100 * polling.polled.size) / CONNECTIONS, unit: '%', note: `${share(polling.polled.size)}, ${HOLD_MS} ms each, ${PER_SECOND}/s` },
        {
          area: 'precise',
          name: 'connections seen by precise capture, right pid',
          value: (100 * established) / CONNECTIONS,
          unit: '%',
          baseline: 'connections seen by polling every 2 s',
          baselineLabel: 'polling',
          note: `${share(established)}; target: all of them`,
        },
        { area: 'precise', name: 'CPU without capture (server, client, poller)', value: (100 * polling.cpuMs) / 1000 / seconds, unit: '% core', note: `${seconds} s window` },
        {
          area: 'precise',
          name: 'CPU the capture reader adds at 50 connections/s',
          value: Math.max(0, (100 * (precise.cpuMs - polling.cpuMs)) / 1000 / seconds),
          unit: '% core',
          target: { max: 1, of: 'value', strict: true },
          note: 'second run minus the first (same load otherwise)',
        },
      );
    } finally {
      server.close();
    }
    return rows;
  },
};
