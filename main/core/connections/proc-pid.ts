import type { ProcessInfo } from '../process.js';

export interface ProcStat {
  pid: number;
  /** The kernel's command name (comm), at most 15 characters. */
  comm: string;
  state: string;
  ppid: number;
}

/**
 * Parses /proc/<pid>/stat: "pid (comm) state ppid ...". comm may hold spaces and parentheses,
 * so it runs to the *last* ")". Null when the text is not a stat line.
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf(' (');
  const close = text.lastIndexOf(')');
  if (open <= 0 || close < open) return null;
  const pidText = text.slice(0, open);
  const [state, ppidText] = text.slice(close + 1).trim().split(/\s+/);
  if (!/^\d+$/.test(pidText) || state === undefined || ppidText === undefined || !/^-?\d+$/.test(ppidText)) return null;
  return { pid: Number(pidText), comm: text.slice(open + 2, close), state, ppid: Number(ppidText) };
}

/** /proc/<pid>/cmdline: arguments separated (and usually ended) by NUL. */
export function parseCmdline(raw: string): string[] {
  const args = raw.split('\0');
  if (args[args.length - 1] === '') args.pop();
  return args;
}

const COMM_MAX = 15;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A process from its stat and cmdline. The name is comm, except that a comm cut at 15 characters
 * is completed from argv[0] when argv[0]'s base name starts with it ("Cursor Helper (Rend").
 */
export function processFromProc(stat: ProcStat, cmdlineRaw: string | null): ProcessInfo {
  const args = cmdlineRaw === null ? [] : parseCmdline(cmdlineRaw);
  const argv0 = baseName(args[0] ?? '');
  const name = stat.comm.length >= COMM_MAX && argv0.startsWith(stat.comm) ? argv0 : stat.comm;
  return { pid: stat.pid, ppid: stat.ppid === 0 ? null : stat.ppid, name, command: args.join(' ') };
}

/** The inode of an fd link target "socket:[12345]", or null for anything else. */
export function socketInode(linkTarget: string): number | null {
  const match = /^socket:\[(\d+)\]$/.exec(linkTarget);
  return match ? Number(match[1]) : null;
}
