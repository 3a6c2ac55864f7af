import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, SamplerStatus, type SequencedSnapshot } from '../../../contract/api.js';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import { SnapshotDelta } from '../../../contract/events.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { DEFAULT_INTERVAL_MS, Monitor } from '../../../main/monitor/monitor.js';
import { sampleSnapshot } from '../service/sample-snapshot.js';
import { conn } from './snapshots.js';

const ATTEMPT: ConnectionAttempt = {
  at: '2026-11-24T11:00:00.000Z',
  pid: 42,
  process: 'node',
  command: 'node codex.js',
  toolId: 'codex-cli',
  protocol: 'tcp',
  localAddress: '10.0.0.2',
  localPort: 50000,
  remoteAddress: '203.0.113.9',
  remotePort: 443,
  remote: { country: null, asn: null, org: null, host: null },
  outcome: 'established',
  durationMs: 12.5,
  source: 'trace',
};

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
  it('keeps secrets out of the error it reports (status reaches the UI and logs)', async () => {
    const monitor = new Monitor({
      takeSnapshot: async () => {
        throw new Error('~/.npmrc: bad proxy https-proxy=http://bob:hunter2@10.8.0.1:3128 --token ghp_0123456789abcdefghijABCDEFGHIJ');
      },
    });
    await expect(monitor.sampleNow()).rejects.toThrow();
    expect(monitor.status.lastError).toContain('http://bob:***@10.8.0.1:3128');
    expect(monitor.status.lastError).not.toMatch(/hunter2|ghp_0123/);
    monitor.stop();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts with no snapshot (seq 0) and a valid idle status', () => {
    const monitor = new Monitor({ takeSnapshot: async () => sampleSnapshot() });
    expect(monitor.snapshot).toBeNull();
    expect(monitor.current).toEqual({ seq: 0, snapshot: null });
    expect(SamplerStatus.parse(monitor.status)).toEqual({
      paused: false,
      sampling: false,
      lastSampleAt: null,
      intervalMs: DEFAULT_INTERVAL_MS,
      lastError: null,
      capture: { mode: 'polling', reason: null, pollMs: null },
      language: 'en',
      now: expect.any(String),
    });
  });

  it('refuses a non-positive interval or heartbeat', () => {
    expect(() => new Monitor({ takeSnapshot: async () => sampleSnapshot(), intervalMs: 0 })).toThrow(RangeError);
    expect(() => new Monitor({ takeSnapshot: async () => sampleSnapshot(), heartbeatMs: -1 })).toThrow(RangeError);
  });

  it('sends the first sample whole as seq 1, then each later one as a delta from the one before', async () => {
    const first = sampleSnapshot({ takenAt: '2026-11-24T11:00:00.000Z' });
    const opened = conn({ pid: 9, localPort: 60000 });
    const second = sampleSnapshot({ takenAt: '2026-11-24T11:00:05.000Z', connections: [...first.connections, opened] });
    const takeSnapshot = vi.fn<() => Promise<Snapshot>>().mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    const monitor = new Monitor({ takeSnapshot });
    const snapshots: SequencedSnapshot[] = [];
    const deltas: SnapshotDelta[] = [];
    const statuses: SamplerStatus[] = [];
    monitor.on('snapshot', (s) => snapshots.push(s));
    monitor.on('delta', (d) => deltas.push(d));
    monitor.on('status', (s) => statuses.push(s));

    await expect(monitor.sampleNow()).resolves.toBe(first);
    expect(snapshots).toEqual([{ seq: 1, snapshot: first }]);
    expect(monitor.current).toEqual({ seq: 1, snapshot: first });
    expect(statuses.map((s) => s.sampling)).toEqual([true, false]);
    expect(monitor.status.lastSampleAt).toBe('2026-11-24T11:00:00.000Z');

    await monitor.sampleNow();
    expect(snapshots).toHaveLength(1);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]).toMatchObject({ seq: 2, baseSeq: 1, takenAt: second.takenAt, connections: { upserted: [opened], removed: [] } });
    expect(deltas[0]?.events.map((e) => e.type)).toEqual(['connection-opened']);
    expect(monitor.current).toEqual({ seq: 2, snapshot: second });
  });

  it('carries the attempts seen between samples in the next delta, first; none before the first snapshot is lost', async () => {
    const first = sampleSnapshot({ takenAt: '2026-11-24T11:00:00.000Z' });
    const second = sampleSnapshot({ takenAt: '2026-11-24T11:00:05.000Z' });
    const attempt = { ...ATTEMPT, at: '2026-11-24T11:00:02.000Z' };
    const queued = [attempt];
    const takeAttempts = vi.fn(() => queued.splice(0));
    const takeSnapshot = vi.fn<() => Promise<Snapshot>>().mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    const monitor = new Monitor({ takeSnapshot, takeAttempts });
    const deltas: SnapshotDelta[] = [];
    monitor.on('delta', (d) => deltas.push(d));
    await monitor.sampleNow();
    expect(takeAttempts).not.toHaveBeenCalled(); // the first sample is a snapshot: attempts wait for a delta
    await monitor.sampleNow();
    expect(deltas[0]?.events).toEqual([{ type: 'connection-attempt', at: attempt.at, attempt }]);
    expect(SnapshotDelta.parse(deltas[0])).toEqual(deltas[0]);
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

  it('records a sampling error and keeps the previous snapshot and seq', async () => {
    const good = sampleSnapshot();
    const takeSnapshot = vi.fn<() => Promise<Snapshot>>().mockResolvedValueOnce(good).mockRejectedValueOnce(new Error('ss exited with 1'));
    const monitor = new Monitor({ takeSnapshot });
    const deltas: SnapshotDelta[] = [];
    monitor.on('delta', (d) => deltas.push(d));
    await monitor.sampleNow();
    await expect(monitor.sampleNow()).rejects.toThrow('ss exited with 1');
    expect(monitor.current).toEqual({ seq: 1, snapshot: good });
    expect(monitor.status).toMatchObject({ lastError: 'ss exited with 1', sampling: false, lastSampleAt: good.takenAt });
    // The next good sample clears the error and follows on from the last good one.
    takeSnapshot.mockResolvedValueOnce(good);
    await monitor.sampleNow();
    expect(monitor.status.lastError).toBeNull();
    expect(deltas.map((d) => [d.baseSeq, d.seq])).toEqual([[1, 2]]);
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

  it('changes its interval while running: a wait under way is cut short or stretched, later ones use the new interval', async () => {
    vi.useFakeTimers();
    const takeSnapshot = vi.fn(async () => sampleSnapshot());
    const monitor = new Monitor({ takeSnapshot, intervalMs: 10_000 });
    const statuses: SamplerStatus[] = [];
    monitor.on('status', (s) => statuses.push(s));
    monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(takeSnapshot).toHaveBeenCalledTimes(1);

    // 3 s into a 10 s wait, the interval becomes 4 s: the next sample comes 1 s later, not 7 s.
    await vi.advanceTimersByTimeAsync(3000);
    expect(monitor.setIntervalMs(4000).intervalMs).toBe(4000);
    expect(statuses.at(-1)?.intervalMs).toBe(4000);
    await vi.advanceTimersByTimeAsync(999);
    expect(takeSnapshot).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(takeSnapshot).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4000);
    expect(takeSnapshot).toHaveBeenCalledTimes(3);

    // Longer: the wait under way stretches to the new interval.
    await vi.advanceTimersByTimeAsync(1000);
    monitor.setIntervalMs(20_000);
    await vi.advanceTimersByTimeAsync(18_999);
    expect(takeSnapshot).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(takeSnapshot).toHaveBeenCalledTimes(4);

    // Already overdue under the new interval: sampled at once.
    await vi.advanceTimersByTimeAsync(5000);
    monitor.setIntervalMs(1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(takeSnapshot).toHaveBeenCalledTimes(5);
    expect(() => monitor.setIntervalMs(0)).toThrow(RangeError);
    monitor.stop();
  });

  it('starts paused when told (the saved setting): no sample until resumed', async () => {
    vi.useFakeTimers();
    const takeSnapshot = vi.fn(async () => sampleSnapshot());
    const monitor = new Monitor({ takeSnapshot, intervalMs: 1000, paused: true });
    monitor.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(takeSnapshot).not.toHaveBeenCalled();
    expect(monitor.status.paused).toBe(true);
    monitor.setPaused(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(takeSnapshot).toHaveBeenCalledTimes(1);
    monitor.stop();
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

  it('sends status as a heartbeat while running, paused included, and stops with stop()', async () => {
    vi.useFakeTimers();
    const monitor = new Monitor({ takeSnapshot: async () => sampleSnapshot(), intervalMs: 60_000 });
    const statuses: SamplerStatus[] = [];
    monitor.on('status', (s) => statuses.push(s));
    monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    const afterFirstSample = statuses.length;

    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 3);
    const beats = statuses.slice(afterFirstSample);
    expect(beats).toHaveLength(3);
    // Each beat carries the host's clock, HEARTBEAT_MS apart.
    expect(beats.map((s) => Date.parse(s.now))).toEqual([1, 2, 3].map((n) => Date.parse(beats[0]?.now ?? '') + (n - 1) * HEARTBEAT_MS));

    monitor.pause();
    statuses.length = 0;
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2);
    expect(statuses.map((s) => s.paused)).toEqual([true, true]);

    monitor.stop();
    statuses.length = 0;
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 5);
    expect(statuses).toEqual([]);
  });

  it('shows a stalled sample in the heartbeat: sampling, with lastSampleAt falling behind now', async () => {
    vi.useFakeTimers();
    const sampler = controlledSampler();
    const monitor = new Monitor({ takeSnapshot: sampler.takeSnapshot, intervalMs: 1000, heartbeatMs: 1000 });
    monitor.start();
    const good = sampleSnapshot({ takenAt: new Date().toISOString() });
    sampler.next().resolve(good);
    await vi.advanceTimersByTimeAsync(1000);
    // The second sample never finishes.
    expect(sampler.pendingCount()).toBe(1);
    const statuses: SamplerStatus[] = [];
    monitor.on('status', (s) => statuses.push(s));
    await vi.advanceTimersByTimeAsync(5000);
    const last = statuses.at(-1);
    expect(last).toMatchObject({ sampling: true, paused: false, lastSampleAt: good.takenAt });
    expect(Date.parse(last?.now ?? '') - Date.parse(good.takenAt)).toBeGreaterThanOrEqual(3 * 1000);
    monitor.stop();
  });

  it('unsubscribes a listener', async () => {
    const monitor = new Monitor({ takeSnapshot: async () => sampleSnapshot() });
    const seen: SnapshotDelta[] = [];
    const off = monitor.on('delta', (d) => seen.push(d));
    await monitor.sampleNow();
    await monitor.sampleNow();
    off();
    await monitor.sampleNow();
    expect(seen).toHaveLength(1);
  });
});
