/** Builders of contract objects for tests: a complete valid default, overridden per test. */
import type { Connection, Inference, Process, Signal, Snapshot, SnapshotDiff, Tool } from '../../contract/snapshot.js';

export function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    pid: 4242,
    protocol: 'tcp',
    localAddress: '10.0.0.5',
    localPort: 51234,
    remoteAddress: '160.79.104.10',
    remotePort: 443,
    state: 'ESTABLISHED',
    remote: { country: 'US', asn: 399358, org: 'Anthropic, PBC', host: 'api.anthropic.com' },
    toolId: 'claude-code',
    ...overrides,
  };
}

export function process(overrides: Partial<Process> = {}): Process {
  return {
    pid: 4242,
    ppid: 1,
    name: 'node',
    command: 'node /usr/lib/node_modules/@anthropic-ai/claude-code/cli.js',
    toolId: 'claude-code',
    startedAt: '2026-11-24T09:58:00.000Z',
    ...overrides,
  };
}

export function tool(overrides: Partial<Tool> = {}): Tool {
  return {
    id: 'claude-code',
    name: 'Claude Code',
    running: true,
    pids: [4242],
    installed: true,
    canRead: ['env', 'timezone', 'files', 'network'],
    endpoints: ['api.anthropic.com'],
    inferences: ['location.country'],
    ...overrides,
  };
}

export function signal(overrides: Partial<Signal> = {}): Signal {
  const base: Signal = { id: 'timezone.iana', kind: 'timezone', key: { source: 'resolved' }, value: 'Asia/Shanghai', source: 'env:TZ', status: 'ok' };
  return { ...base, ...overrides } as Signal;
}

export function inference(overrides: Partial<Inference> = {}): Inference {
  return {
    id: 'location.country',
    value: 'CN',
    confidence: 'high',
    statement: 'You are probably in China.',
    evidence: ['timezone.iana'],
    visibleTo: ['claude-code'],
    ...overrides,
  };
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    schemaVersion: 2,
    takenAt: '2026-11-24T10:00:00.000Z',
    host: { platform: 'linux', release: '6.1.0', arch: 'x64' },
    signals: [signal()],
    processes: [process()],
    connections: [connection()],
    tools: [tool()],
    inferences: [inference()],
    ...overrides,
  };
}

/** A diff from `from` to `to` in which nothing changed; tests fill in the parts they need. */
export function emptyDiff(from: string, to: string): SnapshotDiff {
  return {
    from,
    to,
    toolsAdded: [],
    toolsRemoved: [],
    toolsStarted: [],
    toolsStopped: [],
    endpointsAdded: [],
    countriesAdded: [],
    inferencesAdded: [],
    inferencesRemoved: [],
    inferencesChanged: [],
    signalsChanged: [],
    connectionsOpened: [],
    connectionsClosed: [],
  };
}
