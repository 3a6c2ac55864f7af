import { Reader, type Response } from 'maxmind';
import { findAsn, parseAsnIpv4Csv, parseAsnIpv6Csv, type AsnInfo, type AsnTable } from './asn-table.js';
import { classifyAddress } from '../../../common/address-class.js';
import { formatIpv4, formatIpv6, mappedIpv4, parseIpv4, parseIpv6 } from '../../../common/ip-address.js';
import type { GeoInfo, GeoLookup } from './types.js';

/** Where the data comes from; each loader is called at most once, on first need, and may throw. */
export interface GeoDataSource {
  /** The country mmdb (IPv4 + IPv6) as bytes. */
  countryDb(): Buffer;
  /** asn-ipv4-num.csv bytes. */
  asnIpv4Csv(): Uint8Array;
  /** asn-ipv6-num.csv bytes. */
  asnIpv6Csv(): Uint8Array;
}

export type GeoPart = 'country' | 'asnIpv4' | 'asnIpv6';

export interface GeoLoadStats {
  /** Milliseconds each part took to load, for the parts loaded so far. */
  loadMs: Partial<Record<GeoPart, number>>;
  /** Parts that failed to load, with the reason; lookups go on without them. */
  errors: string[];
}

export interface OfflineGeoLookup extends GeoLookup {
  stats(): GeoLoadStats;
}

/** The mmdb record of geo-whois-asn-country is { country_code: "US" }. */
function countryCodeOf(record: unknown): string | null {
  const code = (record as { country_code?: unknown } | null | undefined)?.country_code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** Loads a part once; a failure is remembered as a reason and the part stays absent. */
function lazyPart<T>(part: GeoPart, load: () => T, stats: GeoLoadStats): () => T | null {
  let state: { value: T | null } | null = null;
  return () => {
    if (state) return state.value;
    const started = performance.now();
    try {
      state = { value: load() };
      stats.loadMs[part] = performance.now() - started;
    } catch (error) {
      state = { value: null };
      stats.errors.push(`${part}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return state.value;
  };
}

/**
 * Offline IP -> country (mmdb) + ASN/org (CSV ranges). Only public addresses are looked up; an
 * address nothing is known about is null, as are private, loopback, link-local and the like.
 */
export function createOfflineGeoLookup(source: GeoDataSource): OfflineGeoLookup {
  const stats: GeoLoadStats = { loadMs: {}, errors: [] };
  const country = lazyPart('country', () => new Reader<Response>(source.countryDb()), stats);
  const asnV4 = lazyPart('asnIpv4', () => parseAsnIpv4Csv(source.asnIpv4Csv()), stats);
  const asnV6 = lazyPart('asnIpv6', () => parseAsnIpv6Csv(source.asnIpv6Csv()), stats);

  return {
    lookup(ip: string): GeoInfo | null {
      if (classifyAddress(ip) !== 'public') return null;
      // Both sources want the bare address: no zone, and IPv4-mapped IPv6 as IPv4.
      const v6 = parseIpv4(ip) === null ? parseIpv6(ip) : null;
      const v4 = v6 === null ? parseIpv4(ip) : mappedIpv4(v6);
      const asn = v4 !== null ? lookupIn(asnV4(), v4) : lookupIn(asnV6(), v6 as bigint);
      const countryCode = countryCodeOf(country()?.get(v4 !== null ? formatIpv4(v4) : formatIpv6(v6 as bigint)));
      if (countryCode === null && asn === null) return null;
      return { country: countryCode, asn: asn?.asn ?? null, org: asn?.org ?? null };
    },
    stats: () => ({ loadMs: { ...stats.loadMs }, errors: [...stats.errors] }),
  };
}

function lookupIn<K extends number | bigint>(table: AsnTable<K> | null, key: K): AsnInfo | null {
  return table ? findAsn(table, key) : null;
}
