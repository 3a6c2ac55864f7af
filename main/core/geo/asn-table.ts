/**
 * ASN range tables from @ip-location-db/asn CSV files ("start,end,asn,org", addresses as decimal
 * numbers in the *-num.csv files, org quoted when it contains a comma). Rows are kept in parallel
 * arrays and searched by binary search; org names are deduplicated.
 */

export interface AsnInfo {
  asn: number;
  org: string;
}

export interface AsnTable<K extends number | bigint> {
  starts: ArrayLike<K>;
  ends: ArrayLike<K>;
  asns: Uint32Array;
  orgIds: Uint32Array;
  orgs: string[];
  /** Lines that did not parse (counted, not fatal). */
  malformed: number;
}

type KeyParser<K> = (bytes: Uint8Array, start: number, end: number) => K | null;

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const utf8 = new TextDecoder();

/**
 * The org column: the rest of the line, unquoted ("" inside quotes is a literal quote). Decoded
 * from bytes so each name is its own small string, not a slice pinning the whole file in memory.
 */
function decodeOrg(bytes: Uint8Array, start: number, end: number): string {
  if (end - start >= 2 && bytes[start] === QUOTE && bytes[end - 1] === QUOTE) {
    return utf8.decode(bytes.subarray(start + 1, end - 1)).replaceAll('""', '"');
  }
  return utf8.decode(bytes.subarray(start, end));
}

/** Unsigned decimal digits in bytes[start, end) as a number, or null (also when over `max`). */
function decimal(bytes: Uint8Array, start: number, end: number, max: number): number | null {
  if (end <= start || end - start > 15) return null;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (bytes[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return value <= max ? value : null;
}

const parseIpv4Key: KeyParser<number> = (bytes, start, end) => decimal(bytes, start, end, 0xffffffff);

const parseIpv6Key: KeyParser<bigint> = (bytes, start, end) => {
  if (end <= start || end - start > 39) return null;
  for (let i = start; i < end; i++) if ((bytes[i] as number) < 0x30 || (bytes[i] as number) > 0x39) return null;
  return BigInt(utf8.decode(bytes.subarray(start, end)));
};

function parseAsnCsv<K extends number | bigint>(bytes: Uint8Array, parseKey: KeyParser<K>) {
  const starts: K[] = [];
  const ends: K[] = [];
  const asns: number[] = [];
  const orgIds: number[] = [];
  const orgs: string[] = [];
  const orgIndex = new Map<string, number>();
  let malformed = 0;
  let sorted = true;
  for (let pos = 0; pos < bytes.length; ) {
    let eol = bytes.indexOf(NEWLINE, pos);
    if (eol === -1) eol = bytes.length;
    const lineStart = pos;
    const lineEnd = bytes[eol - 1] === 0x0d ? eol - 1 : eol;
    pos = eol + 1;
    if (lineEnd === lineStart) continue;
    const c1 = bytes.indexOf(COMMA, lineStart);
    const c2 = c1 === -1 ? -1 : bytes.indexOf(COMMA, c1 + 1);
    const c3 = c2 === -1 ? -1 : bytes.indexOf(COMMA, c2 + 1);
    if (c1 === -1 || c2 === -1 || c3 === -1 || c3 >= lineEnd) {
      malformed++;
      continue;
    }
    const start = parseKey(bytes, lineStart, c1);
    const end = parseKey(bytes, c1 + 1, c2);
    const asn = decimal(bytes, c2 + 1, c3, 0xffffffff);
    if (start === null || end === null || end < start || asn === null) {
      malformed++;
      continue;
    }
    const org = decodeOrg(bytes, c3 + 1, lineEnd);
    let orgId = orgIndex.get(org);
    if (orgId === undefined) {
      orgId = orgs.push(org) - 1;
      orgIndex.set(org, orgId);
    }
    const previous = starts[starts.length - 1];
    if (previous !== undefined && start < previous) sorted = false;
    starts.push(start);
    ends.push(end);
    asns.push(asn);
    orgIds.push(orgId);
  }
  // The files are sorted; sort anyway if one is not, since binary search depends on it.
  const order = starts.map((_, i) => i);
  if (!sorted) order.sort((a, b) => ((starts[a] as K) < (starts[b] as K) ? -1 : 1));
  return {
    starts: order.map((i) => starts[i] as K),
    ends: order.map((i) => ends[i] as K),
    asns: Uint32Array.from(order, (i) => asns[i] as number),
    orgIds: Uint32Array.from(order, (i) => orgIds[i] as number),
    orgs,
    malformed,
  };
}

/** Parses asn-ipv4-num.csv (decimal IPv4 numbers). */
export function parseAsnIpv4Csv(bytes: Uint8Array): AsnTable<number> {
  const table = parseAsnCsv(bytes, parseIpv4Key);
  return { ...table, starts: Uint32Array.from(table.starts), ends: Uint32Array.from(table.ends) };
}

/** Parses asn-ipv6-num.csv (decimal 128-bit numbers). */
export function parseAsnIpv6Csv(bytes: Uint8Array): AsnTable<bigint> {
  return parseAsnCsv(bytes, parseIpv6Key);
}

/** The range containing `address`, or null. */
export function findAsn<K extends number | bigint>(table: AsnTable<K>, address: K): AsnInfo | null {
  // Last row whose start <= address.
  let low = 0;
  let high = table.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((table.starts[mid] as K) <= address) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found === -1 || address > (table.ends[found] as K)) return null;
  return { asn: table.asns[found] as number, org: table.orgs[table.orgIds[found] as number] as string };
}
