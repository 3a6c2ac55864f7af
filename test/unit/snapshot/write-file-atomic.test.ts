import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
});
