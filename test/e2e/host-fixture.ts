/**
 * Starts the real browser host in the test process with the real Monitor and API handlers; only
 * the sampler is a fake that returns a fixed snapshot (with a fresh takenAt per sample).
 */
import type { Snapshot } from '../../contract/snapshot.js';
import { createApiHandlers } from '../../main/service/api-handlers.js';
import { Monitor } from '../../main/monitor/monitor.js';
import { startServer, type RunningServer } from '../../main/server/server.js';
import { sampleSnapshot } from '../unit/service/sample-snapshot.js';
import { unavailableHistory } from '../../main/history/unavailable.js';
import { openSettingsStore } from '../../main/settings/settings-store.js';

export interface Host {
  server: RunningServer;
  monitor: Monitor;
  close(): Promise<void>;
}

export async function startHost(staticDir: string, snapshot: Partial<Snapshot> = {}): Promise<Host> {
  let samples = 0;
  const monitor = new Monitor({
    takeSnapshot: async () => sampleSnapshot({ ...snapshot, takenAt: new Date(Date.UTC(2026, 10, 24, 10, 0, ++samples)).toISOString() }),
    intervalMs: 60_000,
  });
  const handlers = createApiHandlers({
    monitor,
    exportSnapshot: (s, format) => ({ filename: `telltale-snapshot.${format}`, mime: 'application/json', content: JSON.stringify(s, null, 2) }),
    diffWithCurrent: () => {
      throw new Error('diff is not part of this fixture');
    },
    getProbes: () => [],
    history: unavailableHistory('not part of this fixture'),
    settings: openSettingsStore({ file: null }),
  });
  const server = await startServer({ staticDir, handlers, events: monitor });
  monitor.start();
  return {
    server,
    monitor,
    close: async () => {
      monitor.stop();
      await server.close();
    },
  };
}
