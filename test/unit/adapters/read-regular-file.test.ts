import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile, readRegularFileSync } from '../../../main/adapters/read-regular-file.js';
import { systemIo } from '../../../main/adapters/system-io.js';

let dir: string;
let socketServer: net.Server;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-read-'));
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);
  await symlink('/dev/zero', path.join(dir, 'zero'));
  await mkdir(path.join(dir, 'folder'));
  await symlink(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
  await symlink(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
  await symlink(path.join(dir, 'gone'), path.join(dir, 'dangling'));
  await writeFile(path.join(dir, 'small'), 'registry=https://registry.npmmirror.com/\n');
  await writeFile(path.join(dir, 'big'), Buffer.alloc(4097, 'x'));
  socketServer = net.createServer();
  await new Promise<void>((resolve) => socketServer.listen(path.join(dir, 'socket'), resolve));
});

afterAll(async () => {
  socketServer.close();
  await rm(dir, { recursive: true, force: true });
});

describe('readRegularFile', () => {
  const cases: Array<[name: string, kind: string, reason: RegExp]> = [
    ['fifo', 'not-regular', /^a FIFO, not a regular file$/],
    ['zero', 'not-regular', /^a device, not a regular file$/],
    ['folder', 'not-regular', /^a directory, not a regular file$/],
    ['socket', 'unreadable', /^a socket, not a regular file$/],
    ['loop-a', 'unreadable', /^symlink loop$/],
    ['dangling', 'missing', /^not found$/],
    ['absent', 'missing', /^not found$/],
    ['small/child', 'missing', /^not found \(a parent is not a folder\)$/],
  ];

  it.each(cases)('refuses %s (%s) at once, with a reason, in both forms', async (name, kind, reason) => {
    const file = path.join(dir, name);
    for (const read of [await readRegularFile(file), readRegularFileSync(file)]) {
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.kind).toBe(kind);
        expect(read.reason).toMatch(reason);
      }
    }
  });

  it('reads a regular file, and refuses one over the cap without reading it whole', async () => {
    const small = await readRegularFile(path.join(dir, 'small'));
    expect(small.ok && small.bytes.toString()).toBe('registry=https://registry.npmmirror.com/\n');
    expect(await readRegularFile(path.join(dir, 'big'), 4096)).toMatchObject({ ok: false, kind: 'too-large', reason: 'larger than 4096 bytes (not read)' });
    expect((await readRegularFile(path.join(dir, 'big'), 4097)).ok).toBe(true);
  });

  it('reads /proc files, which say their size is 0, up to the cap', async () => {
    const read = await readRegularFile('/proc/self/status');
    expect(read.ok && read.bytes.toString()).toMatch(/^Name:/);
    expect(await readRegularFile('/proc/self/status', 16)).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it.skipIf(process.getuid?.() === 0)('says permission denied for a file it may not read (as root: covered by the bad-input corpus, read as nobody)', async () => {
    const file = path.join(dir, 'secret');
    await writeFile(file, 'x');
    await chmod(file, 0o000);
    expect(await readRegularFile(file)).toMatchObject({ ok: false, kind: 'unreadable', reason: 'permission denied' });
  });
});

describe('systemIo.readText', () => {
  it('prefixes the path, and says whether nothing is there', async () => {
    expect(await systemIo.readText(path.join(dir, 'fifo'))).toEqual({ ok: false, reason: `${dir}/fifo: a FIFO, not a regular file`, missing: false });
    expect(await systemIo.readText(path.join(dir, 'absent'))).toEqual({ ok: false, reason: `${dir}/absent: not found`, missing: true });
  });
});
