import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, type SamplerStatus } from '../../../contract/api.js';
import { liveness } from '../../../renderer/src/hooks/useLiveness.js';

const HOST_NOW = '2026-11-24T10:01:00.000Z';
const status = (overrides: Partial<SamplerStatus> = {}): SamplerStatus => ({
  paused: false,
  sampling: false,
  lastSampleAt: '2026-11-24T10:00:57.000Z',
  intervalMs: 5000,
  lastError: null,
  capture: { mode: 'polling', reason: null, pollMs: null },
  language: 'en',
  now: HOST_NOW,
  ...overrides,
});
// The UI's clock is deliberately an hour off the host's: only the host's clock judges sample age.
const uiNow = Date.parse(HOST_NOW) + 3_600_000;
const heard = (agoMs: number) => ({ heardAt: uiNow - agoMs, streamDown: false });

describe('liveness', () => {
  it('is live while heartbeats arrive and the last sample is recent', () => {
    expect(liveness(status(), heard(1000), uiNow)).toBe('live');
    expect(liveness(status({ sampling: true }), heard(1000), uiNow)).toBe('live');
    expect(liveness(status({ lastSampleAt: null, sampling: true }), heard(1000), uiNow)).toBe('live');
  });

  it('is paused when the user paused, however old the last sample', () => {
    expect(liveness(status({ paused: true, lastSampleAt: '2026-11-24T09:00:00.000Z' }), heard(1000), uiNow)).toBe('paused');
  });

  it('is stale when heartbeats arrive but the last sample is older than 3 intervals on the host clock', () => {
    expect(liveness(status({ sampling: true, lastSampleAt: '2026-11-24T10:00:45.000Z' }), heard(1000), uiNow)).toBe('live');
    expect(liveness(status({ sampling: true, lastSampleAt: '2026-11-24T10:00:44.000Z' }), heard(1000), uiNow)).toBe('stale');
    expect(liveness(status({ lastError: 'boom', lastSampleAt: '2026-11-24T10:00:00.000Z' }), heard(1000), uiNow)).toBe('stale');
  });

  it('is down after two heartbeats missed or when the event stream failed, paused or not', () => {
    expect(liveness(status(), heard(2 * HEARTBEAT_MS), uiNow)).toBe('live');
    expect(liveness(status(), heard(2 * HEARTBEAT_MS + 1), uiNow)).toBe('down');
    expect(liveness(status({ paused: true }), heard(2 * HEARTBEAT_MS + 1), uiNow)).toBe('down');
    expect(liveness(status(), { heardAt: uiNow, streamDown: true }, uiNow)).toBe('down');
  });

  it('is connecting before anything was heard', () => {
    expect(liveness(null, { heardAt: null, streamDown: false }, uiNow)).toBe('connecting');
    expect(liveness(status(), { heardAt: null, streamDown: false }, uiNow)).toBe('connecting');
  });
});
