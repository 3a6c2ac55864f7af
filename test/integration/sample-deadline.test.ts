/**
 * A sampler that never finishes (a read stuck on a dead network mount, a command that ignores its
 * timeout) costs its part of the snapshot, not the snapshot: it becomes an error signal saying why,
 * the rest is sampled as usual, and the next sample does not start a second stuck copy.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemIo } from '../../main/adapters/system-io.js';
import type { Io } from '../../main/core/context.js';
import { bounded } from '../../main/core/deadline.js';
import { createSnapshotSource } from '../../main/sample.js';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'telltale-deadline-'));
  await writeFile(path.join(home, '.npmrc'), 'registry=https://registry.npmmirror.com/\n');
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('bounded', () => {
  it('gives the result in time, the fallback when late, and joins a run still under way', async () => {
    let runs = 0;
    let release: (value: string) => void = () => undefined;
    const slow = bounded(
      () => {
        runs++;
        return new Promise<string>((resolve) => (release = resolve));
      },
      50,
      (ms) => `late after ${ms} ms`,
    );
    expect(await slow(undefined)).toBe('late after 50 ms');
    expect(await slow(undefined)).toBe('late after 50 ms');
    expect(runs).toBe(1);
    const next = slow(undefined);
    release('done');
    expect(await next).toBe('done');
    expect(await bounded(async (n: number) => n * 2, 50, () => -1)(21)).toBe(42);
  });
});

describe('a snapshot source with a stuck reader', () => {
  it('reports the stuck samplers as error signals and keeps the others', async () => {
    // Reads of the git config never return; everything else is the real machine.
    const stuck: Io = {
      ...systemIo,
      readText: (file) => (file.endsWith('.gitconfig') ? new Promise(() => undefined) : systemIo.readText(file)),
    };
    const ctx = { env: { HOME: home, PATH: process.env.PATH, TZ: 'Asia/Shanghai' }, home, platform: process.platform, io: stuck };
    const source = createSnapshotSource({ ctx, stateDir: path.join(home, 'state'), deadlineMs: 8000 });
    const snapshot = await source.take();
    const identity = snapshot.signals.find((s) => s.id === 'system.sampler.identity');
    expect(identity).toMatchObject({
      status: 'error',
      reason: 'sampler identity did not finish within 8000 ms (its part of this sample is missing)',
      reasonMessage: { id: 'reason.sampler.missed-deadline', sampler: 'identity', ms: 8000 },
    });
    expect(snapshot.signals.find((s) => s.source === 'env:TZ')).toMatchObject({ status: 'ok', value: 'Asia/Shanghai' });
    // The next sample joins the stuck run rather than starting another, and still answers.
    const again = await source.take();
    expect(again.signals.find((s) => s.id === 'system.sampler.identity')?.status).toBe('error');
  });
});
