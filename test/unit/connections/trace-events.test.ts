import { describe, expect, it } from 'vitest';
import {
  createConnectionTracker,
  parseTraceLine,
  type ConnectionEvent,
  type TraceStateChange,
} from '../../../main/core/connections/trace-events.js';
import { fixture } from './fixtures.js';

const lines = fixture('trace-pipe-linux.txt').split('\n');
const [part1, part2] = (() => {
  const split = lines.findIndex((l) => l.startsWith('# Part 2'));
  return [lines.slice(0, split), lines.slice(split)];
})();

function run(input: string[]): ConnectionEvent[] {
  const tracker = createConnectionTracker();
  return input.flatMap((line) => {
    const change = parseTraceLine(line);
    return change ? tracker.push(change) : [];
  });
}

describe('parseTraceLine on captured trace_pipe lines', () => {
  it('parses every event line and nothing else', () => {
    const events = lines.filter((l) => l.includes('inet_sock_set_state:'));
    expect(events.length).toBe(41);
    expect(events.every((l) => parseTraceLine(l) !== null)).toBe(true);
    expect(parseTraceLine('# Part 1 (default options)')).toBeNull();
    expect(parseTraceLine('')).toBeNull();
    expect(parseTraceLine('  node-1  [000] ..... 1.0: sched_switch: prev_comm=node')).toBeNull();
  });

  it('reads an IPv4 SYN_SENT line (sport still 0)', () => {
    expect(parseTraceLine(part1.find((l) => l.includes('dport=34939') && l.includes('newstate=TCP_SYN_SENT'))!)).toEqual({
      comm: 'node',
      pid: 6399,
      tid: 6399,
      family: 'ipv4',
      sport: 0,
      dport: 34939,
      saddr: '127.0.0.1',
      daddr: '127.0.0.1',
      oldstate: 'CLOSE',
      newstate: 'SYN_SENT',
      timestamp: 6460.303952,
    } satisfies TraceStateChange);
  });

  it('takes IPv6 addresses from saddrv6/daddrv6', () => {
    const change = parseTraceLine(part1.find((l) => l.includes('family=AF_INET6') && l.includes('newstate=TCP_SYN_SENT'))!);
    expect(change).toMatchObject({ family: 'ipv6', saddr: '::1', daddr: '::1', dport: 34093 });
  });

  it('with record-tgid, pid is the process and tid the connecting thread; comm may contain "/"', () => {
    expect(parseTraceLine(part2.find((l) => l.includes('newstate=TCP_SYN_SENT'))!)).toMatchObject({ comm: 'python3', pid: 6460, tid: 6501 });
    expect(parseTraceLine(part2.find((l) => l.includes('ksoftirqd'))!)).toMatchObject({ comm: 'ksoftirqd/0', pid: 14, tid: 14 });
  });

  it('keeps a comm with spaces and dashes, and an unknown tgid falls back to the tid', () => {
    const line =
      '  Web Content-x-77  (-------) [003] d.s2. 99.5: inet_sock_set_state: family=AF_INET protocol=IPPROTO_TCP sport=1 dport=443 saddr=10.0.0.2 daddr=1.2.3.4 saddrv6=::ffff:10.0.0.2 daddrv6=::ffff:1.2.3.4 oldstate=TCP_SYN_SENT newstate=TCP_ESTABLISHED';
    expect(parseTraceLine(line)).toMatchObject({ comm: 'Web Content-x', pid: 77, tid: 77, timestamp: 99.5 });
  });

  it('gives "" for a comm the trace did not know yet (<...>)', () => {
    const line =
      '           <...>-7114    [001] ..... 6579.656268: inet_sock_set_state: family=AF_INET protocol=IPPROTO_TCP sport=0 dport=46499 saddr=127.0.0.1 daddr=127.0.0.1 saddrv6=::ffff:127.0.0.1 daddrv6=::ffff:127.0.0.1 oldstate=TCP_CLOSE newstate=TCP_SYN_SENT';
    expect(parseTraceLine(line)).toMatchObject({ comm: '', pid: 7114 });
  });

  it('rejects non-TCP protocols and unknown states', () => {
    const base =
      'a-1 [000] ..... 1.0: inet_sock_set_state: family=AF_INET protocol=IPPROTO_TCP sport=1 dport=2 saddr=1.1.1.1 daddr=2.2.2.2 saddrv6=:: daddrv6=:: oldstate=TCP_CLOSE newstate=TCP_SYN_SENT';
    expect(parseTraceLine(base)).not.toBeNull();
    expect(parseTraceLine(base.replace('IPPROTO_TCP', 'IPPROTO_SCTP'))).toBeNull();
    expect(parseTraceLine(base.replace('newstate=TCP_SYN_SENT', 'newstate=0x0d'))).toBeNull();
  });
});

describe('createConnectionTracker', () => {
  it('turns the default-format capture into attempts, established and failed (IPv4 and IPv6)', () => {
    const summary = run(part1).map((e) => `${e.type} ${e.pid} ${e.comm} ${e.remoteAddress}:${e.remotePort} ${e.localPort}`);
    expect(summary).toEqual([
      'attempt 6399 node 127.0.0.1:34939 0',
      'established 6399 node 127.0.0.1:34939 44548',
      'attempt 6399 node ::1:34093 0',
      'established 6399 node ::1:34093 41880',
      'attempt 6399 node 127.0.0.1:1 0',
      'failed 6399 node 127.0.0.1:1 54140',
      'attempt 6399 node ::1:1 0',
      'failed 6399 node ::1:1 54936',
    ]);
  });

  it('keeps the pid and comm of the SYN_SENT line when ksoftirqd reports the outcome', () => {
    const events = run(part2);
    expect(events.map((e) => `${e.type} ${e.pid} ${e.comm}`)).toEqual([
      'attempt 6460 python3',
      'established 6460 python3',
      'attempt 6460 python3',
      'failed 6460 python3',
    ]);
  });

  it('ignores server-side sockets and changes of sockets it never saw start', () => {
    const inbound = part1.filter((l) => l.includes('TCP_LISTEN') || l.includes('TCP_SYN_RECV'));
    expect(run(inbound)).toEqual([]);
  });

  it('matches parallel attempts to the same destination first in, first out', () => {
    const mk = (pid: number, sport: number, oldstate: string, newstate: string, ts: number) =>
      `p${pid}-${pid} [000] ..... ${ts}: inet_sock_set_state: family=AF_INET protocol=IPPROTO_TCP sport=${sport} dport=80 saddr=10.0.0.2 daddr=1.2.3.4 saddrv6=:: daddrv6=:: oldstate=TCP_${oldstate} newstate=TCP_${newstate}`;
    const idle = (sport: number, oldstate: string, newstate: string, ts: number) =>
      mk(0, sport, oldstate, newstate, ts).replace('p0-0', '<idle>-0');
    const events = run([
      mk(10, 0, 'CLOSE', 'SYN_SENT', 1),
      mk(11, 0, 'CLOSE', 'SYN_SENT', 2),
      idle(5000, 'SYN_SENT', 'ESTABLISHED', 3),
      idle(5001, 'SYN_SENT', 'CLOSE', 4),
      idle(5000, 'FIN_WAIT2', 'CLOSE', 5),
    ]);
    expect(events.map((e) => `${e.type} ${e.pid} ${e.localPort} ${e.elapsed ?? '-'}`)).toEqual([
      'attempt 10 0 -',
      'attempt 11 0 -',
      'established 10 5000 2',
      'failed 11 5001 2',
    ]);
  });

  it('is bounded', () => {
    const tracker = createConnectionTracker(3);
    for (let i = 0; i < 10; i++) {
      tracker.push({
        comm: 'x',
        pid: i,
        tid: i,
        family: 'ipv4',
        sport: 0,
        dport: 80,
        saddr: '10.0.0.2',
        daddr: `1.1.1.${i}`,
        oldstate: 'CLOSE',
        newstate: 'SYN_SENT',
        timestamp: i,
      });
    }
    expect(tracker.open).toBe(3);
  });
});
