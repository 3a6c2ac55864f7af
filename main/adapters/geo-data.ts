import { readFileSync } from 'node:fs';
import { createOfflineGeoLookup, type GeoDataSource, type OfflineGeoLookup } from '../core/geo/offline-lookup.js';
import { packageFile } from './package-file.js';

/** The offline data shipped as npm packages: country mmdb and ASN CSV ranges. */
export const packagedGeoData: GeoDataSource = {
  countryDb: () => readFileSync(packageFile('@ip-location-db/geo-whois-asn-country-mmdb', 'geo-whois-asn-country.mmdb')),
  asnIpv4Csv: () => readFileSync(packageFile('@ip-location-db/asn', 'asn-ipv4-num.csv')),
  asnIpv6Csv: () => readFileSync(packageFile('@ip-location-db/asn', 'asn-ipv6-num.csv')),
};

/** Offline geo lookup over the packaged data; nothing is read until the first public lookup. */
export function createGeoLookup(source: GeoDataSource = packagedGeoData): OfflineGeoLookup {
  return createOfflineGeoLookup(source);
}
