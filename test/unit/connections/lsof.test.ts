import { describe, expect, it } from 'vitest';
import { parseLsof } from '../../../main/core/connections/lsof.js';
import { fixture } from './fixtures.js';

const summary = ({ rows, names }: ReturnType<typeof parseLsof>) =>
  rows.map((r) => [r.pid, names.get(r.pid ?? 0), r.protocol, r.localAddress, r.localPort, r.remoteAddress, r.remotePort, r.state]);

describe('parseLsof', () => {
  it('parses captured Linux `lsof -FpcnPT` (file sets without f lines)', () => {
    const parsed = parseLsof(fixture('linux-lsof-FpcnPT.txt'));
    expect(parsed.malformed).toBe(0);
    expect(parsed.rows.every((r) => r.pid === 13447)).toBe(true);
    expect(parsed.names).toEqual(new Map([[13447, 'node']]));
    expect(summary(parsed).map((r) => r.slice(2))).toContainEqual(['tcp', '127.0.0.1', 33490, '127.0.0.1', 42493, 'ESTABLISHED']);
    expect(summary(parsed).map((r) => r.slice(2))).toContainEqual(['tcp6', '::1', 41347, null, null, 'LISTEN']);
    expect(summary(parsed).map((r) => r.slice(2))).toContainEqual(['udp', '127.0.0.1', 36358, null, null, 'UNCONN']);
  });

  it('parses macOS output (hand-written fixture)', () => {
    const parsed = parseLsof(fixture('macos-lsof-FpcnPT.txt'));
    expect(summary(parsed)).toEqual([
      [412, 'identitys', 'udp', '0.0.0.0', null, null, null, 'UNCONN'],
      [688, 'rapportd', 'tcp', '0.0.0.0', 49152, null, null, 'LISTEN'],
      [1337, 'node', 'tcp', '192.168.1.23', 53011, '160.79.104.10', 443, 'ESTABLISHED'],
      [1337, 'node', 'tcp6', '2a01:4f8:c2c:123f::1', 53012, '2606:4700::6810:85e5', 443, 'ESTABLISHED'],
      [1337, 'node', 'tcp', '127.0.0.1', 53013, '127.0.0.1', 7890, 'CLOSE_WAIT'],
      [2048, 'Cursor He', 'tcp', '192.168.1.23', 53020, '140.82.112.26', 443, 'FIN_WAIT2'],
      [2048, 'Cursor He', 'udp', '192.168.1.23', 61000, '8.8.8.8', 53, 'ESTABLISHED'],
    ]);
    // "pgarbage" is not a pid: its file set has no process.
    expect(parsed.malformed).toBe(2);
  });

  it('survives a record cut mid-way', () => {
    const parsed = parseLsof(fixture('macos-lsof-FpcnPT-truncated.txt'));
    expect(summary(parsed)).toEqual([[9000, 'sshd', 'tcp6', '::', 22, null, null, 'LISTEN']]);
    expect(parsed.malformed).toBe(1);
    expect(parseLsof('')).toEqual({ rows: [], malformed: 0, names: new Map() });
  });
});
