/**
 * The text functions shared by the CLI and the UI, in Chinese: natural Chinese with no English
 * prose (values, hosts and names aside), and the same facts as the English, which their own tests
 * pin byte for byte.
 */
import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../contract/events.js';
import type { CheckResult, NamedConnection, Signal } from '../../../contract/snapshot.js';
import type { WhatIfResult } from '../../../contract/whatif.js';
import { connectionChurn } from '../../../common/connection-churn.js';
import { EXPOSURE_LEVELS, exposureFor, exposureLabel } from '../../../common/exposure.js';
import { formatConnection, formatValue } from '../../../common/format.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { inferenceChange, inferenceShort } from '../../../common/inference-label.js';
import { formatLocalDateTime } from '../../../common/local-time.js';
import { notificationBody } from '../../../common/notification-text.js';
import { countryLabel, overviewRows } from '../../../common/overview.js';
import { signalLabel } from '../../../common/signal-label.js';
import { whatIfOptions } from '../../../common/whatif-options.js';
import { renderWhatIfText } from '../../../main/core/whatif/render-text.js';
import { formatEvent } from '../../../main/monitor/event-text.js';
import { expectChinese } from '../../helpers/i18n-checks.js';
import { change, factor, probeReport } from '../../helpers/probe-builders.js';
import { connection, inference, signal } from '../../helpers/snapshot-builders.js';

const flagged: CheckResult = {
  id: 'cn-proxy-timezone-2026',
  name: '2026 coding-CLI China check',
  nameMessage: { id: 'check-2026.name' },
  flagged: true,
  statement: 'Would be flagged.',
  evidence: ['timezone.iana'],
  visibleTo: ['claude-code'],
};

const country = inference({ message: { id: 'inference.location.country', country: 'CN', confidence: 'high' } });
const proxyCountry = inference({ id: 'network.proxy-country', value: 'US', confidence: 'medium' });
const lab = inference({ id: 'affiliation.ai-lab', value: 'Moonshot AI', confidence: 'low' });

describe('the exposure verdict in Chinese', () => {
  it('labels every level and names what drives it', () => {
    for (const level of EXPOSURE_LEVELS) expectChinese(exposureLabel(level, 'zh-CN'), {}, level);
    expect(exposureLabel('high', 'zh-CN')).toBe('暴露程度高');
    expect(exposureLabel(undefined, 'zh-CN')).toBe('未评估暴露程度');
    const covert = probeReport({ toolId: 'claude-code', factors: [factor('timezone', { 'Asia/Shanghai': [change('confusable')] })] });
    const { message } = exposureFor([country], [flagged], [covert], () => 'Claude Code');
    expect(renderMessage(message, 'zh-CN')).toBe('暴露程度高：“2026 年编程 CLI 中国检测”会标记这台机器；探测发现 Claude Code 存在隐蔽信道；最主要的推断：工具几乎可以肯定你在中国（CN）。');
  });
});

describe('the Overview answers in Chinese', () => {
  it('answers each question with Chinese names and words', () => {
    const rows = overviewRows([country, proxyCountry, inference({ id: 'network.proxy', value: true, confidence: 'high' }), lab], [flagged], 'zh-CN');
    const verdicts = Object.fromEntries(rows.map((row) => [row.question, row.verdict]));
    expect(verdicts).toEqual({ 'check-2026': '会标记你', country: '中国（CN）', proxy: '是，位于美国（US）', employer: '未推断出', 'ai-lab': 'Moonshot AI' });
    expect(overviewRows([], [], 'zh-CN').find((row) => row.question === 'check-2026')?.verdict).toBe('未评估');
    expect(overviewRows([country, inference({ value: 'HK', confidence: 'low' })], [], 'zh-CN')[0]?.verdict).toBe('中国（CN）或中国香港特别行政区（HK）');
    expect(countryLabel('XX', 'zh-CN')).toBe('XX');
  });
});

describe('inferences in a few words, in Chinese', () => {
  it('labels, values and changes', () => {
    expect(inferenceShort(country, 'zh-CN')).toBe('国家/地区：中国（CN）');
    expect(inferenceShort(inference({ id: 'network.proxy', value: true }), 'zh-CN')).toBe('使用代理：是');
    const changed = inferenceChange(inference({ confidence: 'low', evidence: [] }), inference({ value: 'HK' }), 'zh-CN');
    expect(changed).toBe('国家/地区：中国（CN） -> 中国香港特别行政区（HK），置信度 低 -> 高，证据有变化');
    expectChinese(inferenceChange(lab, lab, 'zh-CN'), lab, 'same');
  });
});

describe('signals by name, in Chinese', () => {
  const signals: Signal[] = [
    signal(),
    signal({ id: 'timezone.localtime', key: { source: 'localtime' } }),
    signal({ id: 'proxy.env.HTTPS_PROXY', kind: 'proxy', key: { source: 'env', variable: 'HTTPS_PROXY' }, value: 'http://127.0.0.1:7890' }),
    signal({ id: 'proxy.effective.https', kind: 'proxy', key: { source: 'effective', scheme: 'https' } }),
    signal({ id: 'proxy.system', kind: 'proxy', key: { source: 'system', system: 'gnome', setting: 'https' } }),
    signal({ id: 'proxy.pac', kind: 'proxy', key: { source: 'pac', system: 'kde' } }),
    signal({ id: 'proxy.pac-result', kind: 'proxy', key: { source: 'pac-result', system: 'windows' } }),
    signal({ id: 'locale.intl', kind: 'locale', key: { variable: 'intl' } }),
    signal({ id: 'locale.apple', kind: 'locale', key: { variable: 'AppleLocale' } }),
    signal({ id: 'locale.LANG', kind: 'locale', key: { variable: 'LANG' } }),
    signal({ id: 'identity.git-email', kind: 'identity', key: { field: 'git-email' } }),
    signal({ id: 'identity.git-email.file', kind: 'identity', key: { field: 'git-email', file: '~/work/.gitconfig' } }),
    signal({ id: 'identity.dns-search', kind: 'identity', key: { field: 'dns-search' } }),
    signal({ id: 'registry.npm', kind: 'registry', key: { ecosystem: 'npm', setting: 'registry' } }),
    signal({ id: 'registry.npm.scope', kind: 'registry', key: { ecosystem: 'npm', setting: 'scope', scope: '@ali' } }),
    signal({ id: 'registry.npm.scope-any', kind: 'registry', key: { ecosystem: 'npm', setting: 'scope' } }),
    signal({ id: 'model-endpoint', kind: 'model-endpoint', key: { variable: 'ANTHROPIC_BASE_URL' } }),
    signal({ id: 'tool-setting', kind: 'tool-setting', key: { toolId: 'claude-code', setting: 'env', name: 'env.ANTHROPIC_BASE_URL', file: '~/.claude/settings.json' } }),
    signal({ id: 'tool-config', kind: 'tool-config', key: { toolId: 'claude-code', file: '~/.claude/settings.json' } }),
    signal({ id: 'system.connections', kind: 'system', key: { part: 'connections' } }),
    signal({ id: 'system.sampler', kind: 'system', key: { part: 'sampler', sampler: 'proxy' } }),
  ] as Signal[];

  it('names every kind of signal', () => {
    for (const s of signals) expectChinese(signalLabel(s, () => 'Claude Code', 'zh-CN'), [s.key, 'Claude Code', 'GNOME', 'KDE', 'Windows', 'macOS', 'PAC', '/etc/localtime'], s.id);
    expect(signalLabel(signals[2] as Signal, (id) => id, 'zh-CN')).toBe('HTTPS_PROXY（环境变量）');
    expect(signalLabel(signals[1] as Signal, (id) => id, 'zh-CN')).toBe('/etc/localtime');
  });
});

describe('values, connections and churn, in Chinese', () => {
  const named = (overrides: Partial<NamedConnection> = {}): NamedConnection => ({ ...connection(), process: 'node', ...overrides });

  it('writes empty values and ownerless sockets in Chinese', () => {
    expect(formatValue(null, undefined, 'zh-CN')).toBe('（无）');
    expect(formatValue([], undefined, 'zh-CN')).toBe('（空列表）');
    expect(formatValue('', undefined, 'zh-CN')).toBe('（空）');
    expect(formatValue(null, '—', 'zh-CN')).toBe('—');
    expect(formatConnection(named(), 'zh-CN')).toMatch(/^node（PID 4242） tcp /);
    expect(formatConnection(named({ pid: null, process: null, ownerUnknown: 'permission-denied' }), 'zh-CN')).toMatch(/^（无进程：permission-denied）/);
  });

  it('tallies churn with Chinese labels', () => {
    const churn = connectionChurn(
      { connectionsOpened: [named({ toolId: null }), named({ toolId: null, process: null, pid: null }), named({ remoteAddress: null, remote: null })], connectionsClosed: [] },
      (id) => id,
      'zh-CN',
    );
    expect(churn.byTool.map((r) => r.label).sort()).toEqual(['claude-code', 'node（非已知工具）', '（无进程）'].sort());
    expect(churn.byRemote.map((r) => r.label).sort()).toEqual(['api.anthropic.com，美国（US）', '（监听中或未连接）'].sort());
  });
});

describe('what-if options and text, in Chinese', () => {
  const signals = [
    signal({ id: 'proxy.env.HTTPS_PROXY', kind: 'proxy', key: { source: 'env', variable: 'HTTPS_PROXY' }, value: 'http://127.0.0.1:7890' }),
    signal({ id: 'registry.npm', kind: 'registry', key: { ecosystem: 'npm', setting: 'registry' }, value: 'https://registry.npmmirror.com/' }),
    signal({ id: 'identity.git-email', kind: 'identity', key: { field: 'git-email' }, value: 'me@alibaba-inc.com' }),
    signal({ id: 'model-endpoint', kind: 'model-endpoint', key: { variable: 'ANTHROPIC_BASE_URL' }, value: 'https://api.moonshot.cn/anthropic' }),
  ] as Signal[];

  it('offers every change in Chinese', () => {
    const options = whatIfOptions(signals, 'zh-CN');
    expect(options.map((o) => o.key)).toEqual(whatIfOptions(signals, 'en').map((o) => o.key));
    for (const o of options) expectChinese(o.label, o.toggle, o.key);
  });

  it('writes the before/after table in Chinese, aligned by terminal columns', () => {
    const result: WhatIfResult = {
      toggles: [{ kind: 'unset-env', variable: 'HTTPS_PROXY' }, { kind: 'drop-mirror', ecosystem: 'npm' }],
      before: { inferences: [country], checks: [flagged], exposure: { level: 'high', summary: '' } },
      after: { inferences: [], checks: [], exposure: { level: 'none', summary: '' } },
      signalsChanged: [{ id: 'proxy.env.HTTPS_PROXY', before: 'http://127.0.0.1:7890', after: null }],
    };
    const text = renderWhatIfText(result, 'zh-CN');
    const lines = text.split('\n');
    expect(lines[0]).toBe('假如：清除 HTTPS_PROXY, 不使用 npm 镜像源');
    expect(text).toContain('暴露程度');
    expect(text).toContain('中国（CN）（高）');
    expect(text).toContain('proxy.env.HTTPS_PROXY: http://127.0.0.1:7890 -> （无）');
    // The arrows line up however many wide characters come before them.
    const arrows = lines.filter((l) => l.includes(' -> ') && !l.startsWith('  ')).map((l) => [...l.slice(0, l.indexOf('  ->  '))].reduce((w, c) => w + (/\p{Script=Han}|[（）：，]/u.test(c) ? 2 : 1), 0));
    expect(new Set(arrows).size).toBe(1);
    expectChinese(text.replace(/\S+\.\S+: .*$/m, ''), { values: ['HTTPS_PROXY', 'npm', 'Moonshot AI'] }, 'what-if text');
  });
});

describe('watch lines and notifications, in Chinese', () => {
  const at = '2026-11-24T10:00:05.000Z';
  const events: MonitorEvent[] = [
    { type: 'connection-opened', at, connection: { ...connection(), process: 'node' } },
    { type: 'tool-started', at, toolId: 'codex-cli', name: 'Codex CLI', pids: [9] },
    { type: 'tool-started', at, toolId: 'codex-cli', name: 'Codex CLI', pids: [] },
    { type: 'tool-stopped', at, toolId: 'codex-cli', name: 'Codex CLI' },
    { type: 'signal-changed', at, id: 'timezone.iana', signal: signal(), before: null, after: 'Asia/Shanghai' },
    { type: 'inference-gained', at, inference: country },
    { type: 'inference-changed', at, before: { ...country, confidence: 'low' }, after: country },
    { type: 'exposure-changed', at, before: null, after: 'elevated' },
  ];

  it('writes every event in Chinese', () => {
    for (const event of events) expectChinese(formatEvent(event, 'zh-CN'), event, event.type);
    expect(formatEvent(events[5] as MonitorEvent, 'zh-CN')).toBe(`[${at}] + 推断 location.country = CN [高]: 工具几乎可以肯定你在中国（CN）。`);
    expect(formatEvent(events[7] as MonitorEvent, 'zh-CN')).toBe(`[${at}] ~ 暴露程度 无 -> 较高`);
  });

  it('says how many were folded, and dates nothing it cannot read', () => {
    expect(notificationBody({ body: 'Codex 已启动', folded: 2 }, 'zh-CN')).toBe('Codex 已启动（另有 2 条类似通知）');
    expect(formatLocalDateTime(undefined, 0, 'zh-CN')).toBe('未知');
  });
});
