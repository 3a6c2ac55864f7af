/**
 * The no-egress audit: runs a command under `strace -f` watching the socket calls that name a
 * destination, and finds every one that leaves the machine or asks a resolver for a name.
 *  - connect/sendto/sendmsg/sendmmsg to an AF_INET/AF_INET6 address that is not loopback: egress.
 *  - anything to port 53 (whatever the address, a local stub resolver too), or to the name-service
 *    sockets of nscd or systemd-resolved: a DNS lookup.
 *  - AF_UNIX to other paths and AF_NETLINK (the kernel: interfaces, sockets) stay on the machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { classifyAddress } from '../../common/address-class.js';

export const TRACED_CALLS = ['connect', 'sendto', 'sendmsg', 'sendmmsg'] as const;
export type TracedCall = (typeof TRACED_CALLS)[number];

/** One traced call that named a destination. */
export type SocketCall =
  | { pid: number; call: TracedCall; family: 'inet'; address: string; port: number; line: string }
  | { pid: number; call: TracedCall; family: 'unix'; path: string; line: string }
  | { pid: number; call: TracedCall; family: 'other'; name: string; line: string };

export type EgressFinding = { kind: 'dns' | 'not-loopback'; call: SocketCall };

/** Unix sockets through which glibc and systemd resolve names. */
const RESOLVER_SOCKETS = ['/var/run/nscd/socket', '/run/nscd/socket', '/run/systemd/resolve/io.systemd.Resolve'];

const CALL_LINE = new RegExp(`^(\\d+)\\s+(${TRACED_CALLS.join('|')})\\(`);
const INET = /sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/;
const INET6 = /sa_family=AF_INET6, sin6_port=htons\((\d+)\),.*?inet_pton\(AF_INET6, "([^"]+)"/;
const UNIX = /sa_family=AF_UNIX, sun_path=@?"([^"]*)"/;
const OTHER = /sa_family=(AF_[A-Z0-9]+)/;

/** The calls in strace output (`strace -f -o FILE`: one "PID call(...)" per line) that carry an address. */
export function parseStraceOutput(text: string): SocketCall[] {
  const calls: SocketCall[] = [];
  for (const line of text.split('\n')) {
    const head = CALL_LINE.exec(line);
    if (!head) continue;
    const pid = Number(head[1]);
    const call = head[2] as TracedCall;
    const inet = INET.exec(line) ?? INET6.exec(line);
    if (inet) {
      calls.push({ pid, call, family: 'inet', address: inet[2] as string, port: Number(inet[1]), line });
      continue;
    }
    const unix = UNIX.exec(line);
    if (unix) {
      calls.push({ pid, call, family: 'unix', path: unix[1] as string, line });
      continue;
    }
    const other = OTHER.exec(line);
    if (other) calls.push({ pid, call, family: 'other', name: other[1] as string, line });
  }
  return calls;
}

export function egressFindings(calls: readonly SocketCall[]): EgressFinding[] {
  return calls.flatMap((call): EgressFinding[] => {
    if (call.family === 'inet') {
      if (call.port === 53) return [{ kind: 'dns', call }];
      const kind = classifyAddress(call.address);
      // Linux connects 0.0.0.0 / :: to this host.
      return kind === 'loopback' || kind === 'unspecified' ? [] : [{ kind: 'not-loopback', call }];
    }
    if (call.family === 'unix') return RESOLVER_SOCKETS.includes(call.path) ? [{ kind: 'dns', call }] : [];
    // AF_NETLINK talks to the kernel, AF_UNSPEC disconnects a UDP socket; anything else is unknown, so flagged.
    return call.name === 'AF_NETLINK' || call.name === 'AF_UNSPEC' ? [] : [{ kind: 'not-loopback', call }];
  });
}

/** Why strace cannot audit here (not installed, or ptrace not permitted), or null when it can. */
export function straceUnavailable(): string | null {
  const run = spawnSync('strace', ['-f', '-qq', '-e', 'trace=connect', '-o', '/dev/null', '--', 'true'], { encoding: 'utf8' });
  if (run.error) return `strace is not installed (${run.error.message}); install it (Debian: apt-get install strace)`;
  if (run.status !== 0) return `strace cannot trace here (ptrace not permitted?): ${run.stderr.trim()}`;
  return null;
}

export interface AuditResult {
  /** Every traced socket call that named a destination. */
  calls: SocketCall[];
  /** The programs the traced tree executed (the command and every child), so a test can see the trace covered them. */
  programs: string[];
}

export interface AuditedProcess {
  /** strace itself; it exits when the traced command (and its children) have. */
  strace: ChildProcess;
  /** Resolves once strace has exited. */
  result(): Promise<AuditResult>;
}

const EXECVE = /^\d+\s+execve\("([^"]*)"/;

export function parseExecs(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const match = EXECVE.exec(line);
    return match && / = 0$/.test(line) ? [match[1] as string] : [];
  });
}

/** Starts `command args` under strace, writing the trace to `traceFile`. stdout/stderr are the command's. */
export function startAudited(command: string, args: readonly string[], traceFile: string, options: { env: NodeJS.ProcessEnv; cwd: string }): AuditedProcess {
  const trace = ['-f', '-qq', '-s', '0', '-e', 'signal=none', '-e', `trace=execve,${TRACED_CALLS.join(',')}`, '-o', traceFile];
  const strace = spawn('strace', [...trace, '--', command, ...args], {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => strace.once('exit', () => resolve()));
  return {
    strace,
    result: async () => {
      await exited;
      const text = await readFile(traceFile, 'utf8');
      return { calls: parseStraceOutput(text), programs: parseExecs(text) };
    },
  };
}

/** The pid of the command strace started (its child), for signalling it directly: strace itself would detach on a signal. */
export async function tracedPid(strace: ChildProcess): Promise<number> {
  for (let i = 0; i < 100; i++) {
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      // Fields after the command name (which may hold spaces): state, ppid, ...
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === strace.pid) return Number(entry);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('strace started no command');
}

/** A readable summary of findings, for a failing assertion. */
export function describeFindings(findings: readonly EgressFinding[]): string {
  return findings.map((finding) => `${finding.kind}: ${finding.call.line}`).join('\n');
}
