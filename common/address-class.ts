import { mappedIpv4, parseIpv4, parseIpv6 } from './ip-address.js';

/** What kind of address an IP is; only "public" addresses are worth a geo lookup. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'invalid';

type Range<K> = readonly [base: K, prefix: number, kind: AddressClass];

// IANA special-purpose registries. First match wins, so a range nested in another comes first.
const IPV4_RANGES: readonly Range<number>[] = [
  [0x00000000, 8, 'unspecified'], // 0.0.0.0/8 "this network"
  [0x0a000000, 8, 'private'],
  [0x64400000, 10, 'cgnat'], // 100.64.0.0/10 shared address space
  [0x7f000000, 8, 'loopback'],
  [0xa9fe0000, 16, 'link-local'],
  [0xac100000, 12, 'private'],
  [0xc0000000, 24, 'reserved'], // IETF protocol assignments
  [0xc0000200, 24, 'reserved'], // TEST-NET-1
  [0xc0a80000, 16, 'private'],
  [0xc6120000, 15, 'reserved'], // benchmarking
  [0xc6336400, 24, 'reserved'], // TEST-NET-2
  [0xcb007100, 24, 'reserved'], // TEST-NET-3
  [0xe0000000, 4, 'multicast'],
  [0xf0000000, 4, 'reserved'], // incl. 255.255.255.255
];

const IPV6_RANGES: readonly Range<bigint>[] = [
  [0xfc00n << 112n, 7, 'private'], // unique local
  [0xfe80n << 112n, 10, 'link-local'],
  [0xfec0n << 112n, 10, 'private'], // deprecated site-local
  [0xff00n << 112n, 8, 'multicast'],
  [0x20010db8n << 96n, 32, 'reserved'], // documentation
  [0x2000n << 112n, 3, 'public'], // global unicast
];

function classifyIpv4(value: number): AddressClass {
  for (const [base, prefix, kind] of IPV4_RANGES) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if (((value & mask) >>> 0) === base) return kind;
  }
  return 'public';
}

function classifyIpv6(value: bigint): AddressClass {
  if (value === 0n) return 'unspecified';
  if (value === 1n) return 'loopback';
  const mapped = mappedIpv4(value);
  if (mapped !== null) return classifyIpv4(mapped);
  for (const [base, prefix, kind] of IPV6_RANGES) {
    if (value >> BigInt(128 - prefix) === base >> BigInt(128 - prefix)) return kind;
  }
  return 'reserved';
}

/** Classifies an IP address (IPv4, IPv6, IPv4-mapped IPv6, with or without a zone). */
export function classifyAddress(ip: string): AddressClass {
  const v4 = parseIpv4(ip);
  if (v4 !== null) return classifyIpv4(v4);
  const v6 = parseIpv6(ip);
  return v6 === null ? 'invalid' : classifyIpv6(v6);
}
