import { describe, expect, it } from 'vitest';
import { formatConnectionEvent } from '../../../main/cli/precise.js';
import type { ConnectionEvent } from '../../../main/core/connections/trace-events.js';

const event = (overrides: Partial<ConnectionEvent> = {}): ConnectionEvent => ({
  type: 'established',
  pid: 7100,
  comm: 'node',
  family: 'ipv4',
  localAddress: '10.0.0.5',
  localPort: 51700,
  remoteAddress: '160.79.104.10',
  remotePort: 443,
  timestamp: 6733.382051,
  elapsed: 0.0421,
  ...overrides,
});

describe('formatConnectionEvent', () => {
  it('names the process, its tool, the remote end and how long the handshake took', () => {
    expect(formatConnectionEvent(event(), { command: 'node codex.js', tool: 'codex-cli' })).toBe(
      '[6733.382051] tcp established node pid 7100 (codex-cli) -> 160.79.104.10:443 after 42.1 ms',
    );
  });

  it('brackets IPv6, and an attempt has no duration; a process of no known tool has no tool', () => {
    const attempt = event({ type: 'attempt', family: 'ipv6', remoteAddress: '2001:db8::1', elapsed: undefined, comm: 'curl', pid: 9 });
    expect(formatConnectionEvent(attempt, { command: null, tool: null })).toBe('[6733.382051] tcp attempt curl pid 9 -> [2001:db8::1]:443');
  });
});
