/**
 * The binary trace decoder on pages recorded from this machine's kernel (Linux 6.18, x86-64) by
 * test/fixtures/trace/record-raw-pages.ts: a child made 3 IPv4 and 3 IPv6 loopback connections
 * and one refused connection of each family; made.json says its pid and the ports it used.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageHeaderLayout, parseTraceFormat, sockStateLayout, TraceFormatError } from '../../../main/core/connections/trace-format.js';
import type { ConnectionEnd, ConnectionEvent } from '../../../main/core/connections/trace-events.js';
import { decodeTracePage, type RawLayout, type SocketStateChange } from '../../../main/core/connections/trace-page.js';
import { createTraceBatcher } from '../../../main/core/connections/trace-batch.js';
import { createSocketTracker } from '../../../main/core/connections/trace-sockets.js';

const dir = new URL('../../fixtures/trace/linux-6.18.44-x64/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir));
const made = JSON.parse(read('made.json').toString()) as {
  pageSize: number;
  pages: number;
  childPid: number;
  v4Port: number;
  v6Port: number;
  refusedV4Port: number;
  refusedV6Port: number;
};
const layout: RawLayout = {
  header: pageHeaderLayout(parseTraceFormat(read('header_page').toString())),
  event: sockStateLayout(parseTraceFormat(read('format').toString())),
  littleEndian: true,
};
const bytes = read('pages.bin');
const pages = Array.from({ length: made.pages }, (_, i) => bytes.subarray(i * made.pageSize, (i + 1) * made.pageSize));
const changes = pages.flatMap((page) => decodeTracePage(page, layout).changes);

function track(input: SocketStateChange[], ends = true): (ConnectionEvent | ConnectionEnd)[] {
  const tracker = createSocketTracker({ ownerOf: (tid) => ({ pid: tid, comm: `task-${tid}` }), ends });
  return input.flatMap((change) => tracker.push(change) ?? []);
}

describe('format files', () => {
  it('reads the offsets and sizes the kernel states', () => {
    expect(layout.event.id).toBeGreaterThan(0);
    expect(layout.event.skaddr).toMatchObject({ offset: 8, size: 8 });
    expect(layout.event.daddrV6).toMatchObject({ offset: 56, size: 16 });
    expect(layout.event.size).toBe(72);
    expect(layout.header).toMatchObject({ timestamp: { offset: 0, size: 8 }, commit: { offset: 8, size: 8 }, data: 16 });
  });

  it('says which field is missing or of the wrong size', () => {
    const format = read('format').toString();
    expect(() => sockStateLayout(parseTraceFormat(format.replace('field:const void * skaddr;', 'field:const void * sk;')))).toThrow(/no field "skaddr"/);
    expect(() => sockStateLayout(parseTraceFormat(format.replace(/saddr_v6\[16\];\toffset:40;\tsize:16/, 'saddr_v6[8];\toffset:40;\tsize:8')))).toThrow(
      TraceFormatError,
    );
    expect(() => sockStateLayout(parseTraceFormat(format.replace(/^ID: \d+$/m, '')))).toThrow(/no ID line/);
    expect(() => parseTraceFormat('not a format file')).toThrow(TraceFormatError);
  });
});

describe('decodeTracePage on recorded pages', () => {
  it('decodes every record with the child as the connecting task, both families', () => {
    const starts = changes.filter((c) => c.oldstate === 'CLOSE' && c.newstate === 'SYN_SENT');
    expect(starts).toHaveLength(8);
    expect(starts.every((c) => c.tid === made.childPid && c.sport === 0)).toBe(true);
    expect(starts.filter((c) => c.family === 'ipv4').map((c) => c.dport)).toEqual([made.v4Port, made.v4Port, made.v4Port, made.refusedV4Port]);
    expect(starts.filter((c) => c.family === 'ipv6').map((c) => c.dport)).toEqual([made.v6Port, made.v6Port, made.v6Port, made.refusedV6Port]);
    expect(new Set(starts.map((c) => (c.family === 'ipv4' ? `${c.saddr} ${c.daddr}` : `${c.saddr} ${c.daddr}`)))).toEqual(new Set(['127.0.0.1 127.0.0.1', '::1 ::1']));
    expect(changes.every((c) => /^[0-9a-f]{16}$/.test(c.socket))).toBe(true);
  });

  it('keeps times in order and in seconds of the trace clock', () => {
    const times = changes.map((c) => c.timestamp);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    // The child's connections took well under a second from first to last.
    const child = changes.filter((c) => c.tid === made.childPid);
    expect(child.at(-1)!.timestamp - child[0]!.timestamp).toBeLessThan(1);
  });

  it('returns what it decoded before a cut or damage, and nothing from a page too short for its header', () => {
    const page = pages.find((p) => decodeTracePage(p, layout).changes.length > 4)!;
    const whole = decodeTracePage(page, layout).changes;
    const cut = decodeTracePage(page.subarray(0, 16 + 8 + 72 * 2 + 4), layout).changes;
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.length).toBeLessThan(whole.length);
    expect(cut).toEqual(whole.slice(0, cut.length));
    expect(decodeTracePage(page.subarray(0, 8), layout)).toEqual({ changes: [], missedEvents: false });
    const garbage = Buffer.alloc(made.pageSize, 0xff);
    expect(() => decodeTracePage(garbage, layout)).not.toThrow();
  });

  it('reports the kernel flag for events lost before a page', () => {
    const page = Buffer.from(pages[0]!);
    expect(decodeTracePage(page, layout).missedEvents).toBe(false);
    page.writeUInt32LE((page.readUInt32LE(8) | 0x80000000) >>> 0, 8);
    const flagged = decodeTracePage(page, layout);
    expect(flagged.missedEvents).toBe(true);
    expect(flagged.changes).toEqual(decodeTracePage(pages[0]!, layout).changes);
  });
});

describe('createSocketTracker on recorded pages', () => {
  const events = track(changes);
  const child = events.filter((e) => e.pid === made.childPid);

  it('follows each of the child sockets from attempt to outcome to close', () => {
    const of = (type: string, port: number) => child.filter((e) => e.type === type && e.remotePort === port);
    for (const port of [made.v4Port, made.v6Port]) {
      expect(of('attempt', port)).toHaveLength(3);
      expect(of('established', port)).toHaveLength(3);
      expect(of('closed', port)).toHaveLength(3);
    }
    // Each close ends the connection last established on that socket (the kernel reuses socket addresses), same local port.
    const lastEstablished = new Map<string, number>();
    for (const e of child) {
      if (e.type === 'established') lastEstablished.set(e.socket!, e.localPort);
      if (e.type === 'closed') expect(lastEstablished.get(e.socket)).toBe(e.localPort);
    }
    for (const port of [made.refusedV4Port, made.refusedV6Port]) {
      expect(of('attempt', port)).toHaveLength(1);
      expect(of('failed', port)).toHaveLength(1);
      expect(of('closed', port)).toHaveLength(0);
    }
    expect(child.filter((e) => e.family === 'ipv6').every((e) => e.remoteAddress === '::1')).toBe(true);
  });

  it('attributes outcomes and closes reported by other tasks (softirq, the server) to the connecting task', () => {
    // Some closes were recorded while another task ran; the tracker still files them under the child.
    const foreign = changes.filter((c) => c.newstate === 'CLOSE' && c.oldstate !== 'SYN_SENT' && c.tid !== made.childPid);
    expect(foreign.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'closed').every((e) => e.pid === made.childPid)).toBe(true);
  });

  it('measures time to outcome and to close', () => {
    for (const e of child) {
      if (e.type === 'attempt') continue;
      expect(e.elapsed).toBeGreaterThanOrEqual(0);
      expect(e.elapsed).toBeLessThan(1);
    }
    // Held 5 ms by the child: the close comes after that.
    expect(child.filter((e) => e.type === 'closed').every((e) => e.elapsed! >= 0.004)).toBe(true);
  });

  it('drops other sockets (server side, listeners) and follows no close when ends are off', () => {
    expect(events.every((e) => e.pid === made.childPid)).toBe(true);
    expect(track(changes, false).some((e) => e.type === 'closed')).toBe(false);
  });

  it('forgets the oldest sockets beyond its limit', () => {
    const tracker = createSocketTracker({ ownerOf: (tid) => ({ pid: tid, comm: '' }), ends: true, limit: 2 });
    const starts = changes.filter((c) => c.oldstate === 'CLOSE' && c.newstate === 'SYN_SENT').slice(0, 3);
    const distinct = starts.map((c, i) => ({ ...c, socket: `s${i}` }));
    for (const c of distinct) tracker.push(c);
    expect(tracker.connecting).toBe(2);
    expect(tracker.push({ ...distinct[0]!, oldstate: 'SYN_SENT', newstate: 'ESTABLISHED' })).toBeNull();
    expect(tracker.push({ ...distinct[2]!, oldstate: 'SYN_SENT', newstate: 'ESTABLISHED' })).toMatchObject({ type: 'established', socket: 's2' });
    expect(tracker.open).toBe(1);
  });
});

describe('createTraceBatcher on recorded pages', () => {
  const owner = (tid: number) => ({ pid: tid, comm: `task-${tid}` });
  /** The events of `reads` reads, each given its pages and a cutoff. */
  function batched(reads: { pages: Uint8Array[]; cutoff: number }[], ends = true) {
    const tracker = createSocketTracker({ ownerOf: owner, ends });
    const batcher = createTraceBatcher(layout, tracker);
    const events: (ConnectionEvent | ConnectionEnd)[] = [];
    for (const read of reads) {
      for (const page of read.pages) batcher.addPage(page);
      batcher.finish(read.cutoff, (event) => events.push(event));
    }
    return { events, tracker };
  }

  it('gives the events of tracking every change in order, however the pages are split into reads', () => {
    expect(batched([{ pages, cutoff: Infinity }]).events).toEqual(track(changes));
    expect(batched([{ pages, cutoff: Infinity }], false).events).toEqual(track(changes, false));
    // One page per read, and the pages of a read in reverse (another CPU's page first): a socket's changes meet across reads.
    expect(batched(pages.map((page) => ({ pages: [page], cutoff: Infinity }))).events).toEqual(track(changes));
    expect(batched([{ pages: [...pages].reverse(), cutoff: Infinity }]).events).toEqual(track(changes));
  });

  it('keeps back what was stamped after the cutoff, attempts with their outcomes, until a later read', () => {
    const middle = changes[Math.floor(changes.length / 2)]!.timestamp;
    const { events } = batched([
      { pages, cutoff: middle },
      { pages: [], cutoff: Infinity },
    ]);
    expect(events).toEqual(track(changes));
    const early = batched([{ pages, cutoff: middle }]).events;
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(events.length);
    expect(early.every((e) => e.timestamp <= middle)).toBe(true);
  });
});
