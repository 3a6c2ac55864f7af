import { describe, expect, it } from 'vitest';
import { createGeoLookup } from '../../../main/adapters/geo-data.js';

// Real packaged data (@ip-location-db). Expected values were looked up in the data files
// (asn-ipv4.csv / asn-ipv6.csv and the mmdb), not assumed.
describe('createGeoLookup on the packaged offline data', () => {
  const geo = createGeoLookup();

  it.each([
    ['8.8.8.8', { country: 'US', asn: 15169, org: 'Google LLC' }],
    // APNIC registered 1.1.1.0/24 to Australia; the country data is whois-based.
    ['1.1.1.1', { country: 'AU', asn: 13335, org: 'Cloudflare, Inc.' }],
    ['114.114.114.114', { country: 'CN', asn: 21859, org: 'Zenlayer Inc' }],
    ['160.79.104.10', { country: 'US', asn: 399358, org: 'Anthropic, PBC' }],
    ['2001:4860:4860::8888', { country: 'US', asn: 15169, org: 'Google LLC' }],
    ['2606:4700:4700::1111', { country: 'US', asn: 13335, org: 'Cloudflare, Inc.' }],
    ['::ffff:8.8.8.8', { country: 'US', asn: 15169, org: 'Google LLC' }],
  ])('%s', (ip, expected) => {
    expect(geo.lookup(ip)).toEqual(expected);
  });

  it('returns null for private and special addresses', () => {
    for (const ip of ['192.168.1.1', '10.0.0.1', '127.0.0.1', '::1', 'fd00::2', 'fe80::1%eth0', '100.64.0.1']) {
      expect(geo.lookup(ip)).toBeNull();
    }
  });

  it('loaded every part without errors', () => {
    expect(geo.stats().errors).toEqual([]);
    expect(Object.keys(geo.stats().loadMs).sort()).toEqual(['asnIpv4', 'asnIpv6', 'country']);
  });
});
