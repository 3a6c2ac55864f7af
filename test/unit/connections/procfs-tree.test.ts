import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProcfsSampler, type ProcfsSampler } from '../../../main/adapters/connections-procfs.js';
import type { ConnectionSample, SampledConnection } from '../../../main/core/connections/types.js';
import { fixture } from './fixtures.js';

// A procfs-shaped tree on disk (real files and real symlinks whose targets are "socket:[inode]"),
// holding the captured socket tables, so the sampler's walking, caching and joining run for real.
// Plain directories report no fd count in their size, so the sampler lists fd directories here.

const BOOT_TIME = 1_700_000_000;
const NODE_PID = 13447;
const NODE_START = 664126;

/** A full /proc/<pid>/stat line (52 fields) with the fields the sampler reads set. */
function statLine(pid: number, comm: string, ppid: number, starttime: number): string {
  const fields = fixture('linux-proc-self-stat.txt').trim().split(' ').slice(2);
  fields[1] = String(ppid);
  fields[19] = String(starttime);
  return `${pid} (${comm}) ${fields.join(' ')}\n`;
}

/** A /proc/net/tcp line for a loopback socket. */
function tcpLine(slot: number, localPort: number, remotePort: number, state: string, inode: number, uid = 0): string {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  const remote = remotePort === 0 ? '00000000:0000' : `0100007F:${hex(remotePort)}`;
  return `${String(slot).padStart(4)}: 0100007F:${hex(localPort)} ${remote} ${state} 00000000:00000000 00:00000000 00000000 ${String(uid).padStart(5)}        0 ${inode} 1 0000000000000000 20 4 30 10 -1`;
}

let root = '';
let redacted: string[] = [];
let matched: number[] = [];
let sampler: ProcfsSampler;

const tcpTable = () => join(root, 'net', 'tcp');
const pidDir = (pid: number) => join(root, String(pid));
const ownerOf = (sample: ConnectionSample, inode: number, table = 'tcp'): SampledConnection | undefined =>
  sample.connections.find((c) => c.protocol === table && c.localPort === portOf.get(inode));
const portOf = new Map([
  [25686, 33490],
  [25683, 42493],
  [1157, 2024],
]);

async function addTcp(line: string): Promise<void> {
  await writeFile(tcpTable(), `${(await readFile(tcpTable(), 'utf8')).trimEnd()}\n${line}\n`);
}

async function writeProcess(pid: number, comm: string, ppid: number, starttime: number, cmdline: string): Promise<void> {
  await mkdir(join(pidDir(pid), 'fd'), { recursive: true });
  await writeFile(join(pidDir(pid), 'stat'), statLine(pid, comm, ppid, starttime));
  await writeFile(join(pidDir(pid), 'cmdline'), cmdline);
}

beforeEach(async () => {
  root = await mkdtemp(join(os.tmpdir(), 'telltale-proc-'));
  await writeFile(join(root, 'stat'), `cpu  1 2 3 4\nbtime ${BOOT_TIME}\nprocesses 99\n`);
  await mkdir(join(root, 'net'));
  for (const table of ['tcp', 'tcp6', 'udp']) await writeFile(join(root, 'net', table), fixture(`linux-proc-net-${table}.txt`));
  // udp6 missing, as with IPv6 disabled.
  await writeProcess(NODE_PID, 'node', 13444, NODE_START, 'node\0/tmp/cap.mjs\0');
  const fd = join(pidDir(NODE_PID), 'fd');
  await symlink('socket:[25686]', join(fd, '22'));
  await symlink('socket:[25693]', join(fd, '29'));
  await symlink('/dev/null', join(fd, '0'));
  await symlink('socket:[999999]', join(fd, '40')); // not in any table (e.g. a unix socket)
  // A shell with no fd directory left (exited between reading stat and listing fds).
  await mkdir(pidDir(13444));
  await writeFile(join(pidDir(13444), 'stat'), statLine(13444, 'bash', 1, 600000));
  // A pid directory whose files are gone (exited right after the listing).
  await mkdir(pidDir(555));
  await mkdir(join(root, 'self'));

  redacted = [];
  matched = [];
  sampler = createProcfsSampler({
    procRoot: root,
    uid: 0,
    redact: (command) => {
      redacted.push(command);
      return command.replace(/--token=\S+/, '--token=[redacted]');
    },
    matchTool: (process) => {
      matched.push(process.pid);
      return process.command.includes('cap.mjs') ? 'cap' : null;
    },
  });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createProcfsSampler on a procfs-shaped directory', () => {
  it('joins sockets to processes, lists each process once, and says what it could not see', async () => {
    const sample = await sampler.sample();
    expect(sample.source).toBe('procfs');
    expect(sample.processes.sort((a, b) => a.pid - b.pid)).toEqual([
      {
        pid: 13444,
        ppid: 1,
        name: 'bash',
        command: '',
        rawCommand: '',
        ownToolId: null,
        startedAt: new Date((BOOT_TIME + 6000) * 1000).toISOString(),
      },
      {
        pid: NODE_PID,
        ppid: 13444,
        name: 'node',
        command: 'node /tmp/cap.mjs',
        rawCommand: 'node /tmp/cap.mjs',
        ownToolId: 'cap',
        startedAt: new Date((BOOT_TIME + NODE_START / 100) * 1000).toISOString(),
      },
    ]);
    const owned = sample.connections.filter((c) => c.pid === NODE_PID);
    expect(owned.map((c) => [c.protocol, c.localPort, c.remotePort, c.state])).toEqual([
      ['tcp', 33490, 42493, 'ESTABLISHED'],
      ['udp', 39631, 36358, 'ESTABLISHED'],
    ]);
    // Every socket is kept, owned or not: 12 tcp + 5 tcp6 + 2 udp.
    expect(sample.connections).toHaveLength(19);
    expect(sample.connections.filter((c) => c.state === 'TIME_WAIT').every((c) => c.ownerUnknown === 'no-process')).toBe(true);
    expect(ownerOf(sample, 1157)).toMatchObject({ pid: null, ownerUnknown: 'not-found' });
    expect(sample.notes).toEqual([
      `${root}/net/udp6 unreadable (ENOENT)`,
      '2 process(es) exited during the sample',
      '17 socket(s) have no visible owner (7 no-process, 10 not-found)',
    ]);
  });

  it('reads nothing but the tables and stats again while nothing changes', async () => {
    const first = await sampler.sample();
    expect(sampler.lastCost).toEqual({ fdTablesRead: 1, fdLinksRead: 4, searchedAll: false });
    const second = await sampler.sample();
    expect(sampler.lastCost).toEqual({ fdTablesRead: 0, fdLinksRead: 0, searchedAll: false });
    expect(second.connections).toEqual(first.connections);
    expect(second.processes).toEqual(first.processes);
    expect(redacted).toEqual(['node /tmp/cap.mjs']);
    expect(matched.sort()).toEqual([13444, NODE_PID]);
  });

  it('finds a new socket of a known process by its changed fd count', async () => {
    await sampler.sample();
    await symlink('socket:[26001]', join(pidDir(NODE_PID), 'fd', '50'));
    await addTcp(tcpLine(12, 40001, 42493, '01', 26001));
    const sample = await sampler.sample();
    expect(sample.connections.find((c) => c.localPort === 40001)).toMatchObject({ pid: NODE_PID, state: 'ESTABLISHED' });
    expect(sampler.lastCost).toEqual({ fdTablesRead: 1, fdLinksRead: 5, searchedAll: false });
  });

  it('searches every process, a sample later, when a known one swapped a socket without changing its fd count', async () => {
    await sampler.sample();
    await unlink(join(pidDir(NODE_PID), 'fd', '22'));
    await symlink('socket:[26002]', join(pidDir(NODE_PID), 'fd', '22'));
    await addTcp(tcpLine(12, 40002, 42493, '01', 26002));
    // A socket can be gone before its owner's fds are read: the full search waits for a second sighting.
    const unexplained = await sampler.sample();
    expect(unexplained.connections.find((c) => c.localPort === 40002)).toMatchObject({ pid: null, ownerUnknown: 'not-found' });
    expect(sampler.lastCost).toEqual({ fdTablesRead: 0, fdLinksRead: 0, searchedAll: false });
    const sample = await sampler.sample();
    expect(sample.connections.find((c) => c.localPort === 40002)).toMatchObject({ pid: NODE_PID });
    expect(sampler.lastCost.searchedAll).toBe(true);
    // The socket it closed is still in this (stale) table: nobody holds it now.
    expect(ownerOf(sample, 25686)).toMatchObject({ pid: null, ownerUnknown: 'not-found' });
  });

  it('never searches everywhere for a socket that lived less than a sample', async () => {
    await sampler.sample();
    await writeFile(tcpTable(), `${(await readFile(tcpTable(), 'utf8')).trimEnd()}\n${tcpLine(12, 40004, 42493, '01', 26004)}\n`);
    await sampler.sample();
    await writeFile(tcpTable(), fixture('linux-proc-net-tcp.txt'));
    await sampler.sample();
    expect(sampler.lastCost).toEqual({ fdTablesRead: 0, fdLinksRead: 0, searchedAll: false });
  });

  it('gives up on a socket nobody readable holds instead of searching for it every sample', async () => {
    await sampler.sample();
    await addTcp(tcpLine(12, 40003, 0, '0A', 26003));
    await sampler.sample();
    const sample = await sampler.sample();
    expect(sample.connections.find((c) => c.localPort === 40003)).toMatchObject({ pid: null, ownerUnknown: 'not-found' });
    expect(sampler.lastCost.searchedAll).toBe(true);
    await sampler.sample();
    expect(sampler.lastCost).toEqual({ fdTablesRead: 0, fdLinksRead: 0, searchedAll: false });
  });

  it('shares a socket with a new process that inherited it', async () => {
    await sampler.sample();
    await writeProcess(20000, 'node', NODE_PID, NODE_START + 500, 'node\0child.js\0');
    await symlink('socket:[25686]', join(pidDir(20000), 'fd', '3'));
    const sample = await sampler.sample();
    expect(sample.connections.filter((c) => c.localPort === 33490).map((c) => c.pid)).toEqual([NODE_PID, 20000]);
  });

  it('drops a process that exited; sockets it held until then are "exited"', async () => {
    await sampler.sample();
    await rm(pidDir(NODE_PID), { recursive: true });
    const sample = await sampler.sample();
    expect(sample.processes.map((p) => p.pid)).not.toContain(NODE_PID);
    expect(ownerOf(sample, 25686)).toMatchObject({ pid: null, ownerUnknown: 'exited' });
    expect(sample.notes).toContain('19 socket(s) have no visible owner (7 no-process, 2 exited, 10 not-found)');
  });

  it('treats a pid with another start time as a new process (pid reuse): its command is read and redacted again', async () => {
    await sampler.sample();
    await writeProcess(NODE_PID, 'node', 1, NODE_START + 9000, 'node\0/srv/other.js\0--token=abc123\0');
    const sample = await sampler.sample();
    const process = sample.processes.find((p) => p.pid === NODE_PID);
    expect(process).toMatchObject({
      ppid: 1,
      command: 'node /srv/other.js --token=[redacted]',
      rawCommand: 'node /srv/other.js --token=abc123',
      ownToolId: null,
      startedAt: new Date((BOOT_TIME + (NODE_START + 9000) / 100) * 1000).toISOString(),
    });
    expect(redacted).toEqual(['node /tmp/cap.mjs', 'node /srv/other.js --token=abc123']);
    // The new process is read like any new one: it holds the same fd links in this tree.
    expect(sampler.lastCost.fdTablesRead).toBe(1);
  });

  it('re-describes a process that exec()ed (same pid and start time, new comm)', async () => {
    await sampler.sample();
    await writeProcess(NODE_PID, 'python3', 13444, NODE_START, 'python3\0-m\0http.server\0');
    const sample = await sampler.sample();
    expect(sample.processes.find((p) => p.pid === NODE_PID)).toMatchObject({ name: 'python3', command: 'python3 -m http.server' });
    expect(redacted).toHaveLength(2);
  });

  it('follows a reparented process without describing it again', async () => {
    await sampler.sample();
    await writeFile(join(pidDir(NODE_PID), 'stat'), statLine(NODE_PID, 'node', 1, NODE_START));
    const sample = await sampler.sample();
    expect(sample.processes.find((p) => p.pid === NODE_PID)?.ppid).toBe(1);
    expect(redacted).toHaveLength(1);
    expect(matched.filter((pid) => pid === NODE_PID)).toHaveLength(1);
  });

  it('redacts a 128 KB command line once, however many samples see it', async () => {
    const long = `node\0${'--flag=value '.repeat(10_500)}\0--token=abc123\0`;
    expect(long.length).toBeGreaterThan(128 * 1024);
    await writeProcess(30000, 'node', 1, NODE_START + 1, long);
    for (let i = 0; i < 3; i++) {
      const sample = await sampler.sample();
      expect(sample.processes.find((p) => p.pid === 30000)?.command.endsWith('--token=[redacted]')).toBe(true);
    }
    expect(redacted.filter((command) => command.length > 128 * 1024)).toHaveLength(1);
  });

  it('shares one sample between concurrent callers', async () => {
    const [a, b] = await Promise.all([sampler.sample(), sampler.sample()]);
    expect(a).toBe(b);
    expect(redacted).toHaveLength(1);
  });

  it('notes a stat line it does not understand and carries on', async () => {
    await mkdir(pidDir(777));
    await writeFile(join(pidDir(777), 'stat'), 'garbage');
    const sample = await sampler.sample();
    expect(sample.notes).toContain(`${root}/777/stat: unrecognised format`);
    expect(sample.processes.map((p) => p.pid)).not.toContain(777);
  });

  it('has no start times without btime, and says so', async () => {
    await writeFile(join(root, 'stat'), 'cpu 1 2 3\n');
    const fresh = createProcfsSampler({ procRoot: root, redact: (c) => c, matchTool: () => null });
    const sample = await fresh.sample();
    expect(sample.processes.every((p) => p.startedAt === null)).toBe(true);
    expect(sample.notes).toContain(`${root}/stat has no btime: process start times are unknown`);
  });

  it('reads socket tables larger than its first buffer', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => tcpLine(i, 20000 + i, 42493, '01', 40000 + i));
    await writeFile(tcpTable(), `${fixture('linux-proc-net-tcp.txt').split('\n')[0]}\n${lines.join('\n')}\n`);
    expect((await readFile(tcpTable())).length).toBeGreaterThan(256 * 1024);
    const sample = await sampler.sample();
    expect(sample.connections.filter((c) => c.protocol === 'tcp')).toHaveLength(3000);
    expect(sample.notes.some((note) => note.includes('malformed'))).toBe(false);
  });

  it('throws when no socket table is readable (the caller falls back)', async () => {
    const empty = createProcfsSampler({ procRoot: join(root, 'self'), redact: (c) => c, matchTool: () => null });
    await expect(empty.sample()).rejects.toThrow(/no socket table readable/);
  });
});
