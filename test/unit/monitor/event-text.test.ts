import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../contract/events.js';
import { formatEvent } from '../../../main/monitor/event-text.js';
import { conn, inf, TZ } from './snapshots.js';

const at = '2026-11-24T10:00:05.000Z';

describe('formatEvent', () => {
  it.each<[MonitorEvent, string]>([
    [
      { type: 'connection-opened', at, connection: { ...conn(), process: 'node' } },
      '+ connection node (pid 4242) tcp 10.0.0.5:51234 -> api.anthropic.com (160.79.104.10:443) [US, Anthropic, PBC] ESTABLISHED (claude-code)',
    ],
    [
      { type: 'connection-closed', at, connection: { ...conn({ pid: null, ownerUnknown: 'permission-denied', remote: null, toolId: null, remoteAddress: '::1' }), process: null } },
      '- connection (no process: permission-denied) tcp 10.0.0.5:51234 -> [::1]:443 ESTABLISHED',
    ],
    [{ type: 'tool-started', at, toolId: 'codex-cli', name: 'Codex CLI', pids: [9, 10] }, '+ tool Codex CLI started (pid 9, 10)'],
    [{ type: 'tool-stopped', at, toolId: 'codex-cli', name: 'Codex CLI' }, '- tool Codex CLI stopped'],
    [{ type: 'signal-changed', at, id: 'timezone.iana', signal: TZ, before: null, after: 'Asia/Shanghai' }, '~ signal timezone.iana: (none) -> Asia/Shanghai'],
    [{ type: 'inference-gained', at, inference: inf() }, '+ inference location.country = CN [high]: You are probably in China.'],
    [{ type: 'inference-lost', at, inference: inf() }, '- inference location.country = CN [high]: You are probably in China.'],
    [
      { type: 'inference-changed', at, before: inf({ confidence: 'low' }), after: inf({ value: 'US', statement: 'You are probably in the US.' }) },
      '~ inference location.country: CN [low] -> US [high]: You are probably in the US.',
    ],
    [{ type: 'exposure-changed', at, before: null, after: 'high' }, '~ exposure none -> high'],
  ])('%j', (event, text) => {
    expect(formatEvent(event, 'en')).toBe(`[${at}] ${text}`);
  });
});
