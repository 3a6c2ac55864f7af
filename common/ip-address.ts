/**
 * IP address text <-> numbers. Hand-written rather than node:net so core stays free of Node APIs
 * and so we get the numeric values that range tables and classification need.
 */

/** Parses dotted-quad IPv4 ("8.8.8.8") to an unsigned 32-bit number; null when it is not one. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Splits off an IPv6 zone: "fe80::1%eth0" -> ["fe80::1", "%eth0"]. */
function splitZone(text: string): [string, string] {
  const percent = text.indexOf('%');
  return percent === -1 ? [text, ''] : [text.slice(0, percent), text.slice(percent)];
}

function parseGroups(part: string): number[] | null {
  if (part === '') return [];
  const groups: number[] = [];
  for (const group of part.split(':')) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
    groups.push(parseInt(group, 16));
  }
  return groups;
}

/** Parses IPv6 text (compressed, embedded IPv4 tail, zone id allowed) to a 128-bit BigInt. */
export function parseIpv6(text: string): bigint | null {
  let body = splitZone(text)[0].toLowerCase();
  if (!body.includes(':')) return null;
  const v4Tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  const last = body.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIpv4(last);
    if (v4 === null) return null;
    v4Tail.push(v4 >>> 16, v4 & 0xffff);
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const known = head.length + tail.length + v4Tail.length;
  const fill = halves.length === 2 ? 8 - known : 0;
  if (halves.length === 2 ? fill < 1 : known !== 8) return null;
  const groups = [...head, ...new Array<number>(fill).fill(0), ...tail, ...v4Tail];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

/** The IPv4 address inside an IPv4-mapped IPv6 value (::ffff:a.b.c.d), else null. */
export function mappedIpv4(value: bigint): number | null {
  return value >> 32n === 0xffffn ? Number(value & 0xffffffffn) : null;
}

/** RFC 5952 text: lower case, longest run (>= 2) of zero groups compressed, mapped IPv4 dotted. */
export function formatIpv6(value: bigint): string {
  const v4 = mappedIpv4(value);
  if (v4 !== null) return `::ffff:${formatIpv4(v4)}`;
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * One spelling per address: IPv4 as dotted quad, IPv4-mapped IPv6 as its IPv4 (so a dual-stack
 * socket and an IPv4 one compare equal and geo data applies), other IPv6 per RFC 5952 keeping
 * any zone. Null when the text is not an IP address.
 */
export function canonicalIp(text: string): string | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return formatIpv4(v4);
  const v6 = parseIpv6(text);
  if (v6 === null) return null;
  const mapped = mappedIpv4(v6);
  return mapped !== null ? formatIpv4(mapped) : formatIpv6(v6) + splitZone(text)[1];
}
