import { createGeoLookup } from '../main/adapters/geo-data.js';
import { formatIpv4 } from '../common/ip-address.js';
import type { BenchModule, BenchRow } from './types.js';

const LOOKUPS = 200_000;

/** Deterministic pseudo-random public-looking addresses (xorshift), so runs are comparable. */
function addresses(count: number): { v4: string[]; v6: string[] } {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const v4 = Array.from({ length: count }, () => formatIpv4(next()));
  const v6 = Array.from({ length: count }, () => `2${(next() & 0xfff).toString(16).padStart(3, '0')}:${(next() & 0xffff).toString(16)}::${(next() & 0xffff).toString(16)}`);
  return { v4, v6 };
}

function throughput(lookup: (ip: string) => unknown, ips: readonly string[]): number {
  const started = performance.now();
  for (const ip of ips) lookup(ip);
  return ips.length / ((performance.now() - started) / 1000);
}

export const geoBench: BenchModule = {
  area: 'geo',
  async run(): Promise<BenchRow[]> {
    const heapBefore = process.memoryUsage().heapUsed;
    const geo = createGeoLookup();
    const coldStarted = performance.now();
    geo.lookup('8.8.8.8');
    geo.lookup('2001:4860:4860::8888');
    const coldMs = performance.now() - coldStarted;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    const { loadMs } = geo.stats();
    const { v4, v6 } = addresses(LOOKUPS);
    const note = `${LOOKUPS} lookups`;
    return [
      { area: 'geo', name: 'cold load, all parts (first v4 + v6 lookup)', value: coldMs, unit: 'ms', note: `heap +${heapMb.toFixed(0)} MB` },
      { area: 'geo', name: 'load country mmdb', value: loadMs.country ?? NaN, unit: 'ms' },
      { area: 'geo', name: 'load ASN IPv4 table', value: loadMs.asnIpv4 ?? NaN, unit: 'ms' },
      { area: 'geo', name: 'load ASN IPv6 table', value: loadMs.asnIpv6 ?? NaN, unit: 'ms' },
      { area: 'geo', name: 'IPv4 lookups (country+ASN)', value: throughput((ip) => geo.lookup(ip), v4), unit: 'lookups/s', note },
      { area: 'geo', name: 'IPv6 lookups (country+ASN)', value: throughput((ip) => geo.lookup(ip), v6), unit: 'lookups/s', note },
    ];
  },
};
