import { describe, expect, it } from 'vitest';
import { parseSs } from '../../../main/core/connections/ss.js';
import { fixture } from './fixtures.js';

describe('parseSs on captured `ss -tunapH`', () => {
  const { rows, malformed, names } = parseSs(fixture('linux-ss-tunapH.txt'));

  it('parses every line', () => {
    expect(malformed).toBe(0);
    expect(rows).toHaveLength(20);
  });

  it('takes pid and process name from users:(...)', () => {
    expect(rows.find((r) => r.localPort === 33490)).toEqual({
      pid: 13447,
      protocol: 'tcp',
      localAddress: '127.0.0.1',
      localPort: 33490,
      remoteAddress: '127.0.0.1',
      remotePort: 42493,
      state: 'ESTABLISHED',
    });
    expect(names).toEqual(new Map([[13447, 'node']]));
    expect(rows.filter((r) => r.state === 'TIME_WAIT').every((r) => r.pid === null && r.ownerUnknown === 'not-reported')).toBe(true);
  });

  it('handles IPv6, IPv4-mapped, the dual-stack "*" and UDP', () => {
    const pick = (port: number) => rows.filter((r) => r.localPort === port).map((r) => [r.protocol, r.localAddress, r.remoteAddress, r.remotePort, r.state]);
    expect(pick(41347)).toEqual([
      ['tcp6', '::1', null, null, 'LISTEN'],
      ['tcp6', '::1', '::1', 44722, 'ESTABLISHED'],
    ]);
    expect(pick(40897)).toEqual([
      ['tcp6', '::', null, null, 'LISTEN'],
      ['tcp6', '127.0.0.1', '127.0.0.1', 52232, 'ESTABLISHED'],
    ]);
    expect(pick(39631)).toEqual([['udp', '127.0.0.1', '127.0.0.1', 36358, 'ESTABLISHED']]);
    expect(pick(45999)).toEqual([['udp6', '::1', null, null, 'UNCONN']]);
  });

  it('one row per owner of a shared socket; names with spaces; interface-bound addresses', () => {
    const text = [
      'tcp LISTEN 0 511 0.0.0.0:8080 0.0.0.0:* users:(("Cursor Helper",pid=10,fd=3),("node",pid=11,fd=3))',
      'udp UNCONN 0 0 127.0.0.53%lo:53 0.0.0.0:* users:(("systemd-resolve",pid=5,fd=13))',
      'udp UNCONN 0 0 [fe80::1%eth0]:546 [::]:* users:(("dhclient",pid=6,fd=5))',
    ].join('\n');
    const parsed = parseSs(text);
    expect(parsed.rows.map((r) => [r.pid, parsed.names.get(r.pid ?? 0), r.localAddress, r.localPort])).toEqual([
      [10, 'Cursor Helper', '0.0.0.0', 8080],
      [11, 'node', '0.0.0.0', 8080],
      [5, 'systemd-resolve', '127.0.0.53', 53],
      [6, 'dhclient', 'fe80::1%eth0', 546],
    ]);
  });

  it('skips and counts truncated and garbage lines', () => {
    const text = fixture('linux-ss-tunapH.txt');
    const cutInUsers = text.slice(0, text.indexOf('users', text.indexOf('\n')) + 9);
    const cutInAddress = 'tcp ESTAB 0 0 127.0.0.1:5';
    const parsed = parseSs(`${cutInUsers}\nNetid State\nfoo bar baz\ntcp ESTAB 0 0 999.1.1.1:1 1.1.1.1:2\n${cutInAddress}`);
    // A line cut inside users:(...) still has its socket; only the owner is lost.
    expect(parsed.rows.map((r) => [r.localPort, r.pid])).toEqual([
      [39631, 13447],
      [36358, null],
    ]);
    expect(parsed.malformed).toBe(4);
  });
});
