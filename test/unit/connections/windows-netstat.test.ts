import { describe, expect, it } from 'vitest';
import { parseWindowsNetstat } from '../../../main/core/connections/windows-netstat.js';
import { fixture } from './fixtures.js';

describe('parseWindowsNetstat (hand-written `netstat -ano` fixture)', () => {
  it('parses TCP and UDP rows, IPv6 with zones, and PID 0 as no process', () => {
    const { rows, malformed } = parseWindowsNetstat(fixture('windows-netstat-ano.txt'));
    expect(malformed).toBe(0);
    expect(rows.map((r) => [r.pid, r.protocol, r.localAddress, r.localPort, r.remoteAddress, r.remotePort, r.state])).toEqual([
      [1052, 'tcp', '0.0.0.0', 135, null, null, 'LISTEN'],
      [4, 'tcp', '0.0.0.0', 445, null, null, 'LISTEN'],
      [6120, 'tcp', '127.0.0.1', 7890, null, null, 'LISTEN'],
      [8812, 'tcp', '127.0.0.1', 50412, '127.0.0.1', 7890, 'ESTABLISHED'],
      [8812, 'tcp', '192.168.1.23', 50433, '160.79.104.10', 443, 'ESTABLISHED'],
      [null, 'tcp', '192.168.1.23', 50440, '20.42.65.92', 443, 'TIME_WAIT'],
      [9120, 'tcp', '192.168.1.23', 50441, '140.82.112.26', 443, 'CLOSE_WAIT'],
      [1052, 'tcp6', '::', 135, null, null, 'LISTEN'],
      [8812, 'tcp6', '2a01:4f8:c2c:123f::1', 50450, '2606:4700::6810:85e5', 443, 'ESTABLISHED'],
      [8812, 'tcp6', '::1', 50460, '::1', 7890, 'SYN_SENT'],
      [2316, 'udp', '0.0.0.0', 5353, null, null, 'UNCONN'],
      [1200, 'udp6', 'fe80::1c2b:3a4d:5e6f:7081%12', 546, null, null, 'UNCONN'],
      [2316, 'udp6', '::', 5355, null, null, 'UNCONN'],
    ]);
    expect(rows.find((r) => r.pid === null)?.ownerUnknown).toBe('no-process');
    expect(rows.filter((r) => r.pid !== null).every((r) => !('ownerUnknown' in r))).toBe(true);
  });

  it('skips and counts rows missing a pid, bad addresses, bad ports and cut lines', () => {
    const { rows, malformed } = parseWindowsNetstat(fixture('windows-netstat-ano-truncated.txt'));
    expect(rows.map((r) => r.localPort)).toEqual([135]);
    expect(malformed).toBe(4);
  });
});
