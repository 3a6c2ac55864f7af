/**
 * Precise capture (issue 14): a child makes 1,000 loopback TCP connections of 20 ms each, 50 per
 * second. First the full /proc sampler watches every 2 s, as the monitor does; then the fast
 * poller (TCP tables every 500 ms) too, timed per poll; then, once per repetition, while bare
 * tracefs readers run in processes of their own, as the capture helper would: the binary one
 * following each connection to its close (the default, as built in dist/), the same reader as it
 * was before it was trimmed (commit BEFORE, compiled to a temporary folder), and the text one (the
 * fallback). The first repetition also runs the app with precise capture on. Prints how many of
 * the child's connections each way saw with the right pid (and with their end), and each reader's
 * CPU time (/proc/<pid>/stat) per second of the window against an idle node's, median of the
 * repetitions with min and max, and the load average meanwhile (the machine may be shared).
 * Linux as root only; says why it skips elsewhere. Run alone: npm run bench -- precise
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { createConnectionSampler } from '../main/adapters/connections-sample.js';
import { createApp } from '../main/app/create-app.js';
import { cpuTicks, exited, ROOT, track, waitForLine } from './proc.js';
import { median, type BenchModule, type BenchRow } from './types.js';

const CONNECTIONS = 1000;
const PER_SECOND = 50;
const HOLD_MS = 20;
const POLL_MS = 2000;
const FAST_POLL_MS = 500;
const TICKS_PER_SECOND = 100;
/** The reader before it was trimmed: four reads a second, several objects per record and event. */
const BEFORE = '67a0704';
// Started readers settle (module loading, first compilations) before a window opens.
const WARM_UP_MS = 3000;

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

/**
 * A capture adapter (`adapter`: the module's URL) in a process of its own (instance named apart so
 * several can run), with `reader`: counts established connections and ends per pid, prints them on SIGUSR2.
 */
function captureProcess(reader: 'raw' | 'text', label: string, adapter: string) {
  const code = `
    const { startTraceCapture } = await import(${JSON.stringify(adapter)});
    const counts = { established: {}, closed: {} };
    const add = (kind, pid) => (counts[kind][pid] = (counts[kind][pid] ?? 0) + 1);
    const capture = await startTraceCapture({
      name: 'telltale-bench-${label}-' + process.pid,
      reader: '${reader}',
      onEvent: (e) => { if (e.type === 'established') add('established', e.pid); },
      onEnd: (e) => add('closed', e.pid),
      onError: (e) => console.error(e.message),
    });
    if ('unavailable' in capture) { console.log('unavailable ' + capture.unavailable); process.exit(0); }
    process.on('SIGUSR2', async () => { await capture.stop(); console.log('counts ' + JSON.stringify(counts)); process.exit(0); });
    console.log('ready ' + capture.reader);`;
  return track(spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] }));
}

interface ReaderCounts {
  established: Record<string, number>;
  closed: Record<string, number>;
}

/**
 * The capture adapter as it was at `ref`, its TypeScript transpiled file by file (as tsc emits
 * it) into a temporary folder: its URL and the folder, or why git could not give it.
 */
function adapterAt(ref: string): { url: string; dir: string } | { why: string } {
  const archive = spawnSync('git', ['-C', ROOT, 'archive', ref, 'main/adapters', 'main/core/connections', 'common'], { maxBuffer: 256 * 1024 * 1024 });
  if (archive.status !== 0) return { why: `git archive ${ref}: ${archive.stderr?.toString().trim() || archive.error?.message || 'failed'}` };
  const dir = mkdtempSync(join(tmpdir(), 'telltale-bench-before-'));
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) return { why: `tar: ${untar.stderr?.toString().trim() || 'failed'}` };
  const compile = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) compile(path);
      else if (entry.name.endsWith('.ts')) {
        const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path.replace(/\.ts$/, '.js'), outputText);
      }
    }
  };
  compile(dir);
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  return { url: pathToFileURL(join(dir, 'main', 'adapters', 'trace-capture.js')).href, dir };
}

/** The 1-minute load average now. */
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'latin1').split(' ')[0]);

const fixed2 = (values: number[]) => `min ${Math.min(...values).toFixed(2)}, median ${median(values).toFixed(2)}, max ${Math.max(...values).toFixed(2)}`;

/** Distinct connections of the connector the full sampler saw with its pid, sampling every 2 s (one held 20 ms cannot span two samples). */
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

/** The same with the fast poller (the TCP tables every 500 ms, between full samples every 2 s): connections seen, and each poll's cost. */
async function fastPolled(port: number): Promise<{ seen: number; pollMs: number[] }> {
  const sampler = createConnectionSampler({ redact: (text) => text, matchTool: () => null });
  await sampler.sample();
  await sampler.pollSockets!(); // learns what is there
  const child = connector(port);
  const seen = new Set<number>();
  const pollMs: number[] = [];
  const done = exited(child);
  let running = true;
  void done.then(() => (running = false));
  for (let tick = 1; running; tick++) {
    await new Promise((resolve) => setTimeout(resolve, FAST_POLL_MS));
    if (tick % (POLL_MS / FAST_POLL_MS) === 0) await sampler.sample();
    const started = performance.now();
    const found = await sampler.pollSockets!();
    pollMs.push(performance.now() - started);
    for (const s of found) if (s.process.pid === child.pid && s.row.remotePort === port && s.row.localPort !== null) seen.add(s.row.localPort);
  }
  return { seen: seen.size, pollMs };
}

/** Attempts of the connector the app's monitor reported (precise capture on): established with its pid, and of those, with their end. */
async function preciseAttempts(port: number, child: () => ChildProcess): Promise<{ established: number; ended: number; reader: string } | string> {
  const app = createApp({ intervalMs: POLL_MS, configDir: null, history: false, precise: true });
  // Counted, not keyed by local port: 1,000 connections reuse ephemeral ports.
  let established = 0;
  let ended = 0;
  let pid = -1;
  app.monitor.on('delta', (delta) => {
    for (const e of delta.events) {
      if (e.type === 'connection-attempt' && e.attempt.pid === pid && e.attempt.remotePort === port && e.attempt.outcome === 'established') {
        established++;
        if (e.attempt.endedAt !== undefined) ended++;
      }
    }
  });
  try {
    const status = await app.captureReady;
    if (status.mode !== 'precise') return status.reason ?? 'precise capture unavailable';
    app.monitor.start();
    const running = child();
    pid = running.pid as number;
    await exited(running);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the reader's last events
    await app.monitor.sampleNow(); // the next delta carries the last ones
    return { established, ended, reader: status.reader ?? 'unknown' };
  } finally {
    await app.close();
  }
}

type Measured = 'idle' | 'raw' | 'before' | 'text';

export const preciseBench: BenchModule = {
  area: 'precise',
  async run(options): Promise<BenchRow[]> {
    const server = net.createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const before = adapterAt(BEFORE);
    try {
      const byPolling = await polled(port);
      const fast = await fastPolled(port);
      if ('why' in before) console.log(`precise: the reader before ${BEFORE} is not measured: ${before.why}`);
      const dist = pathToFileURL(`${ROOT}/dist/main/adapters/trace-capture.js`).href;
      // Started first, so their own start-up is over before the windows open.
      const processes: Partial<Record<Measured, ChildProcess>> = {
        idle: track(spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })),
        raw: captureProcess('raw', 'raw', dist),
        text: captureProcess('text', 'text', dist),
        ...('url' in before ? { before: captureProcess('raw', 'before', before.url) } : {}),
      };
      const measured = Object.keys(processes) as Measured[];
      const stopAll = () => Object.values(processes).forEach((p) => p.kill());
      for (const kind of measured.filter((k) => k !== 'idle')) {
        const [first] = await waitForLine(processes[kind]!, /^(ready \w+|unavailable .*)$/m, 20_000, `the ${kind} capture process`);
        if (first !== `ready ${kind === 'text' ? 'text' : 'raw'}`) {
          stopAll();
          console.log(`precise: skipped, the ${kind} capture process said: ${first}`);
          return [];
        }
      }
      await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));

      // Per repetition: one run of the connector, watched by the readers in their own processes
      // (their CPU is measured) and, the first time, by the app (precise capture into the monitor).
      const shares: Record<Measured, number[]> = { idle: [], raw: [], before: [], text: [] };
      const loads: number[] = [];
      const childPids: number[] = [];
      let seen: Awaited<ReturnType<typeof preciseAttempts>> | null = null;
      for (let rep = 0; rep < options.processRuns; rep++) {
        const ticks = () => Object.fromEntries(measured.map((kind) => [kind, cpuTicks(processes[kind]!.pid as number).own]));
        loads.push(loadAverage());
        const startTicks = ticks();
        const started = performance.now();
        let seconds = 0;
        const connect = () => {
          const child = connector(port);
          childPids.push(child.pid as number);
          return child;
        };
        if (rep === 0) {
          seen = await preciseAttempts(port, () => {
            const child = connect();
            void exited(child).then(() => (seconds = (performance.now() - started) / 1000));
            return child;
          });
          if (typeof seen === 'string') {
            stopAll();
            console.log(`precise: skipped, ${seen}`);
            return [];
          }
        } else {
          await exited(connect());
          seconds = (performance.now() - started) / 1000;
        }
        const endTicks = ticks();
        loads.push(loadAverage());
        for (const kind of measured) shares[kind].push((100 * (endTicks[kind]! - startTicks[kind]!)) / TICKS_PER_SECOND / seconds);
      }
      processes.idle!.kill();
      const counts: Partial<Record<Measured, ReaderCounts>> = {};
      for (const kind of measured.filter((k) => k !== 'idle')) {
        processes[kind]!.kill('SIGUSR2');
        const [, json] = await waitForLine(processes[kind]!, /^counts (.*)$/m, 10_000, `the ${kind} capture process`);
        counts[kind] = JSON.parse(json ?? '{}') as ReaderCounts;
      }
      const ofChildren = (kind: Measured, what: keyof ReaderCounts) => childPids.reduce((sum, pid) => sum + (counts[kind]?.[what][pid] ?? 0), 0);
      const total = CONNECTIONS * options.processRuns;
      const window = `${options.processRuns} runs of ${CONNECTIONS} connections; load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} on ${availableParallelism()} cores`;
      const cpuRow = (kind: Measured, name: string, note: string, extra: Partial<BenchRow> = {}): BenchRow => ({
        area: 'precise',
        name,
        value: median(shares[kind]),
        unit: '% core',
        note: `${note}; ${fixed2(shares[kind])}`,
        ...extra,
      });
      const of = (n: number) => `${n} of ${CONNECTIONS}, ${HOLD_MS} ms each, ${PER_SECOND}/s`;
      const pollCost = fast.pollMs.reduce((a, b) => a + b, 0) / fast.pollMs.length;
      const first = seen as Exclude<typeof seen, string | null>;
      const rows: BenchRow[] = [
        { area: 'precise', name: 'connections seen by polling every 2 s', value: (100 * byPolling) / CONNECTIONS, unit: '%', note: of(byPolling) },
        {
          area: 'precise',
          name: 'connections seen by fast polling every 500 ms',
          value: (100 * fast.seen) / CONNECTIONS,
          unit: '%',
          baseline: 'connections seen by polling every 2 s',
          baselineLabel: 'polling',
          note: of(fast.seen),
        },
        {
          area: 'precise',
          name: 'fast poll cost',
          value: (100 * pollCost) / FAST_POLL_MS,
          unit: '% core',
          note: `${pollCost.toFixed(2)} ms per poll, mean of ${fast.pollMs.length} (min ${Math.min(...fast.pollMs).toFixed(1)}, max ${Math.max(...fast.pollMs).toFixed(1)}) every ${FAST_POLL_MS} ms; mostly the kernel writing /proc/net/tcp{,6}`,
        },
        {
          area: 'precise',
          name: 'connections the monitor reported with precise capture, with the right pid',
          value: (100 * first.established) / CONNECTIONS,
          unit: '%',
          baseline: 'connections seen by polling every 2 s',
          baselineLabel: 'polling',
          note: `${of(first.established)}; ${first.ended} of them with their end; ${first.reader} reader; target: all of them`,
        },
        {
          area: 'precise',
          name: 'connection ends the binary reader followed',
          value: (100 * ofChildren('raw', 'closed')) / total,
          unit: '%',
          note: `${ofChildren('raw', 'established')} established and ${ofChildren('raw', 'closed')} closes of ${total}, each with the connector's pid`,
        },
        cpuRow('idle', 'idle node CPU', `${window}, /proc/<pid>/stat`),
        cpuRow('text', 'text reader CPU at 50 connections/s (the fallback)', `trace_pipe lines (the kernel keeps only changes into and out of SYN_SENT), parsed and paired by addresses; ${ofChildren('text', 'established')} of ${total} established seen`, {
          baseline: 'idle node CPU',
          baselineLabel: 'idle node',
        }),
      ];
      if (shares.before.length > 0) {
        rows.push(
          cpuRow('before', 'capture process CPU before trimming (commit ' + BEFORE + ')', `the same reader reading four times a second, building several objects per record and event; ${ofChildren('before', 'established')} established and ${ofChildren('before', 'closed')} closes of ${total}`, {
            baseline: 'idle node CPU',
            baselineLabel: 'idle node',
          }),
        );
      }
      rows.push(
        cpuRow('raw', 'capture process CPU at 50 connections/s', `binary per-CPU pages read once a second, decoded and followed by socket to their close (the kernel also passes every socket's close); ${ofChildren('raw', 'established')} established of ${total}`, {
          ...(shares.before.length > 0 ? { baseline: `capture process CPU before trimming (commit ${BEFORE})`, baselineLabel: 'before' } : { baseline: 'idle node CPU', baselineLabel: 'idle node' }),
          target: { max: 1, of: 'value', strict: true },
        }),
      );
      return rows;
    } finally {
      server.close();
      if ('dir' in before) rmSync(before.dir, { recursive: true, force: true });
    }
  },
};

