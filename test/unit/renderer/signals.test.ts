import { describe, expect, it } from 'vitest';
import { groupSignals, indexSignals, resolveEvidence } from '../../../renderer/src/lib/signals.js';
import { signal } from '../../helpers/snapshot-builders.js';

describe('resolveEvidence', () => {
  it('finds the signal for each id and keeps ids with no signal', () => {
    const tz = signal();
    const resolved = resolveEvidence(['timezone.iana', 'registry.npm'], indexSignals([tz]));
    expect(resolved).toEqual([
      { id: 'timezone.iana', signal: tz },
      { id: 'registry.npm', signal: undefined },
    ]);
  });
});

describe('groupSignals', () => {
  it('groups by kind in a fixed order and leaves out empty ones', () => {
    const groups = groupSignals([
      signal({ id: 'registry.npm', kind: 'registry', key: { ecosystem: 'npm', setting: 'registry' }, value: 'https://registry.npmmirror.com/' }),
      signal(),
      signal({ id: 'proxy.env.https_proxy', kind: 'proxy', key: { source: 'env', variable: 'https_proxy' }, value: 'http://user:***@10.0.0.1:3128' }),
      signal({ id: 'timezone.offset', key: { source: 'offset' }, value: 480 }),
    ]);
    expect(groups.map((group) => group.kind)).toEqual(['proxy', 'timezone', 'registry']);
    expect(groups[1]?.signals.map((s) => s.id)).toEqual(['timezone.iana', 'timezone.offset']);
  });
});
