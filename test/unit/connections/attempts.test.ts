import { describe, expect, it } from 'vitest';
import { ConnectionAttempt } from '../../../contract/attempts.js';
import { AttemptQueue, attemptOwner, polledAttempt, tracedAttempt } from '../../../main/core/connections/attempts.js';
import { parseConnectionEventLine, type ConnectionEvent } from '../../../main/core/connections/trace-events.js';
import type { SampledProcess } from '../../../main/core/connections/types.js';

const codex: SampledProcess = {
  pid: 7,
  ppid: 1,
  name: 'node',
  command: 'node /opt/codex/bin/codex.js --api-key ***',
  rawCommand: 'node /opt/codex/bin/codex.js --api-key sk-secret',
  ownToolId: 'codex-cli',
  startedAt: null,
};

const failed: ConnectionEvent & { type: 'failed' } = {
  type: 'failed',
  pid: 7,
  comm: 'node',
  family: 'ipv6',
  localAddress: '::1',
  localPort: 40000,
  remoteAddress: '::1',
  remotePort: 9,
  timestamp: 100.5,
  elapsed: 0.000123,
};

describe('attempts', () => {
  it('takes the owner from the process cache (redacted command, its tool), else the kernel comm', () => {
    expect(attemptOwner(7, 'node', codex, () => 'never')).toEqual({ pid: 7, process: 'node', command: codex.command, toolId: 'codex-cli' });
    expect(attemptOwner(8, 'codex', null, (p) => (p.name === 'codex' ? 'codex-cli' : null))).toEqual({ pid: 8, process: 'codex', command: null, toolId: 'codex-cli' });
  });

  it('makes contract attempts from a capture event and a polled socket', () => {
    const owner = attemptOwner(7, 'node', codex, () => null);
    const traced = tracedAttempt(failed, owner, Date.UTC(2026, 10, 30), null);
    expect(ConnectionAttempt.parse(traced)).toEqual(traced);
    expect(traced).toMatchObject({ at: '2026-11-30T00:00:00.000Z', protocol: 'tcp6', outcome: 'failed', durationMs: 0.123, source: 'trace' });
    const row = { protocol: 'tcp' as const, localAddress: '10.0.0.2', localPort: 50000, remoteAddress: '203.0.113.9', remotePort: 443, state: 'ESTABLISHED', inode: 5, uid: 0 };
    const polled = polledAttempt({ row, process: codex, state: 'connected' }, owner, 0, null);
    expect(ConnectionAttempt.parse(polled)).toEqual(polled);
    expect(polled).toMatchObject({ outcome: 'seen', durationMs: null, source: 'poll', remotePort: 443 });
    expect(polledAttempt({ row, process: codex, state: 'established' }, owner, 0, null).outcome).toBe('established');
  });

  it('queues at most its limit, dropping and counting the oldest', () => {
    const queue = new AttemptQueue(3);
    const owner = attemptOwner(7, 'node', codex, () => null);
    for (let port = 1; port <= 5; port++) queue.push(tracedAttempt({ ...failed, remotePort: port }, owner, 0, null));
    expect(queue.dropped).toBe(2);
    expect(queue.drain().map((a) => a.remotePort)).toEqual([3, 4, 5]);
    expect(queue.drain()).toEqual([]);
  });
});

describe('parseConnectionEventLine', () => {
  it('reads back what the capture helper writes', () => {
    expect(parseConnectionEventLine(JSON.stringify(failed))).toEqual(failed);
  });

  it('rejects anything else without throwing', () => {
    for (const line of ['', 'not json', '{"type":"hello","version":1}', 'null', '[1]', JSON.stringify({ ...failed, pid: -1 }), JSON.stringify({ ...failed, family: 'ax25' }), JSON.stringify({ ...failed, elapsed: 'soon' })]) {
      expect(parseConnectionEventLine(line)).toBeNull();
    }
  });
});
