/**
 * The incremental procfs sampler against the full scan it replaced, at 10k sockets: one child
 * holding both ends of N loopback TCP connections, plus a process with a 128 KB command line.
 * Run alone: npx tsx bench/procfs-incremental.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { createProcfsSampler } from '../main/adapters/connections-procfs.js';
import { matchProcess } from '../main/core/catalog/index.js';
import { parseProcNet } from '../main/core/connections/proc-net.js';
import { nameAndCommand, parseProcStat, socketInode } from '../main/core/connections/proc-pid.js';
import type { ConnectionSample, Protocol, SocketEndpoints } from '../main/core/connections/types.js';
import { redactText } from '../main/core/secrets/policy.js';
import { median, timeMs } from './types.js';

const CONNECTIONS = 5000;
const COLD_RUNS = 3;
const STEADY_RUNS = 10;
const BASELINE_RUNS = 5; // at most STEADY_RUNS
const LONG_COMMAND_RUNS = 15;
const TABLES: readonly Protocol[] = ['tcp', 'tcp6', 'udp', 'udp6'];

// ---------------------------------------------------------------------------------------------
// The baseline: the sampler as it was before it became incremental (commit 8e5751f), kept here
// only to be measured against. Every sample reads every pid's stat and cmdline, readlinks every
// fd, and copies the owner's name and command onto each connection. It uses today's parsers.

interface OldConnection extends SocketEndpoints {
  pid: number | null;
  process: string | null;
  command: string | null;
}

async function fullScanSample(procRoot = '/proc'): Promise<OldConnection[]> {
  const sockets = TABLES.flatMap((protocol) => {
    try {
      return parseProcNet(readFileSync(`${procRoot}/net/${protocol}`, 'utf8'), protocol).rows;
    } catch {
      return [];
    }
  });
  const wanted = new Set(sockets.map((socket) => socket.inode).filter((inode) => inode !== 0));
  const owners = new Map<number, number[]>();
  const processes = new Map<number, { name: string; command: string }>();
  const pids = readdirSync(procRoot).filter((name) => /^\d+$/.test(name));
  for (let i = 0; i < pids.length; i++) {
    if (i > 0 && i % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    const dir = `${procRoot}/${pids[i]}`;
    let stat;
    try {
      stat = parseProcStat(readFileSync(`${dir}/stat`, 'utf8'));
    } catch {
      continue;
    }
    if (!stat) continue;
    let cmdline: string | null = null;
    try {
      cmdline = readFileSync(`${dir}/cmdline`, 'utf8');
    } catch {
      // exited or hidden
    }
    processes.set(stat.pid, nameAndCommand(stat.comm, cmdline));
    let fds: string[];
    try {
      fds = readdirSync(`${dir}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`${dir}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = socketInode(target);
      if (inode === null || !wanted.has(inode)) continue;
      owners.set(inode, [...(owners.get(inode) ?? []), stat.pid]);
    }
  }
  return sockets.flatMap(({ inode, uid: _uid, ...row }): OldConnection[] => {
    const pids = inode === 0 ? undefined : owners.get(inode);
    if (!pids) return [{ pid: null, process: null, command: null, ...row }];
    return pids.map((pid) => ({ pid, process: processes.get(pid)?.name ?? null, command: processes.get(pid)?.command || null, ...row }));
  });
}

// ---------------------------------------------------------------------------------------------

function raiseFdLimitAndRun(script: string, args: string[]): ChildProcess {
  // 10k sockets need more fds than the usual soft limit of 1024: raise it as far as allowed.
  const shell = 'ulimit -n 30000 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" -e "$1" "$2"';
  return spawn('bash', ['-c', shell, process.execPath, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** A child holding both ends of `count` loopback TCP connections (2 x count sockets). */
async function startLoad(count: number): Promise<ChildProcess> {
  const script = `
    const net = require('net'); const count = Number(process.argv[1]); const held = []; let accepted = 0;
    const server = net.createServer((s) => { held.push(s); s.on('error', () => {}); if (++accepted === count) console.log('ready'); });
    server.listen(0, '127.0.0.1', async () => {
      const port = server.address().port;
      // In batches, so the listen backlog is never overrun (a dropped SYN costs a 1 s retry).
      for (let i = 0; i < count; i += 200) {
        await Promise.all(Array.from({ length: Math.min(200, count - i) }, () => new Promise((resolve) => {
          const c = net.connect(port, '127.0.0.1', resolve);
          c.on('error', (e) => { console.error(e.message); process.exit(1); });
          held.push(c);
        })));
      }
    });
    setInterval(() => {}, 1e6);`;
  return ready(raiseFdLimitAndRun(script, [String(count)]));
}

/**
 * A child with a 128 KB command line holding one connection: a Java-style class path, as language
 * servers have (two arguments of 64 KB: one may not exceed 128 KB, MAX_ARG_STRLEN).
 */
async function startLongCommand(port: number): Promise<ChildProcess> {
  const script = `require('net').connect(${port}, '127.0.0.1', () => console.log('ready')); setInterval(() => {}, 1e6);`;
  const classPath = (from: number) =>
    Array.from({ length: 2600 }, (_, i) => `/opt/lib/dependency-${from + i}.jar`).join(':').slice(0, 64 * 1024);
  return ready(spawn(process.execPath, ['-e', script, classPath(0), classPath(5000)], { stdio: ['ignore', 'pipe', 'inherit'] }));
}

function ready(child: ChildProcess): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`load child exited (${String(code)})`)));
  });
}

/** Wall-clock and CPU milliseconds (CPU time is less disturbed by a busy machine). */
interface Cost {
  wall: number;
  cpu: number;
}

async function measure(fn: () => Promise<unknown>): Promise<Cost> {
  const cpuBefore = process.cpuUsage();
  const wall = await timeMs(fn);
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function medianOf(costs: readonly Cost[]): Cost {
  return { wall: median(costs.map((c) => c.wall)), cpu: median(costs.map((c) => c.cpu)) };
}

async function medianCost(runs: number, fn: () => Promise<unknown>): Promise<Cost> {
  const costs: Cost[] = [];
  for (let i = 0; i < runs; i++) costs.push(await measure(fn));
  return medianOf(costs);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const cost = (c: Cost) => `${ms(c.wall)} (CPU ${ms(c.cpu)})`;
const delta = (a: number, b: number) => `${a - b >= 0 ? '+' : ''}${ms(a - b)}`;
const row = (label: string, value: string, note = '') => console.log(`  ${label.padEnd(44)} ${value.padStart(26)}  ${note}`.trimEnd());

const tableBuffer = Buffer.allocUnsafe(8 << 20);

/** Reads the four socket tables and does nothing with them: what the kernel costs. */
function readTables(): void {
  for (const table of TABLES) {
    const fd = openSync(`/proc/net/${table}`, 'r');
    while (readSync(fd, tableBuffer, 0, tableBuffer.length, null) > 0);
    closeSync(fd);
  }
}

export async function benchProcfsIncremental(): Promise<void> {
  if (process.platform !== 'linux') {
    console.log('procfs incremental: Linux only, skipped');
    return;
  }
  const hooks = { redact: redactText, matchTool: (p: Parameters<typeof matchProcess>[0]) => matchProcess(p) };
  const children: ChildProcess[] = [];
  const server = net.createServer((socket) => socket.on('error', () => undefined));
  try {
    children.push(await startLoad(CONNECTIONS));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

    await createProcfsSampler(hooks).sample(); // warms up the code (JIT), not the caches
    // Cold samples of new samplers, alternating with and without the real hooks so neither goes first.
    const bareTimes: Cost[] = [];
    const coldTimes: Cost[] = [];
    let sampler = createProcfsSampler(hooks);
    let first: ConnectionSample | null = null;
    for (let i = 0; i < COLD_RUNS; i++) {
      bareTimes.push(await measure(() => createProcfsSampler({ redact: (command) => command, matchTool: () => null }).sample()));
      sampler = createProcfsSampler(hooks);
      coldTimes.push(await measure(async () => (first = await sampler.sample())));
    }
    const [bare, cold] = [medianOf(bareTimes), medianOf(coldTimes)];
    const { connections, processes } = first as unknown as ConnectionSample;
    const coldCost = sampler.lastCost;
    // In blocks: the baseline's garbage would otherwise be collected during the samples measured next to it.
    const steady = await medianCost(STEADY_RUNS, () => sampler.sample());
    const steadyCost = sampler.lastCost;
    const tables = await medianCost(STEADY_RUNS, async () => readTables());
    await fullScanSample(); // warm-up
    const baseline = await medianCost(BASELINE_RUNS, fullScanSample);

    console.log(
      `procfs incremental: ${connections.length} sockets, ${processes.length} processes ` +
        `(${CONNECTIONS} loopback connections, both ends in one process), wall-clock medians`,
    );
    row('reading the four /proc/net tables alone', cost(tables), `median of ${STEADY_RUNS}: the floor of any sample`);
    row('cold first sample', cost(cold), `median of ${COLD_RUNS}; fd links read: ${coldCost.fdLinksRead}; redacts and matches every command`);
    row('cold first sample, without redact and match', cost(bare), `median of ${COLD_RUNS}: the sampler alone`);
    row('steady-state sample (warm cache)', cost(steady), `median of ${STEADY_RUNS}; fd links read in the last: ${steadyCost.fdLinksRead}`);
    row('old full-scan sampler (baseline)', cost(baseline), `median of ${BASELINE_RUNS}`);
    row('steady state vs baseline', `${(baseline.wall / steady.wall).toFixed(1)}x`, 'faster');
    row('cold first sample vs baseline', `${(baseline.wall / cold.wall).toFixed(1)}x`, baseline.wall >= cold.wall ? 'faster' : 'slower');

    const without = await medianCost(LONG_COMMAND_RUNS, () => sampler.sample());
    children.push(await startLongCommand((server.address() as net.AddressInfo).port));
    const appears = await measure(() => sampler.sample());
    const withLong = await medianCost(LONG_COMMAND_RUNS, () => sampler.sample());
    row('128 KB command line: sample where it appears', `${delta(appears.wall, without.wall)} (CPU ${delta(appears.cpu, without.cpu)})`, 'reads, redacts and matches its command once');
    row('128 KB command line: steady state', `${delta(withLong.wall, without.wall)} (CPU ${delta(withLong.cpu, without.cpu)})`, `median of ${LONG_COMMAND_RUNS} with vs without`);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchProcfsIncremental();
