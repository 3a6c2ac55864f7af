/** The self-audit of Telltale's own sockets in a snapshot (main/core/self-audit.ts). */
import { describe, expect, it } from 'vitest';
import { auditOwnSockets } from '../../../main/core/self-audit.js';
import { conn, proc, snap } from '../monitor/snapshots.js';

const HOST = 4000;
const processes = [
  proc({ pid: 1, ppid: null, name: 'systemd' }),
  proc({ pid: HOST, ppid: 1, name: 'node' }),
  proc({ pid: 4001, ppid: HOST, name: 'telltale-helper' }),
  proc({ pid: 4002, ppid: 4001, name: 'grandchild' }),
  proc({ pid: 5000, ppid: 1, name: 'claude' }),
];
const listening = conn({ pid: HOST, localAddress: '127.0.0.1', localPort: 7345, remoteAddress: null, remotePort: null, state: 'LISTEN', remote: null });
const page = conn({ pid: HOST, localAddress: '127.0.0.1', localPort: 7345, remoteAddress: '127.0.0.1', remotePort: 50000, state: 'ESTABLISHED', remote: null });
const v6 = conn({ pid: 4002, protocol: 'tcp6', localAddress: '::1', localPort: 9000, remoteAddress: '::1', remotePort: 9001, state: 'ESTABLISHED', remote: null });
const tools = conn({ pid: 5000, localAddress: '192.168.1.5', localPort: 40000, remoteAddress: '160.79.104.10', remotePort: 443, state: 'ESTABLISHED' });

describe('self-audit of own sockets', () => {
  it('lists the sockets of the host process and its descendants only; all loopback', () => {
    const audit = auditOwnSockets(snap({ processes, connections: [listening, page, v6, tools] }), HOST);
    expect(audit.verdict).toBe('loopback-only');
    expect(audit.pids).toEqual([HOST, 4001, 4002]);
    expect(audit.sockets.map((s) => [s.pid, s.process, s.localPort, s.loopback])).toEqual([
      [HOST, 'node', 7345, true],
      [HOST, 'node', 7345, true],
      [4002, 'grandchild', 9000, true],
    ]);
  });

  it('warns about an own socket off loopback: connected out, or listening on every address', () => {
    const out = conn({ pid: 4001, localAddress: '192.168.1.5', localPort: 40001, remoteAddress: '93.184.215.14', remotePort: 443, state: 'ESTABLISHED' });
    const open = conn({ pid: HOST, localAddress: '0.0.0.0', localPort: 7346, remoteAddress: null, remotePort: null, state: 'LISTEN', remote: null });
    const audit = auditOwnSockets(snap({ processes, connections: [listening, out, open] }), HOST);
    expect(audit.verdict).toBe('not-loopback');
    expect(audit.sockets.filter((s) => !s.loopback).map((s) => s.localPort)).toEqual([40001, 7346]);
  });

  it('says no-sample before the first sample, or when its own process is not in the sample', () => {
    expect(auditOwnSockets(null, HOST)).toEqual({ takenAt: null, pids: [], sockets: [], verdict: 'no-sample' });
    expect(auditOwnSockets(snap({ processes: processes.filter((p) => p.pid < HOST), connections: [tools] }), HOST).verdict).toBe('no-sample');
  });
});
