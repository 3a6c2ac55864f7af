import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../contract/events.js';
import { Settings } from '../../../contract/settings.js';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { ExposureMessage, InferenceMessage } from '../../../contract/message.js';
import { renderNotification, toolList } from '../../../common/i18n/render-notify.js';
import { translator } from '../../../common/i18n/translate.js';
import {
  destinationsOfEndpoints,
  evaluateRules,
  learnDestinations,
  type Candidate,
  type KnownDestinations,
  type NotificationSettings,
} from '../../../main/core/notify/rules.js';
import { expectChinese } from '../../helpers/i18n-checks.js';
import { connection, inference } from '../../helpers/snapshot-builders.js';

const AT = '2026-11-24T10:00:00.000Z';
const ON: NotificationSettings = Settings.parse({}).notifications;
const NAMES: Record<string, string> = { 'claude-code': 'Claude Code', 'codex-cli': 'Codex CLI', 'gemini-cli': 'Gemini CLI', qwen: 'Qwen Code' };
const toolName = (id: string) => NAMES[id] ?? 'A tool';

function run(events: MonitorEvent[], options: { known?: KnownDestinations; settings?: Partial<NotificationSettings>; exposure?: ExposureMessage } = {}) {
  return evaluateRules({
    events,
    known: options.known ?? new Map(),
    toolName,
    exposure: options.exposure,
    notifications: { ...ON, ...options.settings },
  });
}

/** The candidate in Chinese: title and body with no English prose left once its data is taken out. */
function chinese(c: Candidate | undefined): string {
  if (!c) throw new Error('no candidate');
  const { title, body } = renderNotification(c.message, 'zh-CN');
  expectChinese(title, c.message, `${c.message.id} title`);
  expectChinese(body, c.message, `${c.message.id} body`);
  return `${title}｜${body}`;
}

const CHINA: InferenceMessage = { id: 'inference.location.country', country: 'CN', confidence: 'high' };
const ZONE = { id: 'evidence.country-of', signal: { kind: 'timezone', subject: { source: 'resolved' }, value: 'Asia/Shanghai' }, country: 'CN' } as const;

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
  it('exposure rose: only upwards, with the verdict summary, in English and Chinese', () => {
    const summary: ExposureMessage = { id: 'exposure.summary', level: 'high', covert: [], overt: [], top: CHINA };
    const { candidates } = run(
      [
        { type: 'exposure-changed', at: AT, before: 'low', after: 'high' },
        { type: 'exposure-changed', at: AT, before: 'high', after: 'elevated' },
        { type: 'exposure-changed', at: AT, before: null, after: 'low' },
        { type: 'exposure-changed', at: AT, before: null, after: 'none' },
      ],
      { exposure: summary },
    );
    const body = 'High exposure: top inference: Tools can tell you are almost certainly in China (CN).';
    expect(candidates).toEqual([
      { rule: 'exposure-rose', toolId: null, message: { id: 'notification.exposure-rose', before: 'low', after: 'high', summary }, title: 'Exposure rose from low to high', body, at: AT },
      { rule: 'exposure-rose', toolId: null, message: { id: 'notification.exposure-rose', before: null, after: 'low', summary }, title: 'Exposure rose from none to low', body, at: AT },
    ]);
    expect(chinese(candidates[0])).toBe('暴露程度从低升至高｜暴露程度高：最主要的推断：工具几乎可以肯定你在中国（CN）。');
    // Without a verdict in the delta: a sentence of its own.
    const [bare] = run([{ type: 'exposure-changed', at: AT, before: 'none', after: 'elevated' }]).candidates;
    expect(bare?.body).toBe('Elevated exposure: tools here can learn more about you than before.');
    expect(chinese(bare)).toBe('暴露程度从无升至较高｜暴露程度较高：这台机器上的工具能了解到的关于你的信息比之前更多了。');
  });

  it('a tool started: named by its name, not its id', () => {
    const [c] = run([{ type: 'tool-started', at: AT, toolId: 'codex-cli', name: 'Codex CLI', pids: [7] }]).candidates;
    expect(c).toMatchObject({ rule: 'tool-started', toolId: 'codex-cli', title: 'Codex CLI started', message: { id: 'notification.tool-started', tool: 'Codex CLI' } });
    expect(`${c?.title} ${c?.body}`).not.toContain('codex-cli');
    expect(chinese(c)).toBe('Codex CLI 已启动｜Telltale 会显示 Codex CLI 能读取你的哪些信息，以及它连接到哪里。');
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
    expect(candidates[0]?.message).toEqual({ id: 'notification.new-country', tool: 'Claude Code', country: 'CN', org: 'Alibaba', host: 'dashscope.aliyuncs.com', port: 443 });
    expect(chinese(candidates[0])).toBe('Claude Code 连接了新的国家或地区：中国（CN）｜首次连接 dashscope.aliyuncs.com:443（中国（CN）、Alibaba）。');
    expect(chinese(candidates[1])).toBe('Claude Code 连接了新的组织：Cloudflare, Inc.｜首次连接 160.79.104.10:443（美国（US）、Cloudflare, Inc.）。');
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

  it('an inference gained names the tools that can now make it, with its statement', () => {
    const withMessages = inference({ visibleTo: ['claude-code'], message: CHINA, evidenceMessages: [ZONE] });
    const one = run([{ type: 'inference-gained', at: AT, inference: withMessages }]).candidates;
    expect(one).toEqual([
      {
        rule: 'inference-gained',
        toolId: 'claude-code',
        message: { id: 'notification.inference-gained', tools: ['Claude Code'], inference: CHINA, evidence: [ZONE] },
        title: 'Claude Code can now infer you are in China (CN)',
        body: 'Tools can tell you are almost certainly in China (CN): time zone Asia/Shanghai (China).',
        at: AT,
      },
    ]);
    expect(chinese(one[0])).toBe('Claude Code 现在可以推断出你在中国（CN）｜工具几乎可以肯定你在中国（CN）：时区 Asia/Shanghai（中国）。');
    const many = run([{ type: 'inference-gained', at: AT, inference: { ...withMessages, visibleTo: ['claude-code', 'codex-cli', 'gemini-cli', 'qwen'] } }]);
    expect(many.candidates[0]).toMatchObject({ toolId: null, title: 'Claude Code, Codex CLI and 2 more tools can now infer you are in China (CN)' });
    expect(chinese(many.candidates[0])).toMatch(/^Claude Code、Codex CLI 及另外 2 个工具现在可以推断出你在中国（CN）｜/);
    // An inference without messages (written before they existed) keeps its English statement.
    const [old] = run([{ type: 'inference-gained', at: AT, inference: inference({ visibleTo: ['claude-code'] }) }]).candidates;
    expect(old).toMatchObject({ title: 'Claude Code can now infer more about you', body: 'You are probably in China.' });
    expect(renderNotification((old as Candidate).message, 'zh-CN')).toEqual({ title: 'Claude Code 现在可以推断出更多关于你的信息', body: 'You are probably in China.' });
  });

  it('says what each kind of inference lets the tools know', () => {
    const titles = (m: InferenceMessage) => (['en', 'zh-CN'] as const).map((l) => renderNotification({ id: 'notification.inference-gained', tools: ['Qwen Code'], inference: m, evidence: [] }, l).title);
    expect(titles({ id: 'inference.network.proxy', confidence: 'high' })).toEqual(['Qwen Code can now infer you send HTTPS through a proxy', 'Qwen Code 现在可以推断出你通过代理发送 HTTPS 请求']);
    expect(titles({ id: 'inference.network.proxy-country', country: 'HK', confidence: 'medium' })).toEqual([
      'Qwen Code can now infer your proxy is in Hong Kong SAR China (HK)',
      'Qwen Code 现在可以推断出你的代理位于中国香港特别行政区（HK）',
    ]);
    expect(titles({ id: 'inference.affiliation.organization', org: 'Alibaba', confidence: 'high' })).toEqual([
      'Qwen Code can now infer you work at or for Alibaba',
      'Qwen Code 现在可以推断出你在 Alibaba 工作或为其工作',
    ]);
    expect(titles({ id: 'inference.affiliation.ai-lab', lab: 'Moonshot AI', confidence: 'high', relation: 'member' })[1]).toBe('Qwen Code 现在可以推断出你在 Moonshot AI 工作或与其合作');
    expect(titles({ id: 'inference.affiliation.ai-lab', lab: 'Moonshot AI', confidence: 'low', relation: 'user' })).toEqual([
      "Qwen Code can now infer you use Moonshot AI's API",
      'Qwen Code 现在可以推断出你在使用 Moonshot AI 的 API',
    ]);
  });

  it('an inference changed: all tools when its value changed, only the added ones when it spread', () => {
    const before = inference({ id: 'network.proxy-country', value: 'HK', visibleTo: ['claude-code'] });
    const inHK: InferenceMessage = { id: 'inference.network.proxy-country', country: 'HK', confidence: 'high' };
    const moved = run([{ type: 'inference-changed', at: AT, before, after: { ...before, value: 'CN', message: { ...inHK, country: 'CN' } } }]).candidates;
    expect(moved.map((c) => c.title)).toEqual(['Claude Code can now infer your proxy is in China (CN)']);
    const spread = run([{ type: 'inference-changed', at: AT, before, after: { ...before, message: inHK, visibleTo: ['claude-code', 'codex-cli'] } }]).candidates;
    expect(spread.map((c) => c.title)).toEqual(['Codex CLI can now infer your proxy is in Hong Kong SAR China (HK)']);
    const same = run([{ type: 'inference-changed', at: AT, before, after: { ...before, confidence: 'low' } }]).candidates;
    expect(same).toEqual([]);
  });

  it('honours the master switch, muted rules and muted tools (while still learning destinations)', () => {
    const events: MonitorEvent[] = [
      { type: 'tool-started', at: AT, toolId: 'codex-cli', name: 'Codex CLI', pids: [7] },
      { type: 'tool-started', at: AT, toolId: 'claude-code', name: 'Claude Code', pids: [8] },
      { type: 'exposure-changed', at: AT, before: 'none', after: 'high' },
      { type: 'inference-gained', at: AT, inference: inference({ visibleTo: ['claude-code', 'codex-cli'], message: CHINA }) },
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
    expect(quiet.map((c) => c.title)).toEqual(['Codex CLI started', 'Exposure rose from none to high', 'Codex CLI can now infer you are in China (CN)']);
  });

  it('lists names readably, in either language', () => {
    const lists = (language: 'en' | 'zh-CN') => [0, 1, 2, 3, 4].map((n) => toolList(['A', 'B', 'C', 'D'].slice(0, n), translator(language)));
    expect(lists('en')).toEqual(['', 'A', 'A and B', 'A, B and C', 'A, B and 2 more tools']);
    expect(lists('zh-CN')).toEqual(['', 'A', 'A 和 B', 'A、B 和 C', 'A、B 及另外 2 个工具']);
  });
});
