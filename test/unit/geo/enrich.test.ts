import { describe, expect, it } from 'vitest';
import { cachedGeoLookup } from '../../../main/core/geo/cached-lookup.js';
import { remoteInfo } from '../../../main/core/geo/enrich.js';
import type { GeoLookup } from '../../../main/core/geo/types.js';

const geo: GeoLookup = {
  lookup: (ip) => (ip === '160.79.104.10' ? { country: 'US', asn: 399358, org: 'Anthropic, PBC' } : null),
};

describe('remoteInfo', () => {
  it('knows public and loopback remotes; private ones and no peer are null', () => {
    expect(['160.79.104.10', '9.9.9.9', '127.0.0.1', '::1', '192.168.1.1', null].map((a) => remoteInfo(a, geo))).toEqual([
      { country: 'US', asn: 399358, org: 'Anthropic, PBC', host: null },
      { country: null, asn: null, org: null, host: null },
      { country: null, asn: null, org: null, host: 'localhost' },
      { country: null, asn: null, org: null, host: 'localhost' },
      null,
      null,
    ]);
  });
});

describe('cachedGeoLookup', () => {
  it('asks the data once per address, unknown addresses included, and stays bounded', () => {
    const asked: string[] = [];
    const cached = cachedGeoLookup({ lookup: (ip) => (asked.push(ip), geo.lookup(ip)) }, 2);
    for (let i = 0; i < 3; i++) {
      expect(cached.lookup('160.79.104.10')?.country).toBe('US');
      expect(cached.lookup('9.9.9.9')).toBeNull();
    }
    expect(asked).toEqual(['160.79.104.10', '9.9.9.9']);
    cached.lookup('1.1.1.1'); // a third address clears the full cache rather than growing it
    cached.lookup('160.79.104.10');
    expect(asked).toEqual(['160.79.104.10', '9.9.9.9', '1.1.1.1', '160.79.104.10']);
  });
});
