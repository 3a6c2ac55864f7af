/**
 * The one place the app is put together: a sampler bound to a context, the monitor that runs it,
 * and the API handlers over both. `telltale serve`, `telltale watch` and the Electron shell each
 * build it once here and differ only in how they show it.
 */
import type { SampleContext } from '../core/context.js';
import { diffSnapshots } from '../core/snapshot/diff.js';
import { exportSnapshot } from '../core/snapshot/export.js';
import { parseSnapshotJson } from '../core/snapshot/validate.js';
import { matchProcess } from '../core/catalog/index.js';
import { DEFAULT_INTERVAL_MS, Monitor } from '../monitor/monitor.js';
import { createCaptureController, type CaptureController, type CaptureOptions } from './capture.js';
import { createSnapshotSource, type SnapshotSource } from '../sample.js';
import { ApiError, createApiHandlers, type ApiHandlerDeps, type ApiHandlers } from '../service/api-handlers.js';
import { unavailableHistory } from '../history/unavailable.js';
import { memorySettings } from '../settings/memory-settings.js';

export interface AppOptions {
  /** The machine and user to sample (default: this process's). */
  ctx?: SampleContext;
  /** Where probe reports are read from (default: the platform's state dir). */
  stateDir?: string;
  intervalMs?: number;
  /** How often status is re-sent (default: the contract's HEARTBEAT_MS). */
  heartbeatMs?: number;
  /** Connection attempts between samples: the helper's socket and the fast poll rate (defaults for production). */
  capture?: Pick<CaptureOptions, 'socketPath' | 'pollMs' | 'startLocal'>;
}

export interface TelltaleApp {
  source: SnapshotSource;
  /** Not started: the caller starts it once its outputs (window, server, printer) listen. */
  monitor: Monitor;
  handlers: ApiHandlers;
  /**
   * Where attempts between samples come from. Idle until setEnabled is called (the
   * `preciseCapture` setting, or --precise): true tries precise capture, false polls fast.
   */
  capture: CaptureController;
  /** Stops sampling, the heartbeat and the capture. */
  close(): Promise<void>;
}

export function createApp(options: AppOptions = {}): TelltaleApp {
  const source = createSnapshotSource({ ctx: options.ctx, stateDir: options.stateDir });
  const capture = createCaptureController({
    ...options.capture,
    sampler: source.sockets,
    geo: source.geo,
    matchTool: (process) => matchProcess(process),
    sampleIntervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
  });
  const monitor = new Monitor({
    takeSnapshot: () => source.take(),
    intervalMs: options.intervalMs,
    heartbeatMs: options.heartbeatMs,
    capture: () => capture.status(),
    takeAttempts: () => capture.takeAttempts(),
  });
  const handlers = createApiHandlers({ monitor, ...apiDeps(source) });
  const close = async () => {
    monitor.stop();
    await capture.close();
  };
  return { source, monitor, handlers, capture, close };
}

/** What the API handlers need from the sampler: export, compare (any earlier snapshot version), probe reports. */
function apiDeps(source: SnapshotSource): Omit<ApiHandlerDeps, 'monitor'> {
  return {
    exportSnapshot: (snapshot, format, masks) => exportSnapshot(snapshot, format, source.redaction(snapshot, masks)),
    diffWithCurrent: (previousJson, current) => {
      const previous = parseSnapshotJson(previousJson);
      if (!previous.ok) throw new ApiError(400, `Not a Telltale snapshot: ${previous.errors.slice(0, 5).join('; ')}`);
      return diffSnapshots(previous.snapshot, current);
    },
    getProbes: () => source.probes(),
    history: unavailableHistory('History is not kept yet.'),
    settings: memorySettings(),
  };
}
