import { describe, expect, it } from 'vitest';
import { decodeProcAddress, parseProcNet, ProcNetCache } from '../../../main/core/connections/proc-net.js';
import { fixture } from './fixtures.js';

describe('decodeProcAddress', () => {
  it.each([
    ['0100007F', '127.0.0.1'],
    ['00000000', '0.0.0.0'],
    ['0501A8C0', '192.168.1.5'],
    ['00000000000000000000000001000000', '::1'],
    ['0000000000000000FFFF00000100007F', '127.0.0.1'],
    ['B80D0120000000000000000001000000', '2001:db8::1'],
  ])('%s -> %s', (hex, address) => {
    expect(decodeProcAddress(hex)).toBe(address);
  });
  it.each(['0100007', 'ZZ00007F', '', '000000000000000000000000010000'])('rejects %j', (hex) => {
    expect(decodeProcAddress(hex)).toBeNull();
  });
});

describe('parseProcNet on captured /proc/net tables', () => {
  it('tcp: listeners without peers, established and TIME_WAIT rows', () => {
    const { rows, malformed } = parseProcNet(fixture('linux-proc-net-tcp.txt'), 'tcp');
    expect(malformed).toBe(0);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({
      protocol: 'tcp',
      localAddress: '127.0.0.1',
      localPort: 42493,
      remoteAddress: null,
      remotePort: null,
      state: 'LISTEN',
      inode: 25683,
      uid: 0,
    });
    expect(rows.find((r) => r.inode === 25686)).toMatchObject({ localPort: 33490, remoteAddress: '127.0.0.1', remotePort: 42493, state: 'ESTABLISHED' });
    expect(rows.filter((r) => r.state === 'TIME_WAIT').every((r) => r.inode === 0)).toBe(true);
  });

  it('tcp6: ::1, the dual-stack wildcard and an IPv4-mapped peer', () => {
    const { rows } = parseProcNet(fixture('linux-proc-net-tcp6.txt'), 'tcp6');
    expect(rows.map((r) => [r.localAddress, r.localPort, r.remoteAddress, r.remotePort, r.state])).toEqual([
      ['::', 40897, null, null, 'LISTEN'],
      ['::1', 41347, null, null, 'LISTEN'],
      ['127.0.0.1', 40897, '127.0.0.1', 52232, 'ESTABLISHED'],
      ['::1', 41347, '::1', 44722, 'ESTABLISHED'],
      ['::1', 44722, '::1', 41347, 'ESTABLISHED'],
    ]);
    expect(rows.every((r) => r.protocol === 'tcp6')).toBe(true);
  });

  it('udp/udp6: connected is ESTABLISHED, unconnected is UNCONN with no peer', () => {
    const udp = parseProcNet(fixture('linux-proc-net-udp.txt'), 'udp').rows;
    expect(udp.map((r) => [r.localPort, r.remoteAddress, r.remotePort, r.state])).toEqual([
      [39631, '127.0.0.1', 36358, 'ESTABLISHED'],
      [36358, null, null, 'UNCONN'],
    ]);
    const udp6 = parseProcNet(fixture('linux-proc-net-udp6.txt'), 'udp6').rows;
    expect(udp6).toEqual([
      { protocol: 'udp6', localAddress: '::1', localPort: 45999, remoteAddress: null, remotePort: null, state: 'UNCONN', inode: 25694, uid: 0 },
    ]);
  });

  it('skips and counts truncated and garbage lines', () => {
    const text = fixture('linux-proc-net-tcp.txt');
    const truncated = text.slice(0, text.indexOf('\n', text.indexOf('   2:')) - 120);
    const parsed = parseProcNet(`${truncated}\nthis is not a socket line\n  9: 0100007F:ZZZZ 00000000:0000 0A\n`, 'tcp');
    expect(parsed.rows.map((r) => r.inode)).toEqual([25683, 1157]);
    expect(parsed.malformed).toBe(3);
    expect(parseProcNet('', 'tcp')).toEqual({ rows: [], malformed: 0 });
  });

  it('reads the uid column', () => {
    const line = '   0: 0100007F:A5FD 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 25683 1 0000000010ef2ab4 100 0 0 10 0';
    expect(parseProcNet(line, 'tcp').rows[0]?.uid).toBe(1000);
  });
});

describe('parseProcNet with a cache kept across parses', () => {
  const text = fixture('linux-proc-net-tcp.txt');
  const lines = text.split('\n');
  const established = lines.findIndex((line) => / 25686 /.test(line));

  it('reuses the row of an unchanged socket even when its slot, queues and timers changed', () => {
    const cache = new ProcNetCache();
    const first = parseProcNet(text, 'tcp', cache).rows;
    const busy = lines.map((line, i) => (i === established ? line.replace(/^\s*\d+:/, '  99:').replace(/00000000:00000000/, '00000010:00000020') : line));
    const second = parseProcNet(busy.join('\n'), 'tcp', cache).rows;
    expect(second).toEqual(first);
    second.forEach((row, i) => expect(row).toBe(first[i]));
  });

  it('decodes again when a socket changes state or address, and forgets sockets that are gone', () => {
    const cache = new ProcNetCache();
    parseProcNet(text, 'tcp', cache);
    const closing = lines.map((line, i) => (i === established ? line.replace(' 01 ', ' 08 ') : line));
    const rows = parseProcNet(closing.join('\n'), 'tcp', cache).rows;
    expect(rows.find((row) => row.inode === 25686)?.state).toBe('CLOSE_WAIT');
    const without = lines.filter((_, i) => i !== established).join('\n');
    parseProcNet(without, 'tcp', cache);
    expect(cache.byInode.has(25686)).toBe(false);
    expect(parseProcNet(text, 'tcp', cache).rows).toEqual(parseProcNet(text, 'tcp').rows);
  });

  it('tells TIME_WAIT sockets (all inode 0) apart by their addresses', () => {
    const cache = new ProcNetCache();
    const first = parseProcNet(text, 'tcp', cache).rows.filter((row) => row.inode === 0);
    expect(new Set(first.map((row) => `${row.localPort}>${row.remotePort}`)).size).toBe(first.length);
    expect(parseProcNet(text, 'tcp', cache).rows.filter((row) => row.inode === 0)).toEqual(first);
    expect(cache.unheld.size).toBe(first.length);
  });
});
