import { describe, expect, it } from 'vitest';
import { notificationBody, notificationLine, notificationText } from '../../../common/notification-text.js';

const n = { id: 'n1', at: '2026-11-24T10:00:00.000Z', rule: 'tool-started' as const, toolId: 'codex-cli', title: 'Codex CLI started', body: 'Watching it.', folded: 0 };

describe('notification text', () => {
  it('says how many similar ones were folded in', () => {
    expect(notificationBody(n, 'en')).toBe('Watching it.');
    expect(notificationBody({ ...n, folded: 3 }, 'en')).toBe('Watching it. (and 3 more like it)');
    expect(notificationLine({ ...n, folded: 1 }, 'en')).toBe('! [2026-11-24T10:00:00.000Z] Codex CLI started: Watching it. (and 1 more like it)');
  });

  it('renders the message in the language in force, the English text without one', () => {
    const message = { id: 'notification.new-country', tool: 'Claude Code', country: 'CN', org: 'Alibaba', host: '2001:db8::1', port: 443 } as const;
    const stored = { ...n, title: 'Claude Code contacted a new country: China (CN)', body: '[2001:db8::1]:443 (China (CN), Alibaba), first seen now.', message };
    expect(notificationText(stored, 'en')).toEqual({ title: stored.title, body: stored.body });
    expect(notificationText(stored, 'zh-CN')).toEqual({ title: 'Claude Code 连接了新的国家或地区：中国（CN）', body: '首次连接 [2001:db8::1]:443（中国（CN）、Alibaba）。' });
    expect(notificationLine({ ...stored, folded: 1200 }, 'zh-CN')).toBe(
      '! [2026-11-24T10:00:00.000Z] Claude Code 连接了新的国家或地区：中国（CN）: 首次连接 [2001:db8::1]:443（中国（CN）、Alibaba）。（另有 1,200 条类似通知）',
    );
    // A notification from a host that predates messages: its English text, folded in the language in force.
    expect(notificationText(n, 'zh-CN')).toEqual({ title: 'Codex CLI started', body: 'Watching it.' });
    expect(notificationBody({ ...n, folded: 2 }, 'zh-CN')).toBe('Watching it.（另有 2 条类似通知）');
  });
});
