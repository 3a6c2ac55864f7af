import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProcfs } from '../../../main/adapters/connections-procfs.js';
import { fixture } from './fixtures.js';

// A procfs-shaped tree on disk (real files and real symlinks whose targets are "socket:[inode]"),
// holding the captured socket tables, so the adapter's walking and joining run for real.
describe('sampleProcfs on a procfs-shaped directory', () => {
  let root = '';

  beforeAll(async () => {
    root = await mkdtemp(join(os.tmpdir(), 'telltale-proc-'));
    await mkdir(join(root, 'net'));
    for (const table of ['tcp', 'tcp6', 'udp']) {
      await writeFile(join(root, 'net', table), fixture(`linux-proc-net-${table}.txt`));
    }
    // udp6 missing, as with IPv6 disabled.
    const pid = join(root, '13447');
    await mkdir(join(pid, 'fd'), { recursive: true });
    await writeFile(join(pid, 'stat'), fixture('linux-proc-self-stat.txt'));
    await writeFile(join(pid, 'cmdline'), 'node\0/tmp/cap.mjs\0');
    await symlink('socket:[25686]', join(pid, 'fd', '22'));
    await symlink('socket:[25693]', join(pid, 'fd', '29'));
    await symlink('/dev/null', join(pid, 'fd', '0'));
    await symlink('socket:[999999]', join(pid, 'fd', '40')); // not in any table (e.g. a unix socket)
    // A parent with no fd directory left (exited between reading stat and listing fds).
    await mkdir(join(root, '13444'));
    await writeFile(join(root, '13444', 'stat'), '13444 (bash) S 1 13444 13444 0');
    // A pid directory whose files are gone (exited right after the listing).
    await mkdir(join(root, '555'));
    await mkdir(join(root, 'self'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('joins sockets to processes, lists every process, and reports what it skipped', async () => {
    const sample = await sampleProcfs(root);
    expect(sample.source).toBe('procfs');
    expect(sample.processes.sort((a, b) => a.pid - b.pid)).toEqual([
      { pid: 13444, ppid: 1, name: 'bash', command: '' },
      { pid: 13447, ppid: 13444, name: 'node', command: 'node /tmp/cap.mjs' },
    ]);
    const owned = sample.connections.filter((c) => c.pid === 13447);
    expect(owned.map((c) => [c.protocol, c.localPort, c.remotePort, c.state, c.process, c.command])).toEqual([
      ['tcp', 33490, 42493, 'ESTABLISHED', 'node', 'node /tmp/cap.mjs'],
      ['udp', 39631, 36358, 'ESTABLISHED', 'node', 'node /tmp/cap.mjs'],
    ]);
    // Every socket is kept, owned or not: 12 tcp + 5 tcp6 + 2 udp.
    expect(sample.connections).toHaveLength(19);
    expect(sample.notes).toEqual([
      `${root}/net/udp6 unreadable (ENOENT)`,
      '2 process(es) exited during the sample and were skipped',
      "17 socket(s) have no visible owner (e.g. TIME_WAIT or other users' processes)",
    ]);
  });

  it('throws when no socket table is readable (the caller falls back)', async () => {
    await expect(sampleProcfs(join(root, 'self'))).rejects.toThrow(/no socket table readable/);
  });
});
