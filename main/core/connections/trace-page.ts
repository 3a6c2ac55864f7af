/**
 * Decodes one page of a tracefs ring buffer (`per_cpu/cpuN/trace_pipe_raw`) into
 * sock:inet_sock_set_state records. A page is a header (its start time, how many bytes hold
 * records, flags for events lost before it) then records, each behind a 4-byte header:
 * type_len (5 bits) and time_delta (27 bits) since the previous record, where type_len 1..28 is a
 * record of type_len*4 bytes, 0 a record whose length follows in the next 4 bytes, 29 padding,
 * 30 a time extension, 31 an absolute time stamp (kernel/trace/ring_buffer.c). Offsets inside a
 * record come from the parsed format file (trace-format.ts).
 */
import { formatIpv4, formatIpv6, mappedIpv4 } from '../../../common/ip-address.js';
import type { PageHeaderLayout, SockStateLayout } from './trace-format.js';
import { TCP_STATES, type TcpState, type TraceStateChange } from './trace-events.js';

/**
 * A TCP state change as the kernel recorded it, before anyone looked up who made it: the text
 * trace's fields but the owner (tid is the task that was running: the connecting thread for
 * CLOSE -> SYN_SENT, anyone, 0 for softirq, later), IPv6 addresses per RFC 5952 with an
 * IPv4-mapped one as its IPv4 (as the socket tables are read), and the socket.
 */
export interface SocketStateChange extends Omit<TraceStateChange, 'comm' | 'pid'> {
  /** The kernel's socket address (hex): one socket from connect to close. */
  socket: string;
}

export interface DecodedPage {
  changes: SocketStateChange[];
  /** The kernel dropped events before this page (its buffer was full). */
  missedEvents: boolean;
}

export interface RawLayout {
  header: PageHeaderLayout;
  event: SockStateLayout;
  littleEndian: boolean;
}

const AF_INET = 2;
const AF_INET6 = 10;
const IPPROTO_TCP = 6;

const TYPE_PADDING = 29;
const TYPE_TIME_EXTEND = 30;
const TYPE_TIME_STAMP = 31;
const TIME_DELTA_BITS = 27;
const TIME_DELTA_MASK = (1 << TIME_DELTA_BITS) - 1;
// The page header's commit: the data length in the low bits, flags above (RB_MISSED_EVENTS is bit 31).
const COMMIT_MASK = (1 << 27) - 1;
const MISSED_EVENTS = 2 ** 31;
// An absolute time stamp holds the low 59 bits; the rest comes from the time before it.
const ABSOLUTE_SPAN = 2 ** 59;

function readUnsigned(view: DataView, at: number, size: number, le: boolean): number {
  if (size === 2) return view.getUint16(at, le);
  if (size === 4) return view.getUint32(at, le);
  return Number(view.getBigUint64(at, le));
}

// Addresses repeat (loopback, the same few hosts): their text is made once, not for every record.
const ipv4Texts = new Map<number, string>();
const IPV4_TEXTS = 1024;

function ipv4Text(value: number): string {
  let text = ipv4Texts.get(value);
  if (text === undefined) {
    if (ipv4Texts.size >= IPV4_TEXTS) ipv4Texts.clear();
    text = formatIpv4(value);
    ipv4Texts.set(value, text);
  }
  return text;
}

function ipv6At(view: DataView, at: number): string {
  let value = 0n;
  for (let i = 0; i < 16; i += 4) value = (value << 32n) | BigInt(view.getUint32(at + i, false));
  const mapped = mappedIpv4(value);
  return mapped === null ? formatIpv6(value) : ipv4Text(mapped);
}

/** One record's payload (at `at`, `length` bytes), or null when it is another event or not TCP. */
function decodeRecord(view: DataView, at: number, length: number, layout: RawLayout, ns: number): SocketStateChange | null {
  const { event: e, littleEndian: le } = layout;
  if (length < e.size || view.getUint16(at + e.commonType.offset, le) !== e.id) return null;
  if (view.getUint16(at + e.protocol.offset, le) !== IPPROTO_TCP) return null;
  const familyNumber = view.getUint16(at + e.family.offset, le);
  if (familyNumber !== AF_INET && familyNumber !== AF_INET6) return null;
  const oldstate: TcpState | undefined = TCP_STATES[view.getInt32(at + e.oldstate.offset, le) - 1];
  const newstate: TcpState | undefined = TCP_STATES[view.getInt32(at + e.newstate.offset, le) - 1];
  if (!oldstate || !newstate) return null;
  const skaddr = e.skaddr.size === 8
    ? view.getBigUint64(at + e.skaddr.offset, le).toString(16).padStart(16, '0')
    : view.getUint32(at + e.skaddr.offset, le).toString(16).padStart(8, '0');
  const v4 = familyNumber === AF_INET;
  return {
    socket: skaddr,
    tid: view.getInt32(at + e.commonPid.offset, le),
    family: v4 ? 'ipv4' : 'ipv6',
    sport: view.getUint16(at + e.sport.offset, le),
    dport: view.getUint16(at + e.dport.offset, le),
    // Addresses are stored in network byte order.
    saddr: v4 ? ipv4Text(view.getUint32(at + e.saddr.offset, false)) : ipv6At(view, at + e.saddrV6.offset),
    daddr: v4 ? ipv4Text(view.getUint32(at + e.daddr.offset, false)) : ipv6At(view, at + e.daddrV6.offset),
    oldstate,
    newstate,
    timestamp: ns / 1e9,
  };
}

/**
 * The TCP state changes on one page, in order. A page that is cut short or malformed yields what
 * was decoded before the damage (never a throw, never a read past the page).
 */
export function decodeTracePage(page: Uint8Array, layout: RawLayout): DecodedPage {
  const { header, littleEndian: le } = layout;
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const changes: SocketStateChange[] = [];
  if (page.byteLength < header.data) return { changes, missedEvents: false };
  let ns = readUnsigned(view, header.timestamp.offset, 8, le);
  const commit = readUnsigned(view, header.commit.offset, header.commit.size, le);
  const missedEvents = commit >= MISSED_EVENTS && Math.floor(commit / MISSED_EVENTS) % 2 === 1;
  const end = Math.min(page.byteLength, header.data + (commit % 2 ** 32 & COMMIT_MASK));
  for (let at = header.data; at + 4 <= end; ) {
    const word = view.getUint32(at, le);
    const typeLen = le ? word & 31 : word >>> 27;
    const delta = le ? word >>> 5 : word & TIME_DELTA_MASK;
    const extra = at + 8 <= end ? view.getUint32(at + 4, le) : null;
    if (typeLen === TYPE_PADDING) {
      // time_delta 0: nothing more on this page; else a discarded record of `extra` bytes.
      if (delta === 0 || extra === null) break;
      ns += delta;
      at += 4 + extra;
    } else if (typeLen === TYPE_TIME_EXTEND) {
      if (extra === null) break;
      ns += extra * 2 ** TIME_DELTA_BITS + delta;
      at += 8;
    } else if (typeLen === TYPE_TIME_STAMP) {
      if (extra === null) break;
      ns = Math.floor(ns / ABSOLUTE_SPAN) * ABSOLUTE_SPAN + extra * 2 ** TIME_DELTA_BITS + delta;
      at += 8;
    } else {
      ns += delta;
      // type_len 0: the length (which counts itself) is in the next word, the record after it.
      const start = typeLen === 0 ? at + 8 : at + 4;
      const length = typeLen === 0 ? (extra ?? 0) - 4 : typeLen * 4;
      if (length < 0 || start + length > end) break;
      const change = decodeRecord(view, start, length, layout, ns);
      if (change) changes.push(change);
      at = start + ((length + 3) & ~3);
    }
  }
  return { changes, missedEvents };
}
