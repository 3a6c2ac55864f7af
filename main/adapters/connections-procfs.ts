import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { joinSockets, unownedNote, type JoinCache } from '../core/connections/join.js';
import { SocketOwners } from '../core/connections/owners.js';
import { parseProcNet, ProcNetCache } from '../core/connections/proc-net.js';
import { nameAndCommand, parentPid, parseProcStat, socketInode, startedAt, type ProcStat } from '../core/connections/proc-pid.js';
import { describeProcess } from '../core/connections/sampled-process.js';
import type {
  ConnectionSample,
  ConnectionSampler,
  OwnerUnknown,
  ProcessHooks,
  Protocol,
  SampledProcess,
  PolledSocket,
  SocketRow,
} from '../core/connections/types.js';
import { denied, errorCode, fdCountFromSize, gone, ProcFileReader, readBootTime } from './connections-procfs-files.js';

const TABLES: readonly Protocol[] = ['tcp', 'tcp6', 'udp', 'udp6'];
// Sync syscalls are several times faster than fs/promises on /proc; yielding after this many
// (one per pid's stat, fd link or fd count) keeps the event loop (the Electron main process) responsive.
const SYSCALLS_PER_SLICE = 2048;

export interface ProcfsSamplerOptions extends ProcessHooks {
  /** "/proc" except in tests. */
  procRoot?: string;
  /** Our effective uid (default: this process's): whose sockets we can expect to find owners for. */
  uid?: number;
}

/** What one sample cost beyond the socket tables and the process list. */
export interface ProcfsSampleCost {
  fdTablesRead: number;
  fdLinksRead: number;
  /** Every readable process was searched for a socket (a known process opened one without its fd count changing). */
  searchedAll: boolean;
}

export interface ProcfsSampler extends ConnectionSampler {
  /** The last sample's cost: shows the incremental path at work (benchmarks, tests). */
  readonly lastCost: ProcfsSampleCost;
  processOf(pid: number, comm: string): SampledProcess | null;
  pollSockets(): Promise<PolledSocket[]>;
}

interface Tracked {
  process: SampledProcess;
  /** With the pid, the identity of a process: a pid reused by a new process has another starttime. */
  starttime: number | null;
  comm: string;
  /** Open fds when its fd table was last read; null when not read since it appeared or exec'd. */
  fdCount: number | null;
  /** Its fd table is hidden from us (another user's process when we are not root). */
  fdDenied: boolean;
}

/** What one sample ran into, for its notes and cost. */
interface Pass {
  exited: number;
  errors: string[];
  scanned: Set<number>;
  cost: ProcfsSampleCost;
  work: number;
}

// Processes that exited, kept for attempts reported after their owner is gone.
const EXITED_KEPT = 1024;
const OUTBOUND_TABLES: readonly Protocol[] = ['tcp', 'tcp6'];

const isPid = (name: string) => /^\d+$/.test(name);

/** Counts work done; true when it is time to yield to the event loop. */
function spend(pass: Pass, syscalls: number): boolean {
  pass.work += syscalls;
  if (pass.work < SYSCALLS_PER_SLICE) return false;
  pass.work = 0;
  return true;
}

/**
 * The incremental Linux sampler. Each sample reads the socket tables and every pid's stat, but
 * reads a process's command line once per lifetime (pid + start time), and fd tables only to find
 * owners of sockets not seen before (see #findOwners). A socket whose owner stays unknown is not
 * searched for again.
 */
class IncrementalProcfsSampler implements ProcfsSampler {
  readonly #root: string;
  readonly #hooks: ProcessHooks;
  readonly #uid: number;
  readonly #countBySize: boolean;
  readonly #bootTime: number | null;
  readonly #reader = new ProcFileReader();
  readonly #tables = new Map<Protocol, ProcNetCache>(TABLES.map((protocol) => [protocol, new ProcNetCache()]));
  readonly #tracked = new Map<number, Tracked>();
  readonly #owners = new SocketOwners();
  readonly #joined: JoinCache = new WeakMap();
  /** Inodes searched for in vain (or not worth it), and why; a scan done for other reasons may still find them. */
  #unresolved = new Map<number, OwnerUnknown>();
  /** Inodes the cheap lookups missed last sample: searched everywhere if still there and unexplained. */
  #pending = new Set<number>();
  /** Recently exited processes by pid, oldest first: who made an attempt seen after its maker exited. */
  readonly #exited = new Map<number, Tracked>();
  /** The fast poller's own row caches and what it saw last time (null before its first poll). */
  readonly #pollTables = new Map<Protocol, ProcNetCache>(OUTBOUND_TABLES.map((protocol) => [protocol, new ProcNetCache()]));
  #polled: Map<string, SocketRow> | null = null;
  /** Sockets the poller found connecting, waiting for a later poll to see how it went. */
  readonly #connecting = new Map<string, PolledSocket>();
  /** One sample or poll at a time: both update the process and owner caches. */
  #inFlight: Promise<unknown> | null = null;
  lastCost: ProcfsSampleCost = { fdTablesRead: 0, fdLinksRead: 0, searchedAll: false };

  constructor(options: ProcfsSamplerOptions) {
    this.#root = options.procRoot ?? '/proc';
    this.#hooks = { redact: options.redact, matchTool: options.matchTool };
    this.#uid = options.uid ?? process.geteuid?.() ?? -1;
    this.#countBySize = fdCountFromSize(this.#root);
    // Read once: btime is derived from the clock and uptime and can drift by a second between reads.
    this.#bootTime = readBootTime(this.#root);
  }

  #sampling: Promise<ConnectionSample> | null = null;

  /** Concurrent calls share one sample: the caches are not safe to update twice at once. */
  sample(): Promise<ConnectionSample> {
    this.#sampling ??= this.#exclusive(() => this.#sampleOnce()).finally(() => {
      this.#sampling = null;
    });
    return this.#sampling;
  }

  /** Runs after whatever sample or poll is in flight. */
  #exclusive<T>(run: () => Promise<T>): Promise<T> {
    const previous = this.#inFlight ?? Promise.resolve();
    const next = previous.then(run, run);
    this.#inFlight = next.catch(() => undefined);
    return next;
  }

  /**
   * The process `pid` whose kernel name is `comm` (a trace reports both): from the cache when it
   * is the same process, from /proc when it started since the last sample (and is then tracked),
   * or the last known description of one that exited. Null when it came and went unseen.
   */
  processOf(pid: number, comm: string): SampledProcess | null {
    // '' or '?': the trace did not know the name; the pid is all there is to go by.
    const sameName = (name: string) => comm === '' || comm === '?' || name === comm;
    const known = this.#tracked.get(pid);
    if (known && sameName(known.comm)) return known.process;
    let stat: ProcStat | null = null;
    try {
      // Not this.#reader: a sample in progress may still hold the bytes of its buffer.
      stat = parseProcStat(readFileSync(`${this.#root}/${pid}/stat`, 'utf8'));
    } catch {
      // exited: fall back to what was known
    }
    if (stat && sameName(stat.comm) && !known) {
      const tracked = { process: this.#describe(stat), starttime: stat.starttime, comm: stat.comm, fdCount: null, fdDenied: false };
      this.#tracked.set(pid, tracked);
      return tracked.process;
    }
    if (stat && known && sameName(stat.comm) && stat.starttime === known.starttime) {
      // exec'd since the last sample: describe it again now, while its command line is readable
      Object.assign(known, { process: this.#describe(stat), comm: stat.comm, fdCount: null, fdDenied: false });
      return known.process;
    }
    const exited = this.#exited.get(pid);
    return exited && sameName(exited.comm) ? exited.process : null;
  }

  /**
   * New outbound TCP sockets since the last poll, with their owners where a cheap search finds
   * them: only the TCP tables (unchanged rows are not decoded again), then the fd tables of
   * processes that are new or whose fd count changed. The first poll only learns what is there.
   */
  pollSockets(): Promise<PolledSocket[]> {
    return this.#exclusive(() => this.#pollOnce());
  }

  async #pollOnce(): Promise<PolledSocket[]> {
    const now = new Map<string, SocketRow>();
    const listening = new Set<number>();
    for (const protocol of OUTBOUND_TABLES) {
      let table: Uint8Array;
      try {
        table = this.#reader.read(`${this.#root}/net/${protocol}`);
      } catch {
        continue; // no tcp6 when IPv6 is off
      }
      for (const row of parseProcNet(table, protocol, this.#pollTables.get(protocol)).rows) {
        if (row.state === 'LISTEN' && row.localPort !== null) listening.add(row.localPort);
        else if (row.remoteAddress !== null && row.remotePort) now.set(socketKey(row), row);
      }
    }
    const before = this.#polled;
    this.#polled = now;
    if (!before) return [];
    const isNew = (key: string, row: SocketRow) =>
      !before.has(key) && row.localPort !== null && !listening.has(row.localPort) && (row.state === 'SYN_SENT' || row.state === 'ESTABLISHED');
    const fresh = [...now.entries()].filter(([key, row]) => isNew(key, row)).map(([, row]) => row);
    await this.#scanChanged(fresh);
    const found: PolledSocket[] = [];
    for (const row of fresh) {
      const pid = row.inode === 0 ? undefined : this.#owners.ownersOf(row.inode)?.[0];
      const owner = pid === undefined ? undefined : this.#tracked.get(pid);
      if (owner) found.push({ row, process: owner.process, state: row.state === 'SYN_SENT' ? 'connecting' : 'connected' });
    }
    // A socket seen connecting is reported once its handshake is seen done, or once it is gone.
    const settled: PolledSocket[] = [];
    for (const [key, waiting] of this.#connecting) {
      const row = now.get(key);
      if (row?.state === 'SYN_SENT') continue;
      this.#connecting.delete(key);
      settled.push(row?.state === 'ESTABLISHED' ? { ...waiting, row, state: 'established' } : waiting);
    }
    for (const socket of found) if (socket.state === 'connecting') this.#connecting.set(socketKey(socket.row), socket);
    return [...settled, ...found.filter((socket) => socket.state === 'connected')];
  }

  /**
   * Finds owners of `rows` where they are cheapest to find: fd tables of known processes whose fd
   * count changed, then of processes new since the last look; stops once every row has one.
   */
  async #scanChanged(rows: readonly SocketRow[]): Promise<void> {
    const pass: Pass = { exited: 0, errors: [], scanned: new Set(), cost: { fdTablesRead: 0, fdLinksRead: 0, searchedAll: false }, work: 0 };
    const found = () => rows.every((row) => row.inode === 0 || this.#owners.ownersOf(row.inode));
    if (found()) return;
    for (const tracked of this.#readable()) {
      if (spend(pass, 1)) await yieldToEventLoop();
      if (this.#fdCount(tracked.process.pid) === tracked.fdCount) continue;
      await this.#scan(tracked, pass);
      if (found()) return;
    }
    for (const name of readdirSync(this.#root)) {
      if (!isPid(name) || this.#tracked.has(Number(name))) continue;
      const stat = this.#readStat(Number(name), pass);
      if (!stat) continue;
      const tracked = { process: this.#describe(stat), starttime: stat.starttime, comm: stat.comm, fdCount: null, fdDenied: false };
      this.#tracked.set(stat.pid, tracked);
      await this.#scan(tracked, pass);
      if (found()) return;
    }
  }

  async #sampleOnce(): Promise<ConnectionSample> {
    const notes: string[] = [];
    const rows = this.#readTables(notes);
    const pass: Pass = { exited: 0, errors: [], scanned: new Set(), cost: { fdTablesRead: 0, fdLinksRead: 0, searchedAll: false }, work: 0 };
    const { processes, fresh, exitedInodes } = await this.#refreshProcesses(pass);
    await this.#findOwners(rows, fresh, exitedInodes, pass);
    const connections = joinSockets(
      rows,
      (inode) => this.#owners.ownersOf(inode),
      (inode) => this.#unresolved.get(inode) ?? 'not-found', // pending: not found yet
      this.#joined,
    );
    this.lastCost = pass.cost;

    if (pass.exited > 0) notes.push(`${pass.exited} process(es) exited during the sample`);
    const hidden = this.#deniedCount();
    if (hidden > 0) {
      notes.push(`${hidden} process(es) hide their open files (permission denied): their sockets are listed without a process`);
    }
    for (const error of pass.errors) notes.push(error);
    const unowned = unownedNote(connections);
    if (unowned) notes.push(unowned);
    if (this.#bootTime === null) notes.push(`${this.#root}/stat has no btime: process start times are unknown`);
    return { connections, processes, source: 'procfs', notes };
  }

  #readTables(notes: string[]): SocketRow[] {
    const rows: SocketRow[] = [];
    let readable = 0;
    for (const protocol of TABLES) {
      const path = `${this.#root}/net/${protocol}`;
      let table: Uint8Array;
      try {
        table = this.#reader.read(path);
      } catch (error) {
        // No tcp6/udp6 when IPv6 is disabled; not an error worth more than a note.
        notes.push(`${path} unreadable (${errorCode(error)})`);
        continue;
      }
      readable++;
      const parsed = parseProcNet(table, protocol, this.#tables.get(protocol));
      if (parsed.malformed > 0) notes.push(`${path}: ${parsed.malformed} malformed line(s) skipped`);
      for (const row of parsed.rows) rows.push(row);
    }
    if (readable === 0) throw new Error(`${this.#root}/net: no socket table readable`);
    return rows;
  }

  /** Every pid's stat; new processes (and pids now holding another process) are described. */
  async #refreshProcesses(pass: Pass): Promise<{ processes: SampledProcess[]; fresh: Tracked[]; exitedInodes: Set<number> }> {
    const processes: SampledProcess[] = [];
    const fresh: Tracked[] = [];
    const exitedInodes = new Set<number>();
    const live = new Set<number>();
    for (const name of readdirSync(this.#root)) {
      if (!isPid(name)) continue;
      if (spend(pass, 1)) await yieldToEventLoop();
      const pid = Number(name);
      const stat = this.#readStat(pid, pass);
      if (!stat) continue;
      let tracked = this.#tracked.get(pid);
      if (tracked && tracked.starttime !== stat.starttime) {
        this.#forget(pid, exitedInodes);
        tracked = undefined;
      }
      if (!tracked) {
        tracked = { process: this.#describe(stat), starttime: stat.starttime, comm: stat.comm, fdCount: null, fdDenied: false };
        this.#tracked.set(pid, tracked);
        fresh.push(tracked);
      } else if (tracked.comm !== stat.comm) {
        // exec() keeps the pid and start time but changes comm: another program, as good as new.
        Object.assign(tracked, { process: this.#describe(stat), comm: stat.comm, fdCount: null, fdDenied: false });
        fresh.push(tracked);
      } else if (tracked.process.ppid !== parentPid(stat.ppid)) {
        tracked.process = { ...tracked.process, ppid: parentPid(stat.ppid) }; // reparented when its parent exited
      }
      live.add(pid);
      processes.push(tracked.process);
    }
    for (const pid of this.#tracked.keys()) if (!live.has(pid)) this.#forget(pid, exitedInodes);
    return { processes, fresh, exitedInodes };
  }

  #readStat(pid: number, pass: Pass): ProcStat | null {
    const path = `${this.#root}/${pid}/stat`;
    let text: string;
    try {
      text = this.#reader.readText(path);
    } catch (error) {
      if (gone(errorCode(error))) pass.exited++;
      else pass.errors.push(`${path}: ${errorCode(error)}`);
      return null;
    }
    const stat = parseProcStat(text);
    if (!stat) pass.errors.push(`${path}: unrecognised format`);
    return stat;
  }

  /** A process's fields that need its command line; the hooks run here, once per lifetime. */
  #describe(stat: ProcStat): SampledProcess {
    let cmdline: string | null = null;
    try {
      cmdline = readFileSync(`${this.#root}/${stat.pid}/cmdline`, 'utf8');
    } catch {
      // Exited since its stat was read, or hidden: keep the process with an empty command.
    }
    const { name, command } = nameAndCommand(stat.comm, cmdline);
    const facts = { pid: stat.pid, ppid: parentPid(stat.ppid), name, rawCommand: command, startedAt: startedAt(stat.starttime, this.#bootTime) };
    return describeProcess(facts, this.#hooks);
  }

  /** Drops a process that exited (or whose pid was reused), remembering the sockets it held. */
  #forget(pid: number, exitedInodes: Set<number>): void {
    for (const inode of this.#owners.heldBy(pid)) exitedInodes.add(inode);
    this.#owners.drop(pid);
    const tracked = this.#tracked.get(pid);
    this.#tracked.delete(pid);
    if (!tracked) return;
    this.#exited.delete(pid);
    this.#exited.set(pid, tracked);
    if (this.#exited.size > EXITED_KEPT) this.#exited.delete(this.#exited.keys().next().value!);
  }

  /**
   * Owners for sockets not seen before, cheapest first: new processes' fds, then those of known
   * processes whose fd count changed. A socket still unexplained may belong to a known process
   * that closed one socket and opened another (same count): every readable process is searched for
   * it — but only if it is still there a sample later, so sockets that live for milliseconds (and
   * are gone before their owner's fds are read) never cost a full search.
   */
  async #findOwners(rows: readonly SocketRow[], fresh: readonly Tracked[], exitedInodes: ReadonlySet<number>, pass: Pass): Promise<void> {
    // New processes are always read: they may share known sockets (inherited) and hold new ones.
    for (const tracked of fresh) await this.#scan(tracked, pass);
    let missing = this.#missingOwners(rows);
    if (missing.length > 0) {
      for (const tracked of this.#readable()) {
        if (pass.scanned.has(tracked.process.pid)) continue;
        if (spend(pass, 1)) await yieldToEventLoop();
        if (this.#fdCount(tracked.process.pid) !== tracked.fdCount) await this.#scan(tracked, pass);
      }
      missing = this.#missingOwners(rows);
    }
    // Not worth a full search: a socket whose owner just exited (an heir sharing it was read above,
    // as a new process), or one of another uid when we may not read other users' fds anyway.
    const anyHidden = this.#deniedCount() > 0;
    const worthSearching = (row: SocketRow) => !exitedInodes.has(row.inode) && (row.uid === this.#uid || !anyHidden);
    const rest = () => this.#readable().filter((tracked) => !pass.scanned.has(tracked.process.pid));
    const searchNow = missing.filter((row) => worthSearching(row) && this.#pending.has(row.inode));
    if (searchNow.length > 0) {
      const unread = rest().sort((a, b) => (a.fdCount ?? 0) - (b.fdCount ?? 0)); // the 10k-fd process last
      pass.cost.searchedAll = unread.length > 0;
      for (const tracked of unread) {
        await this.#scan(tracked, pass);
        if (searchNow.every((row) => this.#owners.ownersOf(row.inode))) break;
      }
    }

    // Every readable fd table read this sample: nothing left to search, now or later.
    const allRead = rest().length === 0;
    const hiddenNow = this.#deniedCount() > 0;
    const pending = new Set<number>();
    const unresolved = new Map<number, OwnerUnknown>();
    for (const row of rows) {
      if (row.inode === 0 || this.#owners.ownersOf(row.inode)) continue;
      const known = this.#unresolved.get(row.inode);
      if (known) unresolved.set(row.inode, known);
      else if (worthSearching(row) && !this.#pending.has(row.inode) && !allRead) pending.add(row.inode);
      else unresolved.set(row.inode, exitedInodes.has(row.inode) ? 'exited' : hiddenNow ? 'permission-denied' : 'not-found');
    }
    this.#pending = pending;
    this.#unresolved = unresolved;
  }

  /** Tracked processes whose fd tables we may read. */
  #readable(): Tracked[] {
    return [...this.#tracked.values()].filter((tracked) => !tracked.fdDenied);
  }

  /** Sockets some process holds (inode not 0) that no process read holds, not given up on. */
  #missingOwners(rows: readonly SocketRow[]): SocketRow[] {
    return rows.filter((row) => row.inode !== 0 && !this.#owners.ownersOf(row.inode) && !this.#unresolved.has(row.inode));
  }

  #deniedCount(): number {
    let count = 0;
    for (const tracked of this.#tracked.values()) if (tracked.fdDenied) count++;
    return count;
  }

  #fdCount(pid: number): number | null {
    const dir = `${this.#root}/${pid}/fd`;
    try {
      return this.#countBySize ? statSync(dir).size : readdirSync(dir).length;
    } catch {
      return null; // the scan that follows says why
    }
  }

  /** Reads a process's fd table: which sockets it holds now. */
  async #scan(tracked: Tracked, pass: Pass): Promise<void> {
    const { pid } = tracked.process;
    pass.scanned.add(pid);
    const dir = `${this.#root}/${pid}/fd`;
    let fds: string[];
    try {
      fds = readdirSync(dir);
    } catch (error) {
      const code = errorCode(error);
      if (denied(code)) tracked.fdDenied = true;
      else if (gone(code)) pass.exited++;
      else pass.errors.push(`${dir}: ${code}`);
      return;
    }
    pass.cost.fdTablesRead++;
    pass.cost.fdLinksRead += fds.length;
    const inodes: number[] = [];
    for (const fd of fds) {
      if (spend(pass, 1)) await yieldToEventLoop();
      let target: string;
      try {
        target = readlinkSync(`${dir}/${fd}`);
      } catch (error) {
        // Some kernels (and sandboxes) list the fds but hide where they point.
        if (denied(errorCode(error))) {
          tracked.fdDenied = true;
          return;
        }
        continue; // closed since the listing
      }
      const inode = socketInode(target);
      if (inode !== null) inodes.push(inode);
    }
    this.#owners.setHeld(pid, inodes);
    tracked.fdCount = fds.length;
  }
}

function socketKey(row: SocketRow): string {
  return `${row.protocol} ${row.localAddress} ${row.localPort} ${row.remoteAddress} ${row.remotePort}`;
}

/**
 * A stateful procfs sampler for the monitor to keep across samples. Processes that exit
 * mid-sample and fd tables we may not read are counted in `notes`, never thrown; it throws only
 * when no socket table is readable (the caller falls back to systeminformation).
 */
export function createProcfsSampler(options: ProcfsSamplerOptions): ProcfsSampler {
  return new IncrementalProcfsSampler(options);
}
