import { afterEach, describe, expect, it, vi } from 'vitest';
import { SamplerStatus } from '../../../contract/api.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { DEFAULT_INTERVAL_MS, Monitor } from '../../../main/monitor/monitor.js';
import { sampleSnapshot } from '../service/sample-snapshot.js';

/** A takeSnapshot whose samples finish only when the test says so. */
function controlledSampler() {
  const pending: { resolve: (s: Snapshot) => void; reject: (e: Error) => void }[] = [];
  const takeSnapshot = vi.fn(
    () =>
      new Promise<Snapshot>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  const next = () => {
    const p = pending.shift();
    if (!p) throw new Error('no sample in flight');
    return p;
  };
  return { takeSnapshot, next, pendingCount: () => pending.length };
}

describe('Monitor', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts with no snapshot and a valid idle status', () => {
    const monitor = new Monitor({ takeSnapshot: async () => sampleSnapshot() });
    expect(monitor.snapshot).toBeNull();
    expect(SamplerStatus.parse(monitor.status)).toEqual({
      paused: false,
      sampling: false,
      lastSampleAt: null,
      intervalMs: DEFAULT_INTERVAL_MS,
      lastError: null,
    });
  });

  it('refuses a non-positive interval', () => {
    expect(() => new Monitor({ takeSnapshot: async () => sampleSnapshot(), intervalMs: 0 })).toThrow(RangeError);
  });

  it('keeps the sample and emits snapshot and status events', async () => {
    const snapshot = sampleSnapshot({ takenAt: '2026-11-24T11:00:00.000Z' });
    const monitor = new Monitor({ takeSnapshot: async () => snapshot });
    const snapshots: Snapshot[] = [];
    const statuses: SamplerStatus[] = [];
    monitor.on('snapshot', (s) => snapshots.push(s));
    monitor.on('status', (s) => statuses.push(s));

    await expect(monitor.sampleNow()).resolves.toBe(snapshot);

    expect(monitor.snapshot).toBe(snapshot);
    expect(snapshots).toEqual([snapshot]);
    expect(statuses.map((s) => s.sampling)).toEqual([true, false]);
    expect(monitor.status.lastSampleAt).toBe('2026-11-24T11:00:00.000Z');
  });

  it('coalesces concurrent sampleNow calls into one sample', async () => {
    const sampler = controlledSampler();
    const monitor = new Monitor({ takeSnapshot: sampler.takeSnapshot });
    const a = monitor.sampleNow();
    const b = monitor.sampleNow();
    expect(a).toBe(b);
    expect(monitor.status.sampling).toBe(true);
    const snapshot = sampleSnapshot();
    sampler.next().resolve(snapshot);
    await expect(Promise.all([a, b])).resolves.toEqual([snapshot, snapshot]);
    expect(sampler.takeSnapshot).toHaveBeenCalledTimes(1);
    // Once settled, a new request starts a new sample.
    const c = monitor.sampleNow();
    expect(sampler.takeSnapshot).toHaveBeenCalledTimes(2);
    sampler.next().resolve(snapshot);
    await c;
  });

  it('records a sampling error and keeps the previous snapshot', async () => {
    const good = sampleSnapshot();
    const takeSnapshot = vi.fn<() => Promise<Snapshot>>().mockResolvedValueOnce(good).mockRejectedValueOnce(new Error('ss exited with 1'));
    const monitor = new Monitor({ takeSnapshot });
    await monitor.sampleNow();
    await expect(monitor.sampleNow()).rejects.toThrow('ss exited with 1');
    expect(monitor.snapshot).toBe(good);
    expect(monitor.status).toMatchObject({ lastError: 'ss exited with 1', sampling: false, lastSampleAt: good.takenAt });
    // The next good sample clears the error.
    takeSnapshot.mockResolvedValueOnce(good);
    await monitor.sampleNow();
    expect(monitor.status.lastError).toBeNull();
  });

  it('samples at once on start, then every interval after the previous sample finished', async () => {
    vi.useFakeTimers();
    const sampler = controlledSampler();
    const monitor = new Monitor({ takeSnapshot: sampler.takeSnapshot, intervalMs: 1000 });
    monitor.start();
    expect(sampler.takeSnapshot).toHaveBeenCalledTimes(1);

    // A slow sample: the interval passes but no second sample overlaps it.
    await vi.advanceTimersByTimeAsync(5000);
    expect(sampler.takeSnapshot).toHaveBeenCalledTimes(1);

    sampler.next().resolve(sampleSnapshot());
    await vi.advanceTimersByTimeAsync(999);
    expect(sampler.takeSnapshot).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sampler.takeSnapshot).toHaveBeenCalledTimes(2);

    // A failed timed sample does not stop the schedule.
    sampler.next().reject(new Error('boom'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sampler.takeSnapshot).toHaveBeenCalledTimes(3);
    expect(monitor.status.lastError).toBe('boom');

    monitor.stop();
    sampler.next().resolve(sampleSnapshot());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sampler.takeSnapshot).toHaveBeenCalledTimes(3);
  });

  it('pause stops timed samples, resume samples at once, sampleNow works while paused', async () => {
    vi.useFakeTimers();
    const takeSnapshot = vi.fn(async () => sampleSnapshot());
    const monitor = new Monitor({ takeSnapshot, intervalMs: 1000 });
    const statuses: SamplerStatus[] = [];
    monitor.on('status', (s) => statuses.push(s));
    monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(takeSnapshot).toHaveBeenCalledTimes(1);

    expect(monitor.setPaused(true).paused).toBe(true);
    expect(statuses.at(-1)?.paused).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(takeSnapshot).toHaveBeenCalledTimes(1);

    await monitor.sampleNow();
    expect(takeSnapshot).toHaveBeenCalledTimes(2);

    monitor.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(takeSnapshot).toHaveBeenCalledTimes(3);
    expect(monitor.status.paused).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(takeSnapshot).toHaveBeenCalledTimes(4);
    monitor.stop();
  });

  it('unsubscribes a listener', async () => {
    const monitor = new Monitor({ takeSnapshot: async () => sampleSnapshot() });
    const seen: Snapshot[] = [];
    const off = monitor.on('snapshot', (s) => seen.push(s));
    await monitor.sampleNow();
    off();
    await monitor.sampleNow();
    expect(seen).toHaveLength(1);
  });
});
