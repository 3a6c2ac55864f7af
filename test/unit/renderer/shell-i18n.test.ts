/**
 * The app's frame in both languages: views by typed id with a label each, relative times, clock
 * times, counts and sizes through Intl, and the lines the event list and a tool's page build.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { MonitorEvent } from '../../../contract/events.js';
import { EvidenceMessage, InferenceMessage } from '../../../contract/message.js';
import { LANGUAGES } from '../../../common/i18n/languages.js';
import { renderStatement } from '../../../common/i18n/render.js';
import { translator } from '../../../common/i18n/translate.js';
import { closedAfterText } from '../../../renderer/src/lib/attempts.js';
import { formatBytes } from '../../../renderer/src/lib/bytes.js';
import { CONNECTIONS, countedKey, formatNumber } from '../../../renderer/src/lib/count.js';
import { EVENT_TYPE_KEYS, eventText, inferenceStatement, toolNameLookup } from '../../../renderer/src/lib/event-text.js';
import { kindLabel } from '../../../renderer/src/lib/signals.js';
import { clockTime, dateTime, relativeTime } from '../../../renderer/src/lib/time.js';
import { toolPresence } from '../../../renderer/src/lib/tools.js';
import { VIEW_IDS, VIEW_LABELS } from '../../../renderer/src/lib/views.js';
import { expectChinese } from '../../helpers/i18n-checks.js';
import { inference, tool } from '../../helpers/snapshot-builders.js';

const at = Date.parse('2026-11-24T10:00:00.000Z');
const han = /\p{Script=Han}/u;

describe('views', () => {
  it('have one label each, distinct in every language, the English ones as the navigation always named them', () => {
    for (const language of LANGUAGES) {
      const t = translator(language);
      const labels = VIEW_IDS.map((id) => t(VIEW_LABELS[id]));
      expect(new Set(labels).size, language).toBe(VIEW_IDS.length);
    }
    const english = translator('en');
    expect(VIEW_IDS.map((id) => english(VIEW_LABELS[id]))).toEqual(['Overview', 'What if', 'Apps', 'Connections', 'Timeline', 'Signals', 'Snapshot', 'Probe', 'Settings']);
    const chinese = translator('zh-CN');
    for (const id of VIEW_IDS) expect(chinese(VIEW_LABELS[id]), id).toMatch(han);
  });
});

describe('time in Chinese', () => {
  it('says how long ago with Chinese units, and 未知 for a bad timestamp', () => {
    expect(relativeTime('2026-11-24T09:59:57.000Z', at, 'zh-CN')).toBe('3 秒前');
    expect(relativeTime('2026-11-24T09:55:30.000Z', at, 'zh-CN')).toBe('4 分钟前');
    expect(relativeTime('2026-11-24T07:00:00.000Z', at, 'zh-CN')).toBe('3 小时前');
    expect(relativeTime('2026-11-20T10:00:00.000Z', at, 'zh-CN')).toBe('4 天前');
    expect(relativeTime('2026-11-24T10:00:01.000Z', at, 'zh-CN')).toBe('刚刚');
    expect(relativeTime('nonsense', at, 'zh-CN')).toBe('未知');
    expect(clockTime(null, 'zh-CN')).toBe('未知');
    expect(dateTime('nonsense', 'zh-CN')).toBe('未知');
  });

  it('writes clock times on the 24-hour clock in Chinese and with AM/PM in English, in any time zone', () => {
    for (const iso of ['2026-11-24T03:04:05.000Z', '2026-11-24T15:04:05.000Z']) {
      expect(clockTime(iso, 'zh-CN')).toMatch(/^\d{1,2}:\d{2}:\d{2}$/);
      expect(clockTime(iso, 'en')).toMatch(/^\d{1,2}:\d{2}:\d{2}\s?[AP]M$/);
    }
    // A date in Chinese is year/month/day.
    expect(dateTime('2026-11-24T12:00:00.000Z', 'zh-CN')).toMatch(/^2026\/11\/2[345] \d{1,2}:\d{2}:\d{2}$/);
  });
});

describe('counts and numbers', () => {
  it('pick English singular and plural, and the one Chinese form', () => {
    expect(countedKey(CONNECTIONS, 1, 'en')).toBe(CONNECTIONS.one);
    expect(countedKey(CONNECTIONS, 3, 'en')).toBe(CONNECTIONS.other);
    expect(countedKey(CONNECTIONS, 1, 'zh-CN')).toBe(CONNECTIONS.other);
    expect(translator('en')(countedKey(CONNECTIONS, 1, 'en'), { count: '1' })).toBe('1 connection');
    expect(translator('zh-CN')(countedKey(CONNECTIONS, 3, 'zh-CN'), { count: '3' })).toBe('3 个连接');
  });

  it('group digits and fix decimals by the language', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345');
    expect(formatNumber(2.5, 'zh-CN', 1)).toBe('2.5');
    expect(formatBytes(3_400_000, 'zh-CN')).toBe('3.4 MB');
    expect(closedAfterText({ at: '2026-11-24T10:00:00.000Z', endedAt: '2026-11-24T10:00:00.340Z' }, 'zh-CN')).toBe('340 毫秒后关闭');
    expect(closedAfterText({ at: '2026-11-24T10:00:00.000Z', endedAt: '2026-11-24T10:00:12.500Z' }, 'en')).toBe('closed after 12.5 s');
  });
});

describe('labels from the lib', () => {
  it('name a tool’s presence and a signal kind in Chinese', () => {
    expect(toolPresence(tool({ running: true, pids: [1, 2] }), 'zh-CN')).toBe('正在运行（2 个进程）');
    expect(toolPresence(tool({ running: false, pids: [], installed: false }), 'zh-CN')).toBe('未找到');
    expect(kindLabel('timezone', 'zh-CN')).toBe('时区');
    expect(kindLabel('registry', 'en')).toBe('Package registries');
  });

  it('name every event type in both languages, each differently', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const t = translator(language);
      const labels = Object.values(EVENT_TYPE_KEYS).map((key) => t(key));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});

const headline = InferenceMessage.parse({ id: 'inference.location.country', country: 'CN', confidence: 'high' });
const evidence = [EvidenceMessage.parse({ id: 'evidence.signal', signal: { kind: 'timezone', subject: { source: 'resolved' }, value: 'Asia/Shanghai' } })];
const located = inference({ message: headline, evidenceMessages: evidence, statement: renderStatement(headline, evidence, 'en') });

const attempt: ConnectionAttempt = {
  at: '2026-11-24T10:00:00.000Z',
  pid: 42,
  process: 'node',
  command: null,
  toolId: 'claude-code',
  protocol: 'tcp',
  localAddress: '10.0.0.2',
  localPort: 50000,
  remoteAddress: '203.0.113.9',
  remotePort: 443,
  remote: { host: 'api.moonshot.cn', country: 'CN', org: 'Moonshot', asn: null },
  outcome: 'established',
  durationMs: 30,
  source: 'trace',
  endedAt: '2026-11-24T10:00:02.000Z',
};

describe('event lines', () => {
  const name = toolNameLookup([tool()]);
  const events: MonitorEvent[] = [
    { type: 'connection-attempt', at: attempt.at, attempt },
    { type: 'connection-attempt', at: attempt.at, attempt: { ...attempt, outcome: 'failed', toolId: null, remote: null } },
    { type: 'tool-started', at: attempt.at, toolId: 'claude-code', name: 'Claude Code', pids: [42] },
    { type: 'inference-gained', at: attempt.at, inference: located },
    { type: 'inference-changed', at: attempt.at, before: { ...located, confidence: 'medium' }, after: located },
    { type: 'exposure-changed', at: attempt.at, before: 'elevated', after: 'high' },
  ];

  it('read as Chinese, values aside, with every placeholder filled', () => {
    for (const event of events) expectChinese(eventText(event, name, 'zh-CN'), event, event.type);
  });

  it('read as before in English', () => {
    expect(eventText(events[0] as MonitorEvent, name, 'en')).toBe('Claude Code connected to api.moonshot.cn (203.0.113.9:443) in CN, Moonshot, closed after 2,000 ms');
    expect(eventText(events[5] as MonitorEvent, name, 'en')).toBe('Exposure went from elevated to high');
  });

  it('render an inference from its message in the language asked for, its English text when it has none', () => {
    expect(inferenceStatement(located, 'zh-CN')).toBe(renderStatement(headline, evidence, 'zh-CN'));
    expect(inferenceStatement(located, 'zh-CN')).toMatch(han);
    expect(inferenceStatement(inference(), 'zh-CN')).toBe('You are probably in China.');
  });
});
