import { describe, expect, it } from 'vitest';
import { clockTime, latest, relativeTime } from '../../../renderer/src/lib/time.js';

const at = Date.parse('2026-11-24T10:00:00.000Z');

describe('relativeTime', () => {
  it('says how long ago in the largest fitting unit', () => {
    expect(relativeTime('2026-11-24T09:59:57.000Z', at, 'en')).toBe('3 s ago');
    expect(relativeTime('2026-11-24T09:55:30.000Z', at, 'en')).toBe('4 min ago');
    expect(relativeTime('2026-11-24T07:00:00.000Z', at, 'en')).toBe('3 h ago');
    expect(relativeTime('2026-11-20T10:00:00.000Z', at, 'en')).toBe('4 d ago');
  });

  it('treats now and slightly future times as just now', () => {
    expect(relativeTime('2026-11-24T10:00:00.000Z', at, 'en')).toBe('just now');
    expect(relativeTime('2026-11-24T10:00:02.000Z', at, 'en')).toBe('just now');
  });

  it('says unknown for a missing or malformed timestamp', () => {
    expect(relativeTime(null, at, 'en')).toBe('unknown');
    expect(relativeTime('yesterday-ish', at, 'en')).toBe('unknown');
    expect(clockTime('not a date', 'en')).toBe('unknown');
    expect(clockTime(undefined, 'en')).toBe('unknown');
  });
});

describe('latest', () => {
  it('picks the later valid timestamp', () => {
    expect(latest('2026-11-24T10:00:00.000Z', '2026-11-24T10:00:05.000Z')).toBe('2026-11-24T10:00:05.000Z');
    expect(latest('2026-11-24T10:00:05.000Z', '2026-11-24T10:00:00.000Z')).toBe('2026-11-24T10:00:05.000Z');
    expect(latest(null, '2026-11-24T10:00:00.000Z')).toBe('2026-11-24T10:00:00.000Z');
    expect(latest('garbage', undefined)).toBeNull();
  });
});
