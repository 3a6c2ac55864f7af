import { describe, expect, it } from 'vitest';
import type { ProbeFactor } from '../../../contract/snapshot.js';
import { ZONE_SOURCE_KEYS } from '../../../common/i18n/probe-keys.js';
import { translator } from '../../../common/i18n/translate.js';
import { zoneSource } from '../../../main/core/probe/zone-source.js';

function factor(name: ProbeFactor['factor'], changed: Record<string, boolean>): ProbeFactor {
  const variants = Object.entries(changed).map(([value, c]) => ({ value, runs: 2, changed: c, changes: [], disclosure: null }));
  return { factor: name, baseline: 'UTC', changed: variants.some((v) => v.changed), variants };
}

describe('which time zone setting a tool follows', () => {
  it.each([
    ['tz', { 'Asia/Shanghai': true, 'Asia/Tokyo': false }, { 'Asia/Shanghai': false, 'Asia/Tokyo': false }],
    ['system', { 'Asia/Shanghai': false, 'Asia/Tokyo': false }, { 'Asia/Shanghai': true, 'Asia/Tokyo': true }],
    ['both', { 'Asia/Shanghai': false, 'Asia/Tokyo': true }, { 'Asia/Shanghai': true, 'Asia/Tokyo': false }],
    ['neither', { 'Asia/Shanghai': false, 'Asia/Tokyo': false }, { 'Asia/Shanghai': false, 'Asia/Tokyo': false }],
  ] as const)('%s', (follows, tz, system) => {
    const source = zoneSource([factor('timezone', tz), factor('locale', {}), factor('system-timezone', system)]);
    expect(source?.follows).toBe(follows);
    expect(source?.zones).toEqual(Object.keys(tz).map((zone) => ({ zone, tz: tz[zone as keyof typeof tz], system: system[zone as keyof typeof system] })));
    expect(translator('en')(ZONE_SOURCE_KEYS[source!.follows])).toMatch(follows === 'neither' ? /neither/ : follows === 'tz' ? /follows TZ/ : /system zone/);
  });

  it('says nothing unless both factors ran a zone in common', () => {
    expect(zoneSource([factor('timezone', { 'Asia/Shanghai': true })])).toBeNull();
    expect(zoneSource([factor('timezone', { 'Asia/Shanghai': true }), factor('system-timezone', { 'Asia/Tokyo': true })])).toBeNull();
  });
});
