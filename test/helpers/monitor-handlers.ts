/** API handlers over a monitor alone, for hosts under test: export, diff, probes and history are not part of them. */
import type { Monitor } from '../../main/monitor/monitor.js';
import { createApiHandlers, type ApiHandlers } from '../../main/service/api-handlers.js';
import { unavailableHistory } from '../../main/history/unavailable.js';
import { openSettingsStore } from '../../main/settings/settings-store.js';

export function monitorOnlyHandlers(monitor: Monitor): ApiHandlers {
  const unused = (): never => {
    throw new Error('not part of this fixture');
  };
  return createApiHandlers({
    monitor,
    exportSnapshot: unused,
    diffWithCurrent: unused,
    getProbes: () => [],
    history: unavailableHistory('not part of this fixture'),
    settings: openSettingsStore({ file: null }),
  });
}
