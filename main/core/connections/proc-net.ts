import { formatIpv4, formatIpv6, mappedIpv4 } from '../../../common/ip-address.js';
import { procStateName } from './state.js';
import type { Parsed, Protocol, SocketRow } from './types.js';

const HEX_WORD = /^[0-9A-Fa-f]{8}$/;
const HEX_PORT = /^[0-9A-Fa-f]{4}$/;

/** A 32-bit word as the kernel prints it: host byte order, i.e. little-endian on x86/arm. */
function wordFromHex(hex: string): number | null {
  if (!HEX_WORD.test(hex)) return null;
  const value = parseInt(hex, 16);
  // Byte swap; ">>> 0" keeps the result an unsigned 32-bit number.
  return (((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24)) >>> 0;
}

/**
 * An address from /proc/net ("0100007F" = 127.0.0.1; IPv6 as four such words). IPv4-mapped IPv6
 * comes out as plain IPv4 (see canonicalIp). Null when the text is not 8 or 32 hex digits.
 */
export function decodeProcAddress(hex: string): string | null {
  if (hex.length === 8) {
    const word = wordFromHex(hex);
    return word === null ? null : formatIpv4(word);
  }
  if (hex.length !== 32) return null;
  let value = 0n;
  for (let at = 0; at < 32; at += 8) {
    const word = wordFromHex(hex.slice(at, at + 8));
    if (word === null) return null;
    value = (value << 32n) | BigInt(word);
  }
  const mapped = mappedIpv4(value);
  return mapped === null ? formatIpv6(value) : formatIpv4(mapped);
}

// Busy hosts repeat a few addresses thousands of times (loopback, the local address, a CDN);
// decoding each once per table keeps a 10k-socket table cheap. Bounded so odd tables cannot grow it.
const ADDRESS_CACHE_MAX = 4096;

function cachedDecoder(): (hex: string) => string | null {
  const cache = new Map<string, string | null>();
  return (hex) => {
    let address = cache.get(hex);
    if (address === undefined) {
      address = decodeProcAddress(hex);
      if (cache.size < ADDRESS_CACHE_MAX) cache.set(hex, address);
    }
    return address;
  };
}

/** "ADDR:PORT" -> decoded endpoint, or null. */
function decodeEndpoint(text: string, decode: (hex: string) => string | null): { address: string; port: number } | null {
  const colon = text.indexOf(':');
  const portHex = text.slice(colon + 1);
  if (colon === -1 || !HEX_PORT.test(portHex)) return null;
  const address = decode(text.slice(0, colon));
  return address === null ? null : { address, port: parseInt(portHex, 16) };
}

const FIELDS = 10; // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
const NEWLINE = 10;
const SPACE = 32;

/**
 * Finds the first FIELDS whitespace-separated fields of the line starting at `at` as [start, end)
 * pairs in `bounds`, without allocating; returns how many it found before the line's end.
 */
function fieldBounds(bytes: Uint8Array, at: number, bounds: Int32Array): number {
  let found = 0;
  let i = at;
  const length = bytes.length;
  while (found < FIELDS) {
    while (i < length && (bytes[i] as number) <= SPACE && bytes[i] !== NEWLINE) i++;
    if (i >= length || bytes[i] === NEWLINE) break;
    bounds[2 * found] = i;
    while (i < length && (bytes[i] as number) > SPACE) i++;
    bounds[2 * found + 1] = i;
    found++;
  }
  return found;
}

const latin1 = new TextDecoder('latin1');

/** Bytes -> text; the tables are ASCII. */
function ascii(bytes: Uint8Array, start: number, end: number): string {
  return latin1.decode(bytes.subarray(start, end));
}

/** A decimal field as a number without allocating, or -1 when it is not all digits. */
function decimalAt(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (bytes[i] as number) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** FNV-1a over bytes[start, end) and `salt`: a key without building a string. */
function hashOf(bytes: Uint8Array, start: number, end: number, salt: number): number {
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193) >>> 0;
  return hash;
}

/** Whether bytes[start, end) spell `text`. */
function spells(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

const UNSPECIFIED = new Set(['0.0.0.0', '::']);
const SLOT = /^\d+:$/;
const STATE = /^[0-9A-Fa-f]{2}$/;

/** One line (its text starts at byte `lineStart`) -> a row, or null when its fields do not parse. */
function parseRow(
  line: string,
  lineStart: number,
  bounds: Int32Array,
  socket: { protocol: Protocol; uid: number; inode: number },
  decode: (hex: string) => string | null,
): SocketRow | null {
  const field = (i: number) => line.slice((bounds[2 * i] as number) - lineStart, (bounds[2 * i + 1] as number) - lineStart);
  const local = decodeEndpoint(field(1), decode);
  const remote = decodeEndpoint(field(2), decode);
  const stateCode = field(3);
  if (!SLOT.test(field(0)) || !local || !remote || !STATE.test(stateCode) || socket.uid < 0 || socket.inode < 0) return null;
  const hasPeer = !(UNSPECIFIED.has(remote.address) && remote.port === 0);
  return {
    protocol: socket.protocol,
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: hasPeer ? remote.address : null,
    remotePort: hasPeer ? remote.port : null,
    state: procStateName(stateCode, socket.protocol.startsWith('udp')),
    inode: socket.inode,
    uid: socket.uid,
  };
}

interface CachedRow {
  /** The line's "local remote state" text the row was decoded from. */
  endpoints: string;
  row: SocketRow;
  generation: number;
}

/**
 * Rows of one socket table kept from the previous parse, so that re-parsing a 10k-line table
 * decodes only the lines that changed. Queue sizes and timers change all the time and are not part
 * of a row; a socket's inode, uid, addresses and state are, and are compared in place.
 */
export class ProcNetCache {
  generation = 0;
  /** Sockets a process holds, by inode (unique among live sockets). */
  readonly byInode = new Map<number, CachedRow>();
  /**
   * Inode 0 (TIME_WAIT and other sockets no process holds; a busy host has thousands), by a hash
   * of "local remote state" and uid. Two that collide both miss and are decoded again: still right.
   */
  readonly unheld = new Map<number, CachedRow>();
}

/** Drops the rows of sockets that were not in the table this time. */
function sweep<K>(rows: Map<K, CachedRow>, generation: number): void {
  for (const [key, entry] of rows) if (entry.generation !== generation) rows.delete(key);
}

/**
 * Parses /proc/net/{tcp,tcp6,udp,udp6}. Columns: sl local rem st tx:rx tr:when retrnsmt uid
 * timeout inode ... The header and lines that do not parse (truncated, garbage) are skipped and
 * counted. Pass the same `cache` for the same table on every sample to reuse unchanged rows.
 *
 * The table may be given as the bytes read: a 10k-socket table is 1.5 MB, and decoding all of it
 * into a string costs more than parsing it; only lines that changed are decoded.
 */
export function parseProcNet(table: string | Uint8Array, protocol: Protocol, cache = new ProcNetCache()): Parsed<SocketRow> {
  const bytes = typeof table === 'string' ? new TextEncoder().encode(table) : table;
  const rows: SocketRow[] = [];
  let malformed = 0;
  const generation = ++cache.generation;
  const decode = cachedDecoder();
  const bounds = new Int32Array(2 * FIELDS);
  for (let next = 0; next < bytes.length; ) {
    const lineStart = next;
    const found = fieldBounds(bytes, lineStart, bounds);
    const afterFields = found === 0 ? lineStart : (bounds[2 * found - 1] as number);
    const newline = bytes.indexOf(NEWLINE, afterFields);
    next = newline === -1 ? bytes.length : newline + 1;
    if (found === 0 || spells(bytes, bounds[0] as number, bounds[1] as number, 'sl')) continue;
    if (found < FIELDS) {
      malformed++;
      continue;
    }
    // local, remote and state are adjacent fields 1-3.
    const endpointsStart = bounds[2] as number;
    const endpointsEnd = bounds[7] as number;
    const uid = decimalAt(bytes, bounds[14] as number, bounds[15] as number);
    const inode = decimalAt(bytes, bounds[18] as number, bounds[19] as number);
    const unheldKey = inode === 0 ? hashOf(bytes, endpointsStart, endpointsEnd, uid) : 0;
    const cached = inode > 0 ? cache.byInode.get(inode) : inode === 0 ? cache.unheld.get(unheldKey) : undefined;
    if (cached && cached.row.uid === uid && spells(bytes, endpointsStart, endpointsEnd, cached.endpoints)) {
      cached.generation = generation;
      rows.push(cached.row);
      continue;
    }
    // A new or changed socket: decoded as text, once per line.
    const line = ascii(bytes, lineStart, afterFields);
    const row = parseRow(line, lineStart, bounds, { protocol, uid, inode }, decode);
    if (!row) {
      malformed++;
      continue;
    }
    rows.push(row);
    const entry = { endpoints: line.slice(endpointsStart - lineStart, endpointsEnd - lineStart), row, generation };
    if (inode > 0) cache.byInode.set(inode, entry);
    else cache.unheld.set(unheldKey, entry);
  }
  sweep(cache.byInode, generation);
  sweep(cache.unheld, generation);
  return { rows, malformed };
}
