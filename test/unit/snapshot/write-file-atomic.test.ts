import { spawn, execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../main/adapters/write-file-atomic.js';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the exact content with mode 0600 and leaves no temp file', async () => {
    const target = path.join(dir, 'snapshot.json');
    const content = '{"takenAt":"2026-11-24"}\n… ünïcode ✓\n';
    await writeFileAtomic(target, content);
    expect(await readFile(target, 'utf8')).toBe(content);
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['snapshot.json']);
  });

  it('replaces an existing file whole, with the requested mode', async () => {
    const target = path.join(dir, 'report.md');
    await writeFile(target, 'old content that is longer than the new one', { mode: 0o666 });
    await writeFileAtomic(target, 'new', 0o644);
    expect(await readFile(target, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o644);
    expect(await readdir(dir)).toEqual(['report.md']);
  });

  it('rejects for a directory that does not exist and creates nothing', async () => {
    const target = path.join(dir, 'missing', 'snapshot.json');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects when the target is a directory and removes its temp file', async () => {
    const target = path.join(dir, 'taken');
    await writeFile(path.join(dir, 'keep.txt'), 'k');
    await mkdir(path.join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep.txt', 'taken']);
  });

  it('refuses a symlink target: neither the link nor the file it points to changes', async () => {
    const real = path.join(dir, 'real.json');
    const link = path.join(dir, 'link.json');
    await writeFile(real, 'old');
    await symlink(real, link);
    await expect(writeFileAtomic(link, 'new')).rejects.toThrow(/is a symbolic link; not replacing it/);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['link.json', 'real.json']);
  });

  it('refuses a FIFO target without opening it', async () => {
    const fifo = path.join(dir, 'out.json');
    execFileSync('mkfifo', [fifo]);
    await expect(writeFileAtomic(fifo, 'x')).rejects.toThrow(/not a regular file/);
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it("removes a killed run's temp file, and keeps a running writer's", async () => {
    const target = path.join(dir, 'snapshot.json');
    const dead = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid ?? 0)));
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(path.join(dir, `.snapshot.json.${deadPid}.0123456789ab.tmp`), '{"half":');
      await writeFile(path.join(dir, `.snapshot.json.${live.pid}.0123456789ab.tmp`), '{"in progress":');
      await writeFile(path.join(dir, '.other.json.1.0123456789ab.tmp'), 'not ours');
      await writeFileAtomic(target, '{}');
      expect((await readdir(dir)).sort()).toEqual([`.other.json.1.0123456789ab.tmp`, `.snapshot.json.${live.pid}.0123456789ab.tmp`, 'snapshot.json']);
    } finally {
      live.kill('SIGKILL');
    }
  });
});
