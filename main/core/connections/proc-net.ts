import { formatIpv4, formatIpv6, mappedIpv4 } from '../geo/ip-address.js';
import { procStateName } from './state.js';
import type { Parsed, Protocol, SocketRow } from './types.js';

/** A 32-bit word as the kernel prints it: host byte order, i.e. little-endian on x86/arm. */
function wordFromHex(hex: string): number | null {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return null;
  const bytes = [6, 4, 2, 0].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return bytes.reduce((acc, byte) => acc * 256 + byte, 0);
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

function decodeEndpoint(text: string): { address: string; port: number } | null {
  const [addressHex, portHex, extra] = text.split(':');
  if (addressHex === undefined || portHex === undefined || extra !== undefined || !/^[0-9A-Fa-f]{4}$/.test(portHex)) {
    return null;
  }
  const address = decodeProcAddress(addressHex);
  return address === null ? null : { address, port: parseInt(portHex, 16) };
}

const UNSPECIFIED = new Set(['0.0.0.0', '::']);

/**
 * Parses /proc/net/{tcp,tcp6,udp,udp6}. Columns: sl local rem st tx:rx tr:when retrnsmt uid
 * timeout inode ... The header and lines that do not parse (truncated, garbage) are skipped and counted.
 */
export function parseProcNet(text: string, protocol: Protocol): Parsed<SocketRow> {
  const rows: SocketRow[] = [];
  let malformed = 0;
  const udp = protocol.startsWith('udp');
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '' || fields[0] === 'sl') continue;
    const local = decodeEndpoint(fields[1] ?? '');
    const remote = decodeEndpoint(fields[2] ?? '');
    const stateCode = fields[3] ?? '';
    const inodeText = fields[9] ?? '';
    if (!/^\d+:$/.test(fields[0] ?? '') || !local || !remote || !/^[0-9A-Fa-f]{2}$/.test(stateCode) || !/^\d+$/.test(inodeText)) {
      malformed++;
      continue;
    }
    const hasPeer = !(UNSPECIFIED.has(remote.address) && remote.port === 0);
    rows.push({
      protocol,
      localAddress: local.address,
      localPort: local.port,
      remoteAddress: hasPeer ? remote.address : null,
      remotePort: hasPeer ? remote.port : null,
      state: procStateName(stateCode, udp),
      inode: Number(inodeText),
    });
  }
  return { rows, malformed };
}
