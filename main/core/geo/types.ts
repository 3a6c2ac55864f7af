/** What offline data knows about an IP address. */
export interface GeoInfo {
  country: string | null;
  asn: number | null;
  org: string | null;
}

/** Offline IP -> country/ASN/org. Returns null for private, loopback and unknown addresses. */
export interface GeoLookup {
  lookup(ip: string): GeoInfo | null;
}
