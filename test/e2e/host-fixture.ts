/**
 * Starts the real browser host in the test process with the real Monitor and API handlers; only
 * the sampler is a fake that returns a fixed snapshot (with a fresh takenAt per sample). The
 * history and settings stores are the in-memory fixtures of history-fixture.ts (history
 * unavailable unless a spec passes one).
 */
import { EventEmitter } from 'node:events';
import type { ApiEventName, ApiEventPayload } from '../../contract/api.js';
import type { CaptureStatus, ConnectionAttempt } from '../../contract/attempts.js';
import type { Snapshot } from '../../contract/snapshot.js';
import { createApiHandlers, type HistoryQueries } from '../../main/service/api-handlers.js';
import { Monitor } from '../../main/monitor/monitor.js';
import { startServer, type RunningServer } from '../../main/server/server.js';
import { sampleSnapshot } from '../unit/service/sample-snapshot.js';
import { unavailableHistory } from '../../main/history/unavailable.js';
import { fixtureSettings } from './history-fixture.js';
import type { Settings } from '../../contract/settings.js';

export interface HostOptions {
  history?: HistoryQueries;
  /** What SamplerStatus.capture says (the Monitor's default, polling with no reason, otherwise). */
  capture?: CaptureStatus;
}

export interface Host {
  server: RunningServer;
  monitor: Monitor;
  /** Sends a notification to the UI, as the notifier does. */
  notify(notification: ApiEventPayload<'notification'>): void;
  /** Changes the settings as something other than the UI would (the tray, a file edit). */
  setSettings(settings: Settings): void;
  /** Connection attempts that the next delta carries, as precise capture reports them between samples. */
  queueAttempts(attempts: ConnectionAttempt[]): void;
  close(): Promise<void>;
}

export async function startHost(staticDir: string, snapshot: Partial<Snapshot> = {}, options: HostOptions = {}): Promise<Host> {
  let samples = 0;
  const monitor = new Monitor({
    takeSnapshot: async () => sampleSnapshot({ ...snapshot, takenAt: new Date(Date.UTC(2026, 10, 24, 10, 0, ++samples)).toISOString() }),
    intervalMs: 60_000,
    ...(options.capture && { capture: () => options.capture as CaptureStatus }),
  });

  // The app's events as one source: the monitor's, with queued attempts added to the next delta,
  // plus notifications and settings changes.
  const hub = new EventEmitter();
  hub.setMaxListeners(0);
  const queued: ConnectionAttempt[] = [];
  monitor.on('snapshot', (payload) => hub.emit('snapshot', payload));
  monitor.on('status', (payload) => hub.emit('status', payload));
  monitor.on('delta', (delta) => {
    const attempts = queued.splice(0).map((attempt) => ({ type: 'connection-attempt' as const, at: attempt.at, attempt }));
    hub.emit('delta', { ...delta, events: [...delta.events, ...attempts] });
  });
  const events = {
    get current() {
      return monitor.current;
    },
    get status() {
      return monitor.status;
    },
    on<K extends ApiEventName>(event: K, listener: (payload: ApiEventPayload<K>) => void): () => void {
      hub.on(event, listener);
      return () => hub.off(event, listener);
    },
  };

  const settings = fixtureSettings((next) => hub.emit('settings', next));
  const handlers = createApiHandlers({
    monitor,
    exportSnapshot: (s, format) => ({ filename: `telltale-snapshot.${format}`, mime: 'application/json', content: JSON.stringify(s, null, 2) }),
    diffWithCurrent: () => {
      throw new Error('diff is not part of this fixture');
    },
    getProbes: () => [],
    history: options.history ?? unavailableHistory('not part of this fixture'),
    settings,
  });
  const server = await startServer({ staticDir, handlers, events });
  monitor.start();
  return {
    server,
    monitor,
    notify: (notification) => hub.emit('notification', notification),
    setSettings: (next) => settings.set(next),
    queueAttempts: (attempts) => queued.push(...attempts),
    close: async () => {
      monitor.stop();
      await server.close();
    },
  };
}
