/**
 * Process helpers for the whole-process benchmarks, using only public tools: Node's spawn and
 * `performance`, /usr/bin/time, /proc/<pid>/stat and /proc/<pid>/status, /proc/net/*.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where bin/ and dist/ are). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const HOLDER = fileURLToPath(new URL('./hold-connections.mjs', import.meta.url));
/** The built CLI launcher, as a user runs it. */
export const TELLTALE = join(ROOT, 'bin', 'telltale.js');
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s on every mainstream arch. */
export const CLK_TCK = 100;
/** The fd limit the load helper asks for (`ulimit -n`), or the hard limit where that is lower. */
export const HOLDER_FD_LIMIT = 30000;

export const distBuilt = (): boolean => existsSync(join(ROOT, 'dist', 'main', 'cli.js'));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** POSIX single-quoting for a bash -c command line. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

// Every child we start is killed when the bench exits, however it exits.
const live = new Set<ChildProcess>();
function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Resolves when the child exits (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Sends `signal`, then SIGKILL if the child is still there after `graceMs`. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** The first stdout line matching `pattern`; rejects if the child exits or `timeoutMs` passes first. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const done = (error: Error | null, match?: RegExpExecArray) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match as RegExpExecArray);
    };
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = pattern.exec(buffered);
      if (match) done(null, match);
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`${what} exited (${signal ?? `code ${code}`}) before printing ${pattern}`));
    const timer = setTimeout(() => done(new Error(`${what}: no ${pattern} within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

export interface Holder {
  pid: number;
  /** Sockets it holds: 2 per connection + its listener. */
  sockets: number;
  stop(): Promise<void>;
}

/**
 * Starts bench/hold-connections.mjs with a raised fd limit, holding `connections` loopback TCP
 * connections; `padding` arguments lengthen its command line. Resolves once it printed "ready".
 */
export async function startHolder(connections: number, padding: readonly string[] = []): Promise<Holder> {
  // Where even root may not raise the hard limit (a container without CAP_SYS_RESOURCE), take the
  // hard limit: 20000 is plenty for 5000 connections (10001 fds); EMFILE would say otherwise.
  const script = `ulimit -n ${HOLDER_FD_LIMIT} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  const child = track(
    spawn('bash', ['-c', script, process.execPath, HOLDER, String(connections), ...padding], {
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const timeoutMs = 30_000 + connections * 10;
  const ready = await waitForLine(child, /ready (\d+) (\d+)/, timeoutMs, `hold-connections ${connections}`).catch(async (error) => {
    await stop(child, 'SIGKILL');
    throw error;
  });
  return {
    pid: Number(ready[2]),
    sockets: Number(ready[1]),
    stop: async () => {
      child.stdin?.end();
      await stop(child);
    },
  };
}

/** Sockets on the machine right now: the rows of /proc/net/{tcp,tcp6,udp,udp6}. */
export function socketCount(): number {
  let rows = 0;
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
    try {
      const text = readFileSync(`/proc/net/${table}`, 'latin1');
      rows += Math.max(0, text.split('\n').filter((line) => line.trim()).length - 1);
    } catch {
      // No IPv6: nothing to count.
    }
  }
  return rows;
}

/** Processes on the machine right now (numeric entries of /proc). */
export function processCount(): number {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).length;
}

export interface CpuTicks {
  /** utime + stime of the process itself. */
  own: number;
  /** cutime + cstime: children it has waited for (commands the sampler ran). */
  children: number;
}

/** CPU ticks from /proc/<pid>/stat (fields 14-17, counted after the ")" closing comm). */
export function cpuTicks(pid: number): CpuTicks {
  const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const at = (n: number) => Number(fields[n - 3]);
  return { own: at(14) + at(15), children: at(16) + at(17) };
}

/** VmRSS from /proc/<pid>/status, in MB (10^6 bytes). */
export function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  return match ? (Number(match[1]) * 1024) / 1e6 : NaN;
}

export interface TimedRun {
  /** Wall time from spawn to exit (Node's performance.now). */
  ms: number;
  /** User + system CPU of the command and its children, from /usr/bin/time. */
  cpuMs: number;
  /** Largest resident set of the command or any child, from /usr/bin/time (%M). */
  maxRssMb: number;
}

const TIME = '/usr/bin/time';
export const haveTime = (): boolean => existsSync(TIME);

/**
 * Runs `argv` to completion under /usr/bin/time (stdout and stderr discarded), timing it with
 * performance.now(). Rejects on a non-zero exit.
 */
export async function runTimed(argv: readonly string[], cwd = ROOT): Promise<TimedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'telltale-bench-'));
  const out = join(dir, 'time');
  try {
    const started = performance.now();
    const child = track(spawn(TIME, ['-f', '%U %S %M', '-o', out, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'] }));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`${argv.join(' ').slice(0, 200)} exited ${code}: ${stderr.trim().slice(0, 500)}`);
    const last = readFileSync(out, 'utf8').trim().split('\n').pop() ?? '';
    const [user, sys, rssKb] = last.split(' ').map(Number);
    return { ms, cpuMs: ((user ?? NaN) + (sys ?? NaN)) * 1000, maxRssMb: ((rssKb ?? NaN) * 1024) / 1e6 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Newest modification time (ms) of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.c?ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when main/ or contract/ changed after dist/ was built: whole-process numbers would be stale. */
export function distStale(): boolean {
  if (!distBuilt()) return false;
  const built = statSync(join(ROOT, 'dist', 'main', 'cli.js')).mtimeMs;
  return Math.max(newestSource(join(ROOT, 'main')), newestSource(join(ROOT, 'contract'))) > built;
}

/** Open fds of every process we may look into: what a procfs sampler walks (readlink each). */
export function fdCount(): number {
  let fds = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      fds += readdirSync(`/proc/${name}/fd`).length;
    } catch {
      // Gone, or not ours to read.
    }
  }
  return fds;
}

/** "10002 sockets, 126 processes, 31000 fds": the machine a measurement saw. */
export function machineLoad(): string {
  return `${socketCount()} sockets, ${processCount()} processes, ${fdCount()} fds`;
}

/** Set in the re-executed bench when it runs in a network namespace of its own. */
export const NETNS_ENV = 'TELLTALE_BENCH_NETNS';

/**
 * Whether the benchmarks can run in a network namespace of their own (root, `unshare`, `ip`): then
 * the machine's sockets are exactly the load's, whatever else runs on a shared machine.
 */
export function canIsolateNetwork(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = spawnSync('unshare', ['--net', '--', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore', timeout: 10_000 });
  return probe.status === 0;
}

/**
 * Runs this same bench command again inside `unshare --net` with loopback up, and resolves to its
 * exit code. Processes stay shared (the sampler still walks every process on the machine).
 */
export function rerunInOwnNetwork(argv: readonly string[]): Promise<number> {
  const script = process.argv[1] as string;
  const child = spawn(
    'unshare',
    ['--net', '--', 'bash', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...process.execArgv, script, ...argv],
    { stdio: 'inherit', env: { ...process.env, [NETNS_ENV]: '1' } },
  );
  // Ctrl-C reaches the child too (same process group); wait for it to finish its clean-up.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal).on(signal, () => undefined);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}
