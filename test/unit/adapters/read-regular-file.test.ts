import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile, readRegularFileSync } from '../../../main/adapters/read-regular-file.js';
import { systemIo } from '../../../main/adapters/system-io.js';
import { renderReason } from '../../../common/i18n/render-reason.js';

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
  /** What each is, as the reason says it; the path of each is the one read. */
  const cases: Array<[name: string, why: Record<string, unknown>, english: string]> = [
    ['fifo', { id: 'reason.file.not-regular', is: 'fifo' }, ': a FIFO, not a regular file'],
    ['zero', { id: 'reason.file.not-regular', is: 'device' }, ': a device, not a regular file'],
    ['folder', { id: 'reason.file.not-regular', is: 'directory' }, ': a directory, not a regular file'],
    ['socket', { id: 'reason.file.not-regular', is: 'socket' }, ': a socket, not a regular file'],
    ['loop-a', { id: 'reason.file.unreadable', code: 'ELOOP' }, ': cannot be read (ELOOP)'],
    ['dangling', { id: 'reason.file.missing' }, ': not found'],
    ['absent', { id: 'reason.file.missing' }, ': not found'],
    // A parent that is not a folder: nothing can be there.
    ['small/child', { id: 'reason.file.missing' }, ': not found'],
  ];

  it.each(cases)('refuses %s at once, with a reason, in both forms', async (name, why, english) => {
    const file = path.join(dir, name);
    for (const read of [await readRegularFile(file), readRegularFileSync(file)]) {
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.reason).toEqual({ ...why, path: file });
        expect(renderReason(read.reason, 'en')).toBe(file + english);
      }
    }
  });

  it('reads a regular file, and refuses one over the cap without reading it whole', async () => {
    const small = await readRegularFile(path.join(dir, 'small'));
    expect(small.ok && small.bytes.toString()).toBe('registry=https://registry.npmmirror.com/\n');
    expect(await readRegularFile(path.join(dir, 'big'), 4096)).toEqual({ ok: false, reason: { id: 'reason.file.too-large', path: path.join(dir, 'big'), limit: 4096 } });
    expect((await readRegularFile(path.join(dir, 'big'), 4097)).ok).toBe(true);
  });

  it('reads /proc files, which say their size is 0, up to the cap', async () => {
    const read = await readRegularFile('/proc/self/status');
    expect(read.ok && read.bytes.toString()).toMatch(/^Name:/);
    expect(await readRegularFile('/proc/self/status', 16)).toMatchObject({ ok: false, reason: { id: 'reason.file.too-large', limit: 16 } });
  });

  it.skipIf(process.getuid?.() === 0)('says permission denied for a file it may not read (as root: covered by the bad-input corpus, read as nobody)', async () => {
    const file = path.join(dir, 'secret');
    await writeFile(file, 'x');
    await chmod(file, 0o000);
    expect(await readRegularFile(file)).toEqual({ ok: false, reason: { id: 'reason.file.permission-denied', path: file } });
  });
});

describe('systemIo.readText', () => {
  it('prefixes the path, and says whether nothing is there', async () => {
    expect(await systemIo.readText(path.join(dir, 'fifo'))).toEqual({ ok: false, reason: { id: 'reason.file.not-regular', path: `${dir}/fifo`, is: 'fifo' }, missing: false });
    expect(await systemIo.readText(path.join(dir, 'absent'))).toEqual({ ok: false, reason: { id: 'reason.file.missing', path: `${dir}/absent` }, missing: true });
  });
});
