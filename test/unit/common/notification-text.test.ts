import { describe, expect, it } from 'vitest';
import { notificationBody, notificationLine } from '../../../common/notification-text.js';

const n = { id: 'n1', at: '2026-11-24T10:00:00.000Z', rule: 'tool-started' as const, toolId: 'codex-cli', title: 'Codex CLI started', body: 'Watching it.', folded: 0 };

describe('notification text', () => {
  it('says how many similar ones were folded in', () => {
    expect(notificationBody(n, 'en')).toBe('Watching it.');
    expect(notificationBody({ ...n, folded: 3 }, 'en')).toBe('Watching it. (and 3 more like it)');
    expect(notificationLine({ ...n, folded: 1 }, 'en')).toBe('! [2026-11-24T10:00:00.000Z] Codex CLI started: Watching it. (and 1 more like it)');
  });
});
