export interface ProcStat {
  pid: number;
  /** The kernel's command name (comm), at most 15 characters. */
  comm: string;
  state: string;
  ppid: number;
  /** Clock ticks after boot when the process started (field 22); null when the line is cut short. */
  starttime: number | null;
}

// Fields after "pid (comm)": state is field 3, ppid 4, starttime 22.
const STARTTIME_AFTER_COMM = 22 - 3;

/**
 * Parses /proc/<pid>/stat: "pid (comm) state ppid ... starttime ...". comm may hold spaces and
 * parentheses, so it runs to the *last* ")". Null when the text is not a stat line.
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf(' (');
  const close = text.lastIndexOf(')');
  if (open <= 0 || close < open) return null;
  const pidText = text.slice(0, open);
  const fields = text.slice(close + 1).trim().split(/\s+/);
  const [state, ppidText] = fields;
  if (!/^\d+$/.test(pidText) || state === undefined || ppidText === undefined || !/^-?\d+$/.test(ppidText)) return null;
  const starttimeText = fields[STARTTIME_AFTER_COMM];
  const starttime = starttimeText !== undefined && /^\d+$/.test(starttimeText) ? Number(starttimeText) : null;
  return { pid: Number(pidText), comm: text.slice(open + 2, close), state, ppid: Number(ppidText), starttime };
}

/** The boot time (seconds since the epoch) from /proc/stat's "btime" line, or null. */
export function parseBootTime(procStat: string): number | null {
  const match = /^btime (\d+)$/m.exec(procStat);
  return match ? Number(match[1]) : null;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times: 100 on every architecture Node runs on. */
export const CLOCK_TICKS_PER_SECOND = 100;

/** ISO start time from starttime (ticks after boot) and btime; null when either is unknown. */
export function startedAt(starttime: number | null, bootTime: number | null): string | null {
  if (starttime === null || bootTime === null) return null;
  return new Date(bootTime * 1000 + (starttime * 1000) / CLOCK_TICKS_PER_SECOND).toISOString();
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
 * A process's name and command line from comm and its cmdline (null when unreadable). The name
 * is comm, except that a comm cut at 15 characters is completed from argv[0] when argv[0]'s base
 * name starts with it ("Cursor Helper (Rend").
 */
export function nameAndCommand(comm: string, cmdlineRaw: string | null): { name: string; command: string } {
  const args = cmdlineRaw === null ? [] : parseCmdline(cmdlineRaw);
  const argv0 = baseName(args[0] ?? '');
  const name = comm.length >= COMM_MAX && argv0.startsWith(comm) ? argv0 : comm;
  return { name, command: args.join(' ') };
}

/** ppid 0 is the kernel (for init and kernel threads): no parent process. */
export function parentPid(ppid: number): number | null {
  return ppid > 0 ? ppid : null;
}

/** The inode of an fd link target "socket:[12345]", or null for anything else. */
export function socketInode(linkTarget: string): number | null {
  if (!linkTarget.startsWith('socket:[')) return null; // most fds are files and pipes: skip the regex
  const match = /^socket:\[(\d+)\]$/.exec(linkTarget);
  return match ? Number(match[1]) : null;
}
