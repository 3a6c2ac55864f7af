import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { joinSockets } from '../core/connections/join.js';
import { parseProcNet } from '../core/connections/proc-net.js';
import { parseProcStat, processFromProc, socketInode } from '../core/connections/proc-pid.js';
import type { ConnectionSample, Protocol, SocketRow } from '../core/connections/types.js';
import type { ProcessInfo } from '../core/process.js';

const TABLES: readonly Protocol[] = ['tcp', 'tcp6', 'udp', 'udp6'];
// Sync syscalls are several times faster than fs/promises on /proc; yielding every few pids
// keeps the event loop (the Electron main process) responsive.
const PIDS_PER_SLICE = 64;

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
}

const gone = (code: string) => code === 'ENOENT' || code === 'ESRCH';
const denied = (code: string) => code === 'EACCES' || code === 'EPERM';

interface PidScan {
  processes: ProcessInfo[];
  owners: Map<number, number[]>;
  exited: number;
  fdDenied: number;
  otherErrors: string[];
}

/** Reads one pid's stat, cmdline and socket fds into `scan`; a pid that vanished is counted. */
function scanPid(procRoot: string, pid: number, wanted: ReadonlySet<number>, scan: PidScan): void {
  const dir = `${procRoot}/${pid}`;
  let statText: string;
  try {
    statText = readFileSync(`${dir}/stat`, 'utf8');
  } catch (error) {
    if (gone(errorCode(error))) scan.exited++;
    else scan.otherErrors.push(`${dir}/stat: ${errorCode(error)}`);
    return;
  }
  const stat = parseProcStat(statText);
  if (!stat) {
    scan.otherErrors.push(`${dir}/stat: unrecognised format`);
    return;
  }
  let cmdline: string | null = null;
  try {
    cmdline = readFileSync(`${dir}/cmdline`, 'utf8');
  } catch {
    // Exited between the two reads, or hidden: keep the process with an empty command.
  }
  scan.processes.push(processFromProc(stat, cmdline));

  let fds: string[];
  try {
    fds = readdirSync(`${dir}/fd`);
  } catch (error) {
    const code = errorCode(error);
    if (denied(code)) scan.fdDenied++;
    else if (gone(code)) scan.exited++;
    else scan.otherErrors.push(`${dir}/fd: ${code}`);
    return;
  }
  for (const fd of fds) {
    let target: string;
    try {
      target = readlinkSync(`${dir}/fd/${fd}`);
    } catch {
      continue; // closed since the listing
    }
    const inode = socketInode(target);
    if (inode === null || !wanted.has(inode)) continue;
    const pids = scan.owners.get(inode);
    if (pids) pids.push(pid);
    else scan.owners.set(inode, [pid]);
  }
}

function readSocketTables(procRoot: string, notes: string[]): SocketRow[] {
  const sockets: SocketRow[] = [];
  for (const protocol of TABLES) {
    const path = `${procRoot}/net/${protocol}`;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      // No tcp6/udp6 when IPv6 is disabled; not an error worth more than a note.
      notes.push(`${path} unreadable (${errorCode(error)})`);
      continue;
    }
    const parsed = parseProcNet(text, protocol);
    if (parsed.malformed > 0) notes.push(`${path}: ${parsed.malformed} malformed line(s) skipped`);
    sockets.push(...parsed.rows);
  }
  return sockets;
}

/**
 * Samples sockets and processes straight from procfs: the socket tables once, then every pid's
 * stat, cmdline and fd links. Processes that exit mid-sample and fd tables we may not read are
 * counted in `notes`, never thrown. `procRoot` is "/proc" except in tests.
 */
export async function sampleProcfs(procRoot = '/proc'): Promise<ConnectionSample> {
  const notes: string[] = [];
  const sockets = readSocketTables(procRoot, notes);
  if (sockets.length === 0 && notes.length === TABLES.length) throw new Error(`${procRoot}/net: no socket table readable`);
  const wanted = new Set(sockets.map((socket) => socket.inode).filter((inode) => inode !== 0));
  const pids = readdirSync(procRoot)
    .filter((name) => /^\d+$/.test(name))
    .map(Number);

  const scan: PidScan = { processes: [], owners: new Map(), exited: 0, fdDenied: 0, otherErrors: [] };
  for (let i = 0; i < pids.length; i++) {
    if (i > 0 && i % PIDS_PER_SLICE === 0) await yieldToEventLoop();
    scanPid(procRoot, pids[i] as number, wanted, scan);
  }

  const connections = joinSockets(sockets, scan.owners, new Map(scan.processes.map((p) => [p.pid, p])));
  if (scan.exited > 0) notes.push(`${scan.exited} process(es) exited during the sample and were skipped`);
  if (scan.fdDenied > 0) {
    notes.push(
      `${scan.fdDenied} process(es) hide their open files (permission denied): their sockets are listed without a process`,
    );
  }
  notes.push(...scan.otherErrors);
  const unowned = connections.filter((c) => c.pid === null).length;
  if (unowned > 0) notes.push(`${unowned} socket(s) have no visible owner (e.g. TIME_WAIT or other users' processes)`);
  return { connections, processes: scan.processes, source: 'procfs', notes };
}
