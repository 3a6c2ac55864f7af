/** The notifier fed by a real Monitor: snapshots in sequence, the deltas the monitor computes, notifications out. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExposureMessage } from '../../../contract/message.js';
import type { AppNotification } from '../../../contract/notification.js';
import { Settings } from '../../../contract/settings.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { notificationText } from '../../../common/notification-text.js';
import { Monitor } from '../../../main/monitor/monitor.js';
import { Notifier, type NotifierOptions } from '../../../main/monitor/notifier.js';
import { conn, inf, proc, snap, tool } from '../monitor/snapshots.js';

const quietMachine = (): Snapshot =>
  snap({ tools: [tool({ running: false, pids: [] })], processes: [], connections: [], inferences: [], exposure: { level: 'none', summary: '' } });

/** Claude Code running, talking to Anthropic in the US, able to tell you are in CN (the exposure left as it was). */
const busyMachine = (extra: Partial<Snapshot> = {}): Snapshot =>
  snap({ tools: [tool()], processes: [proc()], connections: [conn()], inferences: [inf()], exposure: { level: 'none', summary: '' }, ...extra });

function setup(options: Partial<NotifierOptions> = {}) {
  let settings = Settings.parse({}).notifications;
  const queue: Snapshot[] = [];
  const monitor = new Monitor({ takeSnapshot: async () => queue.shift() ?? Promise.reject(new Error('no more samples')) });
  const notifier = new Notifier({ settings: () => settings, graceMs: 0, ...options });
  const detach = notifier.attach(monitor);
  const shown: AppNotification[] = [];
  notifier.on('notification', (n) => shown.push(n));
  const sample = async (s: Snapshot) => {
    queue.push(s);
    await monitor.sampleNow();
  };
  return { sample, shown, detach, setSettings: (next: Partial<typeof settings>) => (settings = { ...settings, ...next }) };
}

afterEach(() => vi.useRealTimers());

describe('Notifier', () => {
  it('learns the first snapshot silently: a busy machine at start-up raises nothing', async () => {
    const { sample, shown, detach } = setup();
    await sample(busyMachine());
    // The same again, with another connection to a place already seen: still nothing new.
    await sample(busyMachine({ connections: [conn(), conn({ localPort: 51235 })] }));
    expect(shown).toEqual([]);
    detach();
  });

  it('notifies a tool starting, its new destination and what it can now infer, each once', async () => {
    const { sample, shown, detach } = setup();
    await sample(quietMachine());
    const top = { id: 'inference.location.country', country: 'CN', confidence: 'high' } as const;
    const message: ExposureMessage = { id: 'exposure.summary', level: 'high', covert: [], overt: [], top };
    await sample(busyMachine({ inferences: [inf({ message: top })], exposure: { level: 'high', summary: renderMessage(message, 'en'), message } }));
    expect(shown.map((n) => [n.rule, n.toolId, n.title])).toEqual([
      ['tool-started', 'claude-code', 'Claude Code started'],
      ['new-destination', 'claude-code', 'Claude Code contacted a new country: United States (US)'],
      ['inference-gained', 'claude-code', 'Claude Code can now infer you are in China (CN)'],
      ['exposure-rose', null, 'Exposure rose from none to high'],
    ]);
    const rose = shown.find((n) => n.rule === 'exposure-rose');
    expect(rose?.body).toBe('High exposure: top inference: Tools can tell you are almost certainly in China (CN).');
    // The delta's verdict reached the notification as a message: it reads in Chinese too.
    expect(rose && notificationText(rose, 'zh-CN')).toEqual({ title: '暴露程度从无升至高', body: '暴露程度高：最主要的推断：工具几乎可以肯定你在中国（CN）。' });
    detach();
  });

  it('waits out the start-up grace, learning meanwhile', async () => {
    let now = 0;
    const { sample, shown, detach } = setup({ graceMs: 5000, now: () => now });
    await sample(quietMachine());
    await sample(busyMachine());
    expect(shown).toEqual([]);
    now = 6000;
    // Back to quiet, then busy again: the tool starts anew, but its destination is already known.
    await sample(quietMachine());
    await sample(busyMachine({ inferences: [] }));
    expect(shown.map((n) => n.rule)).toEqual(['tool-started']);
    detach();
  });

  it('seeds known destinations from the history', async () => {
    const { sample, shown, detach } = setup({
      knownEndpoints: () => [
        { toolId: 'claude-code', process: 'node', address: '160.79.104.10', host: null, port: 443, country: 'US', org: 'Anthropic, PBC', firstSeen: 'x', lastSeen: 'x', count: 9, failed: 0 },
      ],
    });
    await sample(quietMachine());
    await sample(busyMachine());
    expect(shown.map((n) => n.rule)).not.toContain('new-destination');
    detach();
  });

  it('rate limits a flapping tool and folds the repeats into one later notification', async () => {
    vi.useFakeTimers();
    const { sample, shown, detach } = setup({ windowMs: 60_000 });
    await sample(quietMachine());
    for (let i = 0; i < 4; i++) {
      await sample(busyMachine({ inferences: [] }));
      await sample(quietMachine());
    }
    expect(shown.map((n) => [n.rule, n.folded])).toEqual([
      ['tool-started', 0],
      ['new-destination', 0],
    ]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown.slice(2).map((n) => [n.rule, n.title, n.folded])).toEqual([['tool-started', 'Claude Code started', 2]]);
    detach();
  });

  it('mutes per rule and per tool, and the master switch silences held ones too', async () => {
    vi.useFakeTimers();
    const { sample, shown, detach, setSettings } = setup({ windowMs: 1000 });
    setSettings({ mutedRules: ['new-destination', 'inference-gained'] });
    await sample(quietMachine());
    await sample(busyMachine());
    expect(shown.map((n) => n.rule)).toEqual(['tool-started']);
    await sample(quietMachine());
    await sample(busyMachine());
    setSettings({ enabled: false });
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown).toHaveLength(1);

    setSettings({ enabled: true, mutedRules: [], mutedTools: ['claude-code'] });
    await sample(quietMachine());
    await sample(busyMachine({ connections: [conn({ remote: { country: 'JP', org: 'X', asn: null, host: null } })] }));
    expect(shown).toHaveLength(1);
    detach();
  });
});
