import { describe, expect, it } from 'vitest';
import { createOfflineGeoLookup, type GeoDataSource } from '../../../main/core/geo/offline-lookup.js';

function countingSource(overrides: Partial<GeoDataSource> = {}) {
  const calls = { countryDb: 0, asnIpv4Csv: 0, asnIpv6Csv: 0 };
  const fail = (what: string) => () => {
    throw new Error(`${what} missing`);
  };
  const source: GeoDataSource = {
    countryDb: () => (calls.countryDb++, (overrides.countryDb ?? fail('country db'))()),
    asnIpv4Csv: () => (calls.asnIpv4Csv++, (overrides.asnIpv4Csv ?? (() => new TextEncoder().encode('134744064,134744319,15169,Google LLC\n')))()),
    asnIpv6Csv: () => (calls.asnIpv6Csv++, (overrides.asnIpv6Csv ?? fail('ipv6 csv'))()),
  };
  return { source, calls };
}

describe('createOfflineGeoLookup', () => {
  it('answers private, loopback and other non-public addresses with null without loading data', () => {
    const { source, calls } = countingSource();
    const geo = createOfflineGeoLookup(source);
    for (const ip of ['10.0.0.1', '127.0.0.1', '::1', 'fe80::1', '100.64.1.1', '224.0.0.1', 'nonsense']) {
      expect(geo.lookup(ip)).toBeNull();
    }
    expect(calls).toEqual({ countryDb: 0, asnIpv4Csv: 0, asnIpv6Csv: 0 });
  });

  it('loads each part once, lazily, and goes on without a part that failed', () => {
    const { source, calls } = countingSource();
    const geo = createOfflineGeoLookup(source);
    expect(geo.lookup('8.8.8.8')).toEqual({ country: null, asn: 15169, org: 'Google LLC' });
    expect(geo.lookup('::ffff:8.8.8.8')).toEqual({ country: null, asn: 15169, org: 'Google LLC' });
    expect(geo.lookup('9.9.9.9')).toBeNull();
    expect(geo.lookup('2001:4860::1')).toBeNull();
    expect(calls).toEqual({ countryDb: 1, asnIpv4Csv: 1, asnIpv6Csv: 1 });
    const stats = geo.stats();
    expect(stats.errors).toEqual(['country: country db missing', 'asnIpv6: ipv6 csv missing']);
    expect(Object.keys(stats.loadMs)).toEqual(['asnIpv4']);
  });
});
