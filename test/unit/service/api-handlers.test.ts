import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiCalls, type ApiCallName, type ApiResponse, type ExportResult } from '../../../contract/api.js';
import type { ProbeReport, Snapshot, SnapshotDiff } from '../../../contract/snapshot.js';
import { ApiError, createApiHandlers, dispatchCall, type ApiHandlerDeps } from '../../../main/service/api-handlers.js';
import { Monitor } from '../../../main/monitor/monitor.js';
import { sampleSnapshot } from './sample-snapshot.js';
import { emptyDiff } from '../../helpers/snapshot-builders.js';
import { unavailableHistory } from '../../../main/history/unavailable.js';
import { openSettingsStore } from '../../../main/settings/settings-store.js';

const probe: ProbeReport = {
  command: ['claude', '-p', 'hi'],
  startedAt: '2026-11-24T10:00:00.000Z',
  finishedAt: '2026-11-24T10:01:00.000Z',
  runsPerVariant: 2,
  requestsCaptured: 8,
  noise: [],
  factors: [],
  summary: 'Nothing changed.',
};

function setup() {
  const snapshot = sampleSnapshot();
  const monitor = new Monitor({ takeSnapshot: vi.fn(async () => snapshot) });
  const exportSnapshot = vi.fn(
    (s: Snapshot, format: string): ExportResult => ({ filename: `telltale.${format}`, mime: 'application/json', content: JSON.stringify(s) }),
  );
  const diffWithCurrent = vi.fn((previousJson: string, current: Snapshot): SnapshotDiff => {
    const previous = JSON.parse(previousJson) as Snapshot;
    return emptyDiff(previous.takenAt, current.takenAt);
  });
  const deps: ApiHandlerDeps = { monitor, exportSnapshot, diffWithCurrent, getProbes: async () => [probe], history: unavailableHistory('not part of this test'), settings: openSettingsStore({ file: null }) };
  return { snapshot, monitor, deps, handlers: createApiHandlers(deps) };
}

/** Dispatches and checks the answer against the contract's response schema. */
async function call<K extends ApiCallName>(handlers: ReturnType<typeof setup>['handlers'], name: K, request: unknown): Promise<ApiResponse<K>> {
  const response = await dispatchCall(handlers, name, request);
  return apiCalls[name].response.parse(response) as ApiResponse<K>;
}

describe('createApiHandlers + dispatchCall', () => {
  it('implements every call in the contract', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(apiCalls).sort());
  });

  it('answers getSnapshot with seq 0 and no snapshot before the first sample, then the numbered snapshot', async () => {
    const { handlers, snapshot } = setup();
    expect(await call(handlers, 'getSnapshot', {})).toEqual({ seq: 0, snapshot: null });
    expect(await call(handlers, 'sampleNow', {})).toEqual(snapshot);
    expect(await call(handlers, 'getSnapshot', undefined)).toEqual({ seq: 1, snapshot });
    await call(handlers, 'sampleNow', {});
    expect(await call(handlers, 'getSnapshot', {})).toMatchObject({ seq: 2 });
  });

  it('pauses and resumes through setPaused and reports it in getStatus', async () => {
    const { handlers } = setup();
    expect(await call(handlers, 'setPaused', { paused: true })).toMatchObject({ paused: true });
    expect(await call(handlers, 'getStatus', {})).toMatchObject({ paused: true, sampling: false });
    expect(await call(handlers, 'setPaused', { paused: false })).toMatchObject({ paused: false });
  });

  it('exports with the redaction defaults filled in, sampling first if there is no snapshot yet', async () => {
    const { handlers, deps, snapshot } = setup();
    const result = await call(handlers, 'exportSnapshot', { format: 'json', redaction: {} });
    expect(result.filename).toBe('telltale.json');
    expect(deps.exportSnapshot).toHaveBeenCalledWith(snapshot, 'json', { maskHostname: false, maskUsername: false }, false);
  });

  it('diffs a previous snapshot against the current one', async () => {
    const { handlers, snapshot } = setup();
    const previous = JSON.stringify(sampleSnapshot({ takenAt: '2026-11-01T00:00:00.000Z' }));
    const diff = await call(handlers, 'diffWithCurrent', { previous });
    expect(diff).toMatchObject({ from: '2026-11-01T00:00:00.000Z', to: snapshot.takenAt });
  });

  it('returns probe reports', async () => {
    const { handlers } = setup();
    expect(await call(handlers, 'getProbes', {})).toEqual([probe]);
  });

  it('rejects an unknown call with a 404 ApiError, including prototype names', async () => {
    const { handlers } = setup();
    for (const name of ['deleteEverything', 'constructor', '__proto__', 'toString']) {
      const error = await dispatchCall(handlers, name, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 404 });
    }
  });

  it('rejects a malformed request with a 400 that names the problem', async () => {
    const { handlers, monitor } = setup();
    const bad: [ApiCallName, unknown][] = [
      ['setPaused', { paused: 'yes' }],
      ['setPaused', {}],
      ['getSnapshot', { extra: 1 }],
      ['exportSnapshot', { format: 'pdf', redaction: {} }],
      ['diffWithCurrent', { previous: 42 }],
      ['getStatus', 'not an object'],
    ];
    for (const [name, request] of bad) {
      const error = await dispatchCall(handlers, name, request).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toContain(name);
    }
    expect(monitor.status.paused).toBe(false);
  });

  it('passes a sampling failure on to the caller', async () => {
    const monitor = new Monitor({ takeSnapshot: async () => Promise.reject(new Error('sampler crashed')) });
    const handlers = createApiHandlers({ ...setup().deps, monitor });
    await expect(dispatchCall(handlers, 'sampleNow', {})).rejects.toThrow('sampler crashed');
    expect(await call(handlers, 'getStatus', {})).toMatchObject({ lastError: 'sampler crashed' });
  });

  describe('settings, on a real file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'telltale-api-settings-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function withFile() {
      const file = join(dir, 'settings.json');
      const settings = openSettingsStore({ file, watch: false });
      return { file, settings, handlers: createApiHandlers({ ...setup().deps, settings }) };
    }

    it('updateSettings validates the patch, merges it, saves it and returns the settings in force', async () => {
      const { file, handlers } = withFile();
      const saved = await call(handlers, 'updateSettings', { intervalSeconds: 15, notifications: { mutedRules: ['tool-started'] } });
      expect(saved).toMatchObject({ intervalSeconds: 15, notifications: { enabled: true, mutedRules: ['tool-started'], mutedTools: [] } });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved);
      expect(await call(handlers, 'getSettings', {})).toEqual(saved);
      expect(await call(handlers, 'getSettingsStatus', {})).toEqual({ file, problem: null, keptAside: null });

      const bad: unknown[] = [
        { intervalSeconds: 0 },
        { intervalSeconds: 'fast' },
        { notifications: { mutedRules: ['all'] } },
        { notifications: { muted: true } },
        { history: { retentionDays: 1.5 } },
        { windowBounds: { x: 0, y: 0, width: 10, height: 10 } },
        { theme: 'dark' },
      ];
      for (const request of bad) {
        const error = await dispatchCall(handlers, 'updateSettings', request).catch((e: unknown) => e);
        expect(error, JSON.stringify(request)).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(400);
      }
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved);
    });

    it('setPaused also saves the pause, so it holds after a restart', async () => {
      const { file, handlers } = withFile();
      expect(await call(handlers, 'setPaused', { paused: true })).toMatchObject({ paused: true });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ paused: true });
    });

    it('setPaused pauses even when the pause cannot be saved, and says it was not saved', async () => {
      writeFileSync(join(dir, 'blocker'), '');
      const settings = openSettingsStore({ file: join(dir, 'blocker', 'settings.json'), watch: false });
      const { deps, monitor } = setup();
      const handlers = createApiHandlers({ ...deps, settings });
      await expect(dispatchCall(handlers, 'setPaused', { paused: true })).rejects.toThrow(/Could not save the settings/);
      expect(monitor.status.paused).toBe(true);
    });

    it('getSettingsStatus reports a bad file that was kept aside', async () => {
      const file = join(dir, 'settings.json');
      writeFileSync(file, '{"paused": maybe}');
      const handlers = createApiHandlers({ ...setup().deps, settings: openSettingsStore({ file, watch: false }) });
      const status = await call(handlers, 'getSettingsStatus', {});
      expect(status.problem).toMatch(/not valid JSON/);
      expect(readFileSync(status.keptAside ?? '', 'utf8')).toBe('{"paused": maybe}');
      expect(await call(handlers, 'getSettings', {})).toMatchObject({ paused: false });
    });
  });
});
