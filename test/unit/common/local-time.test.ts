import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, formatUtcOffset } from '../../../common/local-time.js';

describe('local date and time with the offset', () => {
  it('writes the wall-clock time of the given offset, across a date line', () => {
    expect(formatLocalDateTime('2026-11-24T18:30:00.000Z', 8 * 60, 'en')).toBe('2026-11-25 02:30 (UTC+08:00)');
    expect(formatLocalDateTime('2026-11-24T03:00:00Z', -5 * 60, 'en')).toBe('2026-11-23 22:00 (UTC-05:00)');
    expect(formatLocalDateTime('2026-11-24T03:00:00+08:00', 0, 'en')).toBe('2026-11-23 19:00 (UTC+00:00)');
    expect(formatLocalDateTime('2026-11-24T10:00:00Z', 5 * 60 + 45, 'en')).toBe('2026-11-24 15:45 (UTC+05:45)');
  });

  it("uses the local zone's offset at that instant by default", () => {
    const iso = '2026-07-01T12:00:00Z';
    expect(formatLocalDateTime(iso, undefined, 'en')).toBe(formatLocalDateTime(iso, -new Date(iso).getTimezoneOffset(), 'en'));
  });

  it('says unknown for a missing or unreadable time', () => {
    expect(formatLocalDateTime(undefined, undefined, 'en')).toBe('unknown');
    expect(formatLocalDateTime('yesterday', undefined, 'en')).toBe('unknown');
  });

  it('writes offsets with sign, hours and minutes', () => {
    expect([0, 330, -210, 780].map(formatUtcOffset)).toEqual(['+00:00', '+05:30', '-03:30', '+13:00']);
  });
});
