/** Re-reading a sampler only when its inputs change, on real files, directories and symlinks. */
import { mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rereadOnChange } from '../../../main/adapters/reread-on-change.js';
import { processContext } from '../../../main/adapters/system-io.js';
import type { SampleContext } from '../../../main/core/context.js';

let dir: string;
let ctx: SampleContext;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-reread-'));
  ctx = processContext();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A sampler that reads what it is told to and counts its runs. */
function counted(read: (c: SampleContext) => Promise<unknown>) {
  const counter = { runs: 0 };
  const sampler = async (c: SampleContext) => {
    counter.runs++;
    return read(c);
  };
  return { counter, sampler };
}

describe('rereadOnChange', () => {
  it('returns the last result while the files it read are unchanged, and rereads when one changes', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{"proxy":"http://a:1"}');
    const { counter, sampler } = counted(async (c) => c.io.readText(file));
    const read = rereadOnChange(sampler);
    const first = await read(ctx);
    expect(await read(ctx)).toBe(first);
    expect(counter.runs).toBe(1);
    await writeFile(file, '{"proxy":"http://b:2"}');
    expect(await read(ctx)).toEqual({ ok: true, value: '{"proxy":"http://b:2"}' });
    expect(counter.runs).toBe(2);
  });

  it('notices a file that appears where there was none, and one that goes away', async () => {
    const file = path.join(dir, '.npmrc');
    const { counter, sampler } = counted(async (c) => c.io.exists(file));
    const read = rereadOnChange(sampler);
    expect(await read(ctx)).toBe(false);
    await writeFile(file, 'registry=https://registry.npmmirror.com/');
    expect(await read(ctx)).toBe(true);
    await unlink(file);
    expect(await read(ctx)).toBe(false);
    expect(counter.runs).toBe(3);
  });

  it('notices a symlink pointed elsewhere (a new /etc/localtime) and a directory that gained an entry', async () => {
    const link = path.join(dir, 'localtime');
    await symlink('/usr/share/zoneinfo/Etc/UTC', link);
    const sub = path.join(dir, 'bin');
    const { counter, sampler } = counted(async (c) => [await c.io.realPath(link), await c.io.listDir(dir)]);
    const read = rereadOnChange(sampler);
    await read(ctx);
    await read(ctx);
    expect(counter.runs).toBe(1);
    await unlink(link);
    await symlink('/usr/share/zoneinfo/Asia/Shanghai', link);
    await read(ctx);
    expect(counter.runs).toBe(2);
    await writeFile(sub, '');
    await read(ctx);
    expect(counter.runs).toBe(3);
  });

  it('reruns once the result is older than its maximum age (commands, the clock), and for another context', async () => {
    let clock = 1_000;
    const { counter, sampler } = counted(async (c) => c.io.run('true', []));
    const read = rereadOnChange(sampler, { maxAgeMs: 60_000, now: () => clock });
    await read(ctx);
    clock += 59_000;
    await read(ctx);
    expect(counter.runs).toBe(1);
    clock += 2_000;
    await read(ctx);
    expect(counter.runs).toBe(2);
    await read({ ...ctx, env: { ...ctx.env, HTTPS_PROXY: 'http://p:1' } });
    expect(counter.runs).toBe(3);
  });
});
