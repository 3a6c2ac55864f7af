import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { MonitorEvent } from '../../../contract/events.js';
import type { Timeline } from '../../../contract/history.js';
import type { AppNotification } from '../../../contract/notification.js';
import { Settings, SettingsPatch } from '../../../contract/settings.js';
import { appendEvents } from '../../../renderer/src/hooks/held-snapshot.js';
import { appendAttempts, closedAfterText, RECENT_ATTEMPTS } from '../../../renderer/src/lib/attempts.js';
import { formatBytes } from '../../../renderer/src/lib/bytes.js';
import { EVENT_TYPE_KEYS, eventText, toolNameLookup } from '../../../renderer/src/lib/event-text.js';
import { eventToolId } from '../../../common/event-tool.js';
import { fieldErrors } from '../../../renderer/src/lib/field-errors.js';
import { rateLimited } from '../../../renderer/src/lib/rate-limit.js';
import { settingsPatch, toggled } from '../../../renderer/src/lib/settings-patch.js';
import { translator } from '../../../common/i18n/translate.js';
import { activityTotals, bucketLabel, exposureHeights, exposurePeak } from '../../../renderer/src/lib/timeline.js';
import { addToast, MAX_TOASTS, removeToast } from '../../../renderer/src/lib/toasts.js';
import { MonitorEventType } from '../../../contract/events.js';
import { conn, inf } from '../monitor/snapshots.js';

const attempt = (n: number, outcome: ConnectionAttempt['outcome'] = 'established'): ConnectionAttempt => ({
  at: new Date(Date.UTC(2026, 10, 24, 10, 0, n)).toISOString(),
  pid: 100 + n,
  process: 'claude',
  command: null,
  toolId: 'claude-code',
  protocol: 'tcp6',
  localAddress: '::1',
  localPort: 40000 + n,
  remoteAddress: '2001:db8::7',
  remotePort: 443,
  remote: { country: 'US', asn: 1, org: 'Example Org', host: null },
  outcome,
  durationMs: 3,
  source: 'trace',
});
const attemptEvent = (n: number, outcome?: ConnectionAttempt['outcome']): MonitorEvent => ({ type: 'connection-attempt', at: attempt(n).at, attempt: attempt(n, outcome) });
const stopped: MonitorEvent = { type: 'tool-stopped', at: '2026-11-24T10:00:00.000Z', toolId: 'codex', name: 'codex' };

describe('connection attempts in deltas', () => {
  it('keeps attempts apart from the other recent events, so a burst cannot push those out', () => {
    const burst = Array.from({ length: RECENT_ATTEMPTS + 5 }, (_, i) => attemptEvent(i));
    const events = appendEvents([], [stopped, ...burst]);
    expect(events).toEqual([stopped]);
    const attempts = appendAttempts([], [stopped, ...burst]);
    expect(attempts).toHaveLength(RECENT_ATTEMPTS);
    expect(attempts[0]?.pid).toBe(105);
    expect(attempts.at(-1)?.pid).toBe(100 + RECENT_ATTEMPTS + 4);
  });

  it('returns the same lists when a delta brings nothing of their kind', () => {
    const attempts = appendAttempts([], [attemptEvent(1)]);
    expect(appendAttempts(attempts, [stopped])).toBe(attempts);
    const events = appendEvents([], [stopped]);
    expect(appendEvents(events, [attemptEvent(2)])).toBe(events);
  });
});

describe('eventText', () => {
  const name = toolNameLookup([{ id: 'claude-code', name: 'Claude Code' }]);

  it('names tools by name, and falls back to what the event itself says', () => {
    expect(eventText({ type: 'tool-started', at: '', toolId: 'claude-code', name: 'claude-code', pids: [1] }, name, 'en')).toBe('Claude Code started');
    expect(eventText(stopped, name, 'en')).toBe('codex stopped');
    const opened: MonitorEvent = { type: 'connection-opened', at: '', connection: { ...conn({ toolId: 'claude-code', remote: { country: 'US', asn: 1, org: 'Anthropic, PBC', host: 'api.anthropic.com' } }), process: 'claude' } };
    expect(eventText(opened, name, 'en')).toMatch(/^Claude Code connected to api\.anthropic\.com \(.+:443\) in US, Anthropic, PBC$/);
  });

  it('says which attempts failed, with IPv6 addresses in brackets', () => {
    expect(eventText(attemptEvent(1, 'failed'), name, 'en')).toBe('Claude Code failed to reach [2001:db8::7]:443 in US, Example Org');
    expect(eventText(attemptEvent(1, 'seen'), name, 'en')).toBe('Claude Code was seen connected to [2001:db8::7]:443 in US, Example Org');
  });

  it('says how long a connection the capture followed to its close was open', () => {
    const { at } = attempt(1);
    const closed = (ms: number): MonitorEvent => ({ type: 'connection-attempt', at, attempt: { ...attempt(1), endedAt: new Date(Date.parse(at) + ms).toISOString() } });
    expect(eventText(closed(340), name, 'en')).toBe('Claude Code connected to [2001:db8::7]:443 in US, Example Org, closed after 340 ms');
    expect(eventText(closed(12_500), name, 'en')).toBe('Claude Code connected to [2001:db8::7]:443 in US, Example Org, closed after 12.5 s');
    // Still open when reported: no end is claimed.
    expect(eventText(attemptEvent(1), name, 'en')).toBe('Claude Code connected to [2001:db8::7]:443 in US, Example Org');
    expect(closedAfterText({ at, endedAt: 'not a time' }, 'en')).toBeNull();
  });

  it('has a text and a label for every event type, and knows which tool each is about', () => {
    expect(Object.keys(EVENT_TYPE_KEYS).sort()).toEqual([...MonitorEventType.options].sort());
    const country = inf();
    expect(eventText({ type: 'inference-gained', at: '', inference: country }, name, 'en')).toBe(`New inference: ${country.statement} (high confidence)`);
    expect(eventText({ type: 'exposure-changed', at: '', before: null, after: 'high' }, name, 'en')).toBe('Exposure is high');
    expect(eventText({ type: 'exposure-changed', at: '', before: 'low', after: 'high' }, name, 'en')).toBe('Exposure went from low to high');
    expect(eventToolId(attemptEvent(1))).toBe('claude-code');
    expect(eventToolId({ type: 'exposure-changed', at: '', before: null, after: 'high' })).toBeNull();
  });
});

describe('timeline helpers', () => {
  const timeline: Timeline = {
    range: '1h',
    from: '2026-11-24T09:00:00.000Z',
    to: '2026-11-24T10:00:00.000Z',
    bucketMs: 900_000,
    buckets: [0, 900_000, 1_800_000, 2_700_000],
    exposure: [null, 'low', 'high', 'elevated'],
    activity: [
      { toolId: 'codex', name: 'Codex', counts: [0, 1, 0, 0] },
      { toolId: 'claude-code', name: 'Claude Code', counts: [2, 5, 5, 1] },
    ],
  };

  it('turns levels into heights with gaps where nothing was sampled', () => {
    expect(exposureHeights(timeline)).toEqual([null, 1, 3, 2]);
  });

  it('finds the peak exposure and the busiest bucket of each tool, busiest tool first', () => {
    expect(exposurePeak(timeline)).toEqual({ level: 'high', at: 1_800_000 });
    expect(exposurePeak({ ...timeline, exposure: [null, null, null, null] })).toBeNull();
    expect(activityTotals(timeline)).toEqual([
      { name: 'Claude Code', total: 13, peak: 5, peakAt: 900_000 },
      { name: 'Codex', total: 1, peak: 1, peakAt: 900_000 },
    ]);
  });

  it('describes bucket lengths', () => {
    const [en, zh] = [translator('en'), translator('zh-CN')];
    expect(bucketLabel(30_000, en)).toBe('every 30 s');
    expect(bucketLabel(900_000, en)).toBe('every 15 min');
    expect(bucketLabel(7_200_000, en)).toBe('every 2 h');
    expect(bucketLabel(900_000, zh)).toBe('每 15 分钟');
    expect(bucketLabel(7_200_000, zh)).toBe('每 2 小时');
  });
});

describe('rateLimited', () => {
  function fakeTimers() {
    let now = 0;
    const pending: { at: number; fn: () => void }[] = [];
    return {
      timers: {
        now: () => now,
        setTimeout: (fn: () => void, ms: number) => {
          const entry = { at: now + ms, fn };
          pending.push(entry);
          return entry;
        },
        clearTimeout: (handle: unknown) => pending.splice(pending.indexOf(handle as (typeof pending)[number]), 1),
      },
      advance(ms: number) {
        now += ms;
        for (const entry of pending.filter((p) => p.at <= now)) {
          pending.splice(pending.indexOf(entry), 1);
          entry.fn();
        }
      },
      pending,
    };
  }

  it('runs at once, then folds requests within the interval into one run at its end', () => {
    const clock = fakeTimers();
    let runs = 0;
    const limiter = rateLimited(() => runs++, 5000, clock.timers);
    limiter.request();
    expect(runs).toBe(1);
    limiter.request();
    limiter.request();
    clock.advance(4999);
    expect(runs).toBe(1);
    clock.advance(1);
    expect(runs).toBe(2);
    clock.advance(10_000);
    limiter.request();
    expect(runs).toBe(3);
  });

  it('drops a pending run when cancelled', () => {
    const clock = fakeTimers();
    let runs = 0;
    const limiter = rateLimited(() => runs++, 5000, clock.timers);
    limiter.request();
    limiter.request();
    limiter.cancel();
    clock.advance(6000);
    expect(runs).toBe(1);
    expect(clock.pending).toHaveLength(0);
  });
});

describe('toasts', () => {
  const note = (id: string, folded = 0): AppNotification => ({ id, at: '', rule: 'tool-started', toolId: null, title: id, body: 'Codex started.', folded });

  it(`keeps at most ${MAX_TOASTS}, newest last, each notification once`, () => {
    let shown: AppNotification[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'd']) shown = addToast(shown, note(id));
    expect(shown.map((toast) => toast.id)).toEqual(['b', 'c', 'd']);
    expect(removeToast(shown, 'c').map((toast) => toast.id)).toEqual(['b', 'd']);
  });
});

describe('settings form helpers', () => {
  const saved = Settings.parse({});

  it('sends only what changed, nested groups partial', () => {
    expect(settingsPatch(saved, structuredClone(saved))).toEqual({});
    const draft: Settings = {
      ...saved,
      intervalSeconds: 7,
      history: { ...saved.history, retentionDays: 10 },
      notifications: { ...saved.notifications, mutedTools: ['codex'] },
      windowBounds: { x: 0, y: 0, width: 800, height: 600 },
    };
    const patch = settingsPatch(saved, draft);
    expect(patch).toEqual({ intervalSeconds: 7, history: { retentionDays: 10 }, notifications: { mutedTools: ['codex'] } });
    expect(SettingsPatch.safeParse(patch).success).toBe(true);
  });

  it('toggles list members', () => {
    expect(toggled(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
  });

  it("maps the host's validation message to the fields it names", () => {
    const result = SettingsPatch.safeParse({ intervalSeconds: 0, history: { retentionDays: 0 }, notifications: { mutedRules: ['nope'] } });
    expect(result.success).toBe(false);
    // The host answers with exactly this text (main/service/api-handlers.ts dispatchCall).
    const message = `Invalid request for updateSettings: ${z.prettifyError(result.error as z.ZodError)}`;
    const errors = fieldErrors(message);
    expect(Object.keys(errors.byField).sort()).toEqual(['history.retentionDays', 'intervalSeconds', 'notifications.mutedRules']);
    expect(errors.byField.intervalSeconds).toMatch(/expected number to be >=1/);
    expect(errors.other).toBeNull();
    expect(fieldErrors('Cannot reach Telltale: connection refused')).toEqual({ byField: {}, other: 'Cannot reach Telltale: connection refused' });
  });

  it('formats sizes', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(3_400_000, 'en')).toBe('3.4 MB');
    expect(formatBytes(250_000_000, 'en')).toBe('250 MB');
  });
});
