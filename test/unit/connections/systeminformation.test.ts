import { describe, expect, it } from 'vitest';
import { fromSiConnections, fromSiProcesses, type SiConnection } from '../../../main/core/connections/systeminformation.js';

// Row shapes as systeminformation 5 returns them (Linux via netstat, macOS tcp4/tcp6 protocols).
const row = (over: Partial<SiConnection>): SiConnection => ({
  protocol: 'tcp',
  localAddress: '127.0.0.1',
  localPort: '33490',
  peerAddress: '127.0.0.1',
  peerPort: '42493',
  state: 'ESTABLISHED',
  pid: 13447,
  process: 'node',
  ...over,
});

describe('fromSiConnections', () => {
  it('maps rows, text ports, listeners ("*" peer port) and IPv4-mapped tcp6', () => {
    const { rows, malformed } = fromSiConnections([
      row({}),
      row({ localAddress: '0.0.0.0', localPort: '2024', peerAddress: '0.0.0.0', peerPort: '*', state: 'LISTEN', pid: null, process: '' }),
      row({ protocol: 'tcp6', localAddress: '::ffff:127.0.0.1', localPort: '40897', peerAddress: '::ffff:127.0.0.1', peerPort: '52232' }),
      row({ protocol: 'tcp4', state: 'FIN_WAIT_1', pid: Number.NaN }),
      row({ protocol: 'udp', peerAddress: '0.0.0.0', peerPort: '*', state: '' }),
      row({ localAddress: 'bogus' }),
      row({ protocol: 'icmp' }),
    ]);
    expect(rows.map((r) => [r.pid, r.process, r.protocol, r.localAddress, r.localPort, r.remoteAddress, r.remotePort, r.state])).toEqual([
      [13447, 'node', 'tcp', '127.0.0.1', 33490, '127.0.0.1', 42493, 'ESTABLISHED'],
      [null, null, 'tcp', '0.0.0.0', 2024, null, null, 'LISTEN'],
      [13447, 'node', 'tcp6', '127.0.0.1', 40897, '127.0.0.1', 52232, 'ESTABLISHED'],
      [null, 'node', 'tcp', '127.0.0.1', 33490, '127.0.0.1', 42493, 'FIN_WAIT1'],
      [13447, 'node', 'udp', '127.0.0.1', 33490, null, null, 'UNCONN'],
    ]);
    expect(malformed).toBe(2);
  });
});

describe('fromSiProcesses', () => {
  it('joins command and params and drops invalid pids', () => {
    expect(
      fromSiProcesses([
        { pid: 1, parentPid: 0, name: 'init', command: 'init', params: '', user: 'root' },
        { pid: 42, parentPid: 1, name: 'node', command: 'node', params: '/usr/lib/cli.js --x', user: '' },
        { pid: 0, parentPid: 0, name: 'bad', command: '', params: '', user: '' },
      ]),
    ).toEqual([
      { pid: 1, ppid: null, name: 'init', command: 'init', user: 'root' },
      { pid: 42, ppid: 1, name: 'node', command: 'node /usr/lib/cli.js --x', user: null },
    ]);
  });
});
