/**
 * The one place the app is put together: a sampler bound to a context, the monitor that runs it,
 * and the API handlers over both. `telltale serve`, `telltale watch` and the Electron shell each
 * build it once here and differ only in how they show it.
 */
import type { SampleContext } from '../core/context.js';
import { diffSnapshots } from '../core/snapshot/diff.js';
import { exportSnapshot } from '../core/snapshot/export.js';
import { parseSnapshotJson } from '../core/snapshot/validate.js';
import { Monitor } from '../monitor/monitor.js';
import { createSnapshotSource, type SnapshotSource } from '../sample.js';
import { ApiError, createApiHandlers, type ApiHandlerDeps, type ApiHandlers } from '../service/api-handlers.js';
import { unavailableHistory } from '../history/unavailable.js';
import { openHistory, type HistoryHandle } from '../history/open-history.js';
import { DEFAULT_RETENTION, type Retention } from '../core/history/retention.js';
import { redactSnapshot } from '../core/snapshot/redact.js';
import { defaultStateDir } from '../adapters/state-dir.js';
import { processContext } from '../adapters/system-io.js';
import { memorySettings } from '../settings/memory-settings.js';

export interface AppOptions {
  /** The machine and user to sample (default: this process's). */
  ctx?: SampleContext;
  /** Where probe reports are read from (default: the platform's state dir). */
  stateDir?: string;
  intervalMs?: number;
  /** How often status is re-sent (default: the contract's HEARTBEAT_MS). */
  heartbeatMs?: number;
  /**
   * The history store (default: on, in the state dir, 30 days and 200 MB); false: not kept. The
   * Electron shell passes app.getPath('userData') as `dir`.
   */
  history?: ({ dir?: string } & Partial<Retention>) | false;
}

export interface TelltaleApp {
  source: SnapshotSource;
  /** Not started: the caller starts it once its outputs (window, server, printer) listen. */
  monitor: Monitor;
  handlers: ApiHandlers;
  /** The history: `ready` settles once it is open; setRetention for settings. */
  history: Pick<HistoryHandle, 'ready' | 'setRetention'>;
  /** Stops sampling and the heartbeat, and closes the history. */
  close(): void;
}

export function createApp(options: AppOptions = {}): TelltaleApp {
  const source = createSnapshotSource({ ctx: options.ctx, stateDir: options.stateDir });
  const monitor = new Monitor({ takeSnapshot: () => source.take(), intervalMs: options.intervalMs, heartbeatMs: options.heartbeatMs });
  const history = historyOf(options, source, monitor);
  const handlers = createApiHandlers({ monitor, ...apiDeps(source), history: history.queries });
  return {
    source,
    monitor,
    handlers,
    history,
    close: () => {
      monitor.stop();
      history.close();
    },
  };
}

function historyOf(options: AppOptions, source: SnapshotSource, monitor: Monitor): HistoryHandle {
  const wanted = options.history ?? {};
  if (wanted === false) {
    const queries = unavailableHistory('History is turned off.');
    return { queries, ready: Promise.resolve(), setRetention: () => undefined, close: () => undefined };
  }
  const ctx = options.ctx ?? processContext();
  return openHistory({
    dir: wanted.dir ?? options.stateDir ?? defaultStateDir(ctx.env, ctx.home, ctx.platform),
    retention: { days: wanted.days ?? DEFAULT_RETENTION.days, maxSizeMb: wanted.maxSizeMb ?? DEFAULT_RETENTION.maxSizeMb },
    // A kept point is redacted as an export is (secrets; hostname and user as sampled).
    redact: (snapshot) => redactSnapshot(snapshot, source.redaction(snapshot, { maskHostname: false, maskUsername: false })),
    monitor,
  });
}

/** What the API handlers need from the sampler: export, compare (any earlier snapshot version), probe reports. */
function apiDeps(source: SnapshotSource): Omit<ApiHandlerDeps, 'monitor' | 'history'> {
  return {
    exportSnapshot: (snapshot, format, masks) => exportSnapshot(snapshot, format, source.redaction(snapshot, masks)),
    diffWithCurrent: (previousJson, current) => {
      const previous = parseSnapshotJson(previousJson);
      if (!previous.ok) throw new ApiError(400, `Not a Telltale snapshot: ${previous.errors.slice(0, 5).join('; ')}`);
      return diffSnapshots(previous.snapshot, current);
    },
    getProbes: () => source.probes(),
    settings: memorySettings(),
  };
}
