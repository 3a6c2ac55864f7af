import { describe, expect, it } from 'vitest';
import { fromSiConnections, fromSiProcesses, siStartedAt, type SiConnection } from '../../../main/core/connections/systeminformation.js';

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
    const { rows, malformed, names } = fromSiConnections([
      row({}),
      row({ localAddress: '0.0.0.0', localPort: '2024', peerAddress: '0.0.0.0', peerPort: '*', state: 'LISTEN', pid: null, process: '' }),
      row({ protocol: 'tcp6', localAddress: '::ffff:127.0.0.1', localPort: '40897', peerAddress: '::ffff:127.0.0.1', peerPort: '52232' }),
      row({ protocol: 'tcp4', state: 'FIN_WAIT_1', pid: Number.NaN }),
      row({ protocol: 'udp', peerAddress: '0.0.0.0', peerPort: '*', state: '' }),
      row({ localAddress: 'bogus' }),
      row({ protocol: 'icmp' }),
    ]);
    expect(rows.map((r) => [r.pid, r.ownerUnknown, r.protocol, r.localAddress, r.localPort, r.remoteAddress, r.remotePort, r.state])).toEqual([
      [13447, undefined, 'tcp', '127.0.0.1', 33490, '127.0.0.1', 42493, 'ESTABLISHED'],
      [null, 'not-reported', 'tcp', '0.0.0.0', 2024, null, null, 'LISTEN'],
      [13447, undefined, 'tcp6', '127.0.0.1', 40897, '127.0.0.1', 52232, 'ESTABLISHED'],
      [null, 'not-reported', 'tcp', '127.0.0.1', 33490, '127.0.0.1', 42493, 'FIN_WAIT1'],
      [13447, undefined, 'udp', '127.0.0.1', 33490, null, null, 'UNCONN'],
    ]);
    expect(names).toEqual(new Map([[13447, 'node']]));
    expect(malformed).toBe(2);
  });
});

describe('fromSiProcesses', () => {
  it('joins command and params, reads the start time and drops invalid pids', () => {
    expect(
      fromSiProcesses([
        { pid: 1, parentPid: 0, name: 'init', command: 'init', params: '', user: 'root', started: '2024-05-01 09:30:00' },
        { pid: 42, parentPid: 1, name: 'node', command: 'node', params: '/usr/lib/cli.js --x', user: '', started: '' },
        { pid: 0, parentPid: 0, name: 'bad', command: '', params: '', user: '', started: '' },
      ]),
    ).toEqual([
      { pid: 1, ppid: null, name: 'init', rawCommand: 'init', startedAt: new Date(2024, 4, 1, 9, 30).toISOString(), user: 'root' },
      { pid: 42, ppid: 1, name: 'node', rawCommand: 'node /usr/lib/cli.js --x', startedAt: null, user: null },
    ]);
  });
});

describe('siStartedAt', () => {
  it('reads local "YYYY-MM-DD HH:MM:SS" and rejects anything else', () => {
    expect(siStartedAt('2024-12-31 23:59:58')).toBe(new Date(2024, 11, 31, 23, 59, 58).toISOString());
    expect(siStartedAt('/Date(1700000000000)/')).toBeNull();
    expect(siStartedAt('2024-13-45 99:99:99')).toBeNull();
    expect(siStartedAt('2024-02-30 10:00:00')).toBeNull();
  });
});
