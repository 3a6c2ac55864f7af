import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../../../contract/notification.js';
import { Settings } from '../../../contract/settings.js';
import { AppEventHub } from '../../../main/service/app-events.js';
import { Monitor } from '../../../main/monitor/monitor.js';
import { Notifier } from '../../../main/monitor/notifier.js';
import { sampleSnapshot } from './sample-snapshot.js';

describe('AppEventHub', () => {
  it('carries the monitor, the notifier and its own events under one typed on(), until closed', async () => {
    const monitor = new Monitor({ takeSnapshot: async () => sampleSnapshot() });
    const notifier = new Notifier({ settings: () => Settings.parse({}).notifications });
    const hub = new AppEventHub(monitor);
    hub.forward(monitor, ['snapshot', 'delta', 'status']);
    hub.forward(notifier, ['notification']);
    const heard: string[] = [];
    for (const event of ['snapshot', 'delta', 'status', 'notification', 'settings'] as const) hub.on(event, () => heard.push(event));

    await monitor.sampleNow();
    expect(hub.current.seq).toBe(1);
    expect(hub.status).toMatchObject({ paused: false, sampling: false });
    hub.emit('settings', Settings.parse({}));
    expect(heard).toEqual(['status', 'snapshot', 'status', 'settings']);

    hub.close();
    await monitor.sampleNow();
    expect(heard).toHaveLength(4);
    // The hub's own events still reach its listeners after the sources are detached.
    const n: AppNotification = { id: 'n', at: 'x', rule: 'tool-started', toolId: null, title: 't', body: 'b', folded: 0 };
    hub.emit('notification', n);
    expect(heard.at(-1)).toBe('notification');
  });
});
