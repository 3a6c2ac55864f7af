import { describe, expect, it } from 'vitest';
import { translator } from '../../../common/i18n/translate.js';
import { countKey, dateTime, formatCount } from '../../../renderer/src/lib/data-format.js';

describe('data-format', () => {
  const at = '2026-11-30T10:02:14.000Z';

  it('writes a date and time in the language asked for, not the runtime default', () => {
    const en = dateTime(at, 'en');
    const zh = dateTime(at, 'zh-CN');
    expect(en).toMatch(/2026/);
    expect(en).toMatch(/Nov/);
    // Chinese dates read 2026年11月30日, with no English month or AM/PM.
    expect(zh).toMatch(/2026年11月30日/);
    expect(zh).not.toMatch(/[A-Za-z]/);
  });

  it('keeps an unreadable timestamp as it came', () => {
    expect(dateTime('not a date', 'zh-CN')).toBe('not a date');
  });

  it('groups digits and picks the counted noun by number', () => {
    expect(formatCount(6074, 'en')).toBe('6,074');
    const keys = { one: 'data.runs.one', other: 'data.runs.other' } as const;
    const en = translator('en');
    const zh = translator('zh-CN');
    expect(en(countKey(1, keys), { count: '1' })).toBe('1 run');
    expect(en(countKey(3, keys), { count: '3' })).toBe('3 runs');
    expect(zh(countKey(1, keys), { count: '1' })).toBe('1 次运行');
    expect(zh(countKey(3, keys), { count: '3' })).toBe('3 次运行');
  });
});
