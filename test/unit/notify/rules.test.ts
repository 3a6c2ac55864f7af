import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../contract/events.js';
import { Settings } from '../../../contract/settings.js';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import {
  destinationsOfEndpoints,
  evaluateRules,
  learnDestinations,
  listNames,
  type KnownDestinations,
  type NotificationSettings,
} from '../../../main/core/notify/rules.js';
import { connection, inference } from '../../helpers/snapshot-builders.js';

const AT = '2026-11-24T10:00:00.000Z';
const ON: NotificationSettings = Settings.parse({}).notifications;
const NAMES: Record<string, string> = { 'claude-code': 'Claude Code', 'codex-cli': 'Codex CLI', 'gemini-cli': 'Gemini CLI', qwen: 'Qwen Code' };
const toolName = (id: string) => NAMES[id] ?? 'A tool';

function run(events: MonitorEvent[], options: { known?: KnownDestinations; settings?: Partial<NotificationSettings>; summary?: string } = {}) {
  return evaluateRules({
    events,
    known: options.known ?? new Map(),
    toolName,
    exposureSummary: options.summary,
    notifications: { ...ON, ...options.settings },
  });
}

const opened = (remote: { country: string | null; org: string | null; host?: string | null }, toolId: string | null = 'claude-code'): MonitorEvent => ({
  type: 'connection-opened',
  at: AT,
  connection: { ...connection({ toolId, remote: { asn: null, host: null, ...remote } }), process: 'node' },
});

function attempt(remote: ConnectionAttempt['remote'], toolId = 'codex-cli'): MonitorEvent {
  return {
    type: 'connection-attempt',
    at: AT,
    attempt: {
      at: AT, pid: 7, process: 'node', command: null, toolId, protocol: 'tcp', localAddress: '10.0.0.5', localPort: 40000,
      remoteAddress: '104.18.1.1', remotePort: 443, remote, outcome: 'failed', durationMs: 12, source: 'trace',
    },
  };
}

describe('notification rules', () => {
  it('exposure rose: only upwards, with the verdict summary', () => {
    const { candidates } = run(
      [
        { type: 'exposure-changed', at: AT, before: 'low', after: 'high' },
        { type: 'exposure-changed', at: AT, before: 'high', after: 'elevated' },
        { type: 'exposure-changed', at: AT, before: null, after: 'low' },
        { type: 'exposure-changed', at: AT, before: null, after: 'none' },
      ],
      { summary: 'Tools here can tell you are in China.' },
    );
    expect(candidates).toEqual([
      { rule: 'exposure-rose', toolId: null, title: 'Exposure rose from low to high', body: 'Tools here can tell you are in China.', at: AT },
      { rule: 'exposure-rose', toolId: null, title: 'Exposure rose from none to low', body: 'Tools here can tell you are in China.', at: AT },
    ]);
  });

  it('a tool started: named by its name, not its id', () => {
    const [c] = run([{ type: 'tool-started', at: AT, toolId: 'codex-cli', name: 'Codex CLI', pids: [7] }]).candidates;
    expect(c).toMatchObject({ rule: 'tool-started', toolId: 'codex-cli', title: 'Codex CLI started' });
    expect(`${c?.title} ${c?.body}`).not.toContain('codex-cli');
  });

  it('a new country, then a new organisation in a known country; nothing for what is known or has no place', () => {
    const known = learnDestinations(new Map(), [{ toolId: 'claude-code', country: 'US', org: 'Anthropic, PBC' }]);
    const { candidates, seen } = run(
      [
        opened({ country: 'US', org: 'Anthropic, PBC' }),
        opened({ country: 'CN', org: 'Alibaba', host: 'dashscope.aliyuncs.com' }),
        opened({ country: 'CN', org: 'Alibaba' }),
        opened({ country: 'US', org: 'Cloudflare, Inc.' }),
        opened({ country: null, org: null }),
        opened({ country: 'DE', org: 'Hetzner' }, null),
      ],
      { known },
    );
    expect(candidates.map((c) => [c.rule, c.toolId, c.title])).toEqual([
      ['new-destination', 'claude-code', 'Claude Code contacted a new country: China (CN)'],
      ['new-destination', 'claude-code', 'Claude Code contacted a new organisation: Cloudflare, Inc.'],
    ]);
    expect(candidates[0]?.body).toBe('dashscope.aliyuncs.com:443 (China (CN), Alibaba), first seen now.');
    // Every destination with a tool and a place is reported for learning, new or not.
    expect(seen).toHaveLength(4);
  });

  it('a connection attempt counts too (even one that failed), and a place known from the history does not notify', () => {
    const known = learnDestinations(
      new Map(),
      destinationsOfEndpoints([
        { toolId: 'codex-cli', process: 'node', address: '104.18.1.1', host: null, port: 443, country: 'US', org: 'OpenAI', firstSeen: AT, lastSeen: AT, count: 3, failed: 0 },
        { toolId: null, process: 'curl', address: '1.1.1.1', host: null, port: 443, country: 'AU', org: 'Cloudflare', firstSeen: AT, lastSeen: AT, count: 1, failed: 0 },
      ]),
    );
    expect(run([attempt({ country: 'US', org: 'OpenAI', asn: null, host: null })], { known }).candidates).toEqual([]);
    const [c] = run([attempt({ country: 'AU', org: 'Cloudflare', asn: null, host: null })], { known }).candidates;
    expect(c).toMatchObject({ toolId: 'codex-cli', title: 'Codex CLI contacted a new country: Australia (AU)' });
  });

  it('an inference gained names the tools that can now make it', () => {
    const one = run([{ type: 'inference-gained', at: AT, inference: inference({ visibleTo: ['claude-code'] }) }]).candidates;
    expect(one).toEqual([
      { rule: 'inference-gained', toolId: 'claude-code', title: 'Claude Code can now infer you are in CN', body: 'You are probably in China.', at: AT },
    ]);
    const many = run([{ type: 'inference-gained', at: AT, inference: inference({ visibleTo: ['claude-code', 'codex-cli', 'gemini-cli', 'qwen'] }) }]);
    expect(many.candidates[0]).toMatchObject({ toolId: null, title: 'Claude Code, Codex CLI and 2 more tools can now infer you are in CN' });
  });

  it('an inference changed: all tools when its value changed, only the added ones when it spread', () => {
    const before = inference({ id: 'network.proxy-country', value: 'HK', visibleTo: ['claude-code'] });
    const moved = run([{ type: 'inference-changed', at: AT, before, after: { ...before, value: 'CN' } }]).candidates;
    expect(moved.map((c) => c.title)).toEqual(['Claude Code can now infer your proxy is in CN']);
    const spread = run([{ type: 'inference-changed', at: AT, before, after: { ...before, visibleTo: ['claude-code', 'codex-cli'] } }]).candidates;
    expect(spread.map((c) => c.title)).toEqual(['Codex CLI can now infer your proxy is in HK']);
    const same = run([{ type: 'inference-changed', at: AT, before, after: { ...before, confidence: 'low' } }]).candidates;
    expect(same).toEqual([]);
  });

  it('honours the master switch, muted rules and muted tools (while still learning destinations)', () => {
    const events: MonitorEvent[] = [
      { type: 'tool-started', at: AT, toolId: 'codex-cli', name: 'Codex CLI', pids: [7] },
      { type: 'tool-started', at: AT, toolId: 'claude-code', name: 'Claude Code', pids: [8] },
      { type: 'exposure-changed', at: AT, before: 'none', after: 'high' },
      { type: 'inference-gained', at: AT, inference: inference({ visibleTo: ['claude-code', 'codex-cli'] }) },
      opened({ country: 'CN', org: 'Alibaba' }),
    ];
    expect(run(events).candidates).toHaveLength(5);
    const off = run(events, { settings: { enabled: false } });
    expect(off.candidates).toEqual([]);
    expect(off.seen).toHaveLength(1);
    expect(run(events, { settings: { mutedRules: ['tool-started', 'exposure-rose'] } }).candidates.map((c) => c.rule)).toEqual([
      'inference-gained',
      'new-destination',
    ]);
    const quiet = run(events, { settings: { mutedTools: ['claude-code'] } }).candidates;
    expect(quiet.map((c) => c.title)).toEqual(['Codex CLI started', 'Exposure rose from none to high', 'Codex CLI can now infer you are in CN']);
  });

  it('lists names readably', () => {
    expect(['', 'A', 'A and B', 'A, B and C', 'A, B and 2 more tools'].map((_, i) => listNames(['A', 'B', 'C', 'D'].slice(0, i)))).toEqual([
      '',
      'A',
      'A and B',
      'A, B and C',
      'A, B and 2 more tools',
    ]);
  });
});
