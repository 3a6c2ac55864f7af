/**
 * Version 2 snapshots for the monitor's tests: fixed builders (a complete default, overridden per
 * test) and a seeded random generator whose snapshots share most of their identities, so a pair
 * of them differs the way two samples of one machine do: a few things come, go or change.
 */
import type { Connection, Process, Signal, Snapshot } from '../../../contract/snapshot.js';
import { connection, inference, process, snapshot, tool as buildTool } from '../../helpers/snapshot-builders.js';
import { signalId, type SignalKey } from '../../../contract/signal-key.js';
import { connectionKey } from '../../../common/snapshot-delta.js';

/** The shared builders, with the monitor's defaults: a full snapshot (checks, exposure, probes, timings). */
export const conn = connection;
export const tool = buildTool;
export const inf = inference;

export function proc(overrides: Partial<Process> = {}): Process {
  return process({ startedAt: null, ...overrides });
}

export function sig(key: SignalKey, overrides: Partial<Omit<Signal, 'kind' | 'key'>> = {}): Signal {
  return { ...key, id: signalId(key), value: 'Asia/Shanghai', source: 'env:TZ', status: 'ok', ...overrides } as Signal;
}

export const TZ: SignalKey = { kind: 'timezone', key: { source: 'resolved' } };
export const PROXY: SignalKey = { kind: 'proxy', key: { source: 'env', variable: 'HTTPS_PROXY' } };

export function snap(overrides: Partial<Snapshot> = {}): Snapshot {
  return snapshot({
    signals: [sig(TZ)],
    processes: [proc()],
    checks: [],
    exposure: { level: 'high', summary: 'Tools here can tell you are in China.' },
    probes: [],
    timings: { total: 12 },
    ...overrides,
  });
}

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its seed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  const some = <T>(items: readonly T[], p: number): T[] => items.filter(() => chance(p));
  return { next, pick, chance, some };
}

const SIGNAL_KEYS: SignalKey[] = [
  TZ,
  PROXY,
  { kind: 'locale', key: { variable: 'LANG' } },
  { kind: 'identity', key: { field: 'git-email' } },
  { kind: 'registry', key: { ecosystem: 'npm', setting: 'registry' } },
  { kind: 'model-endpoint', key: { variable: 'ANTHROPIC_BASE_URL' } },
  { kind: 'system', key: { part: 'connections' } },
];

/** Sockets by identity; a sample gives each a state. Two share a key (SO_REUSEPORT listeners). */
const SOCKETS: Partial<Connection>[] = [
  { pid: 1, localPort: 40001 },
  { pid: 1, localPort: 40002, remoteAddress: '2001:db8::1', protocol: 'tcp6', localAddress: '::1' },
  { pid: 2, localPort: 40003, remote: null, toolId: null },
  { pid: 3, localPort: 40004 },
  { pid: null, ownerUnknown: 'no-process', localPort: 40005, toolId: null },
  { pid: 2, localPort: 8080, remoteAddress: null, remotePort: null, state: 'LISTEN', remote: null },
  { pid: 2, localPort: 8080, remoteAddress: null, remotePort: null, state: 'LISTEN', remote: null },
  { pid: 4, protocol: 'udp', localPort: 5353, remoteAddress: null, remotePort: null, state: 'UNCONN', remote: null },
  { pid: 5, protocol: 'udp', localPort: 40006, remotePort: 53, remoteAddress: '1.1.1.1' },
];
const STATES = ['ESTABLISHED', 'SYN_SENT', 'CLOSE_WAIT', 'FIN_WAIT2', 'TIME_WAIT'];

/** A random snapshot over fixed pools of identities. */
export function randomSnapshot(r: ReturnType<typeof random>, takenAt: string): Snapshot {
  const connections = SOCKETS.filter(() => r.chance(0.6)).map((socket) =>
    conn({
      ...socket,
      ...(socket.state === undefined && { state: r.pick(STATES) }),
      ...(socket.remote === undefined && { remote: r.pick([null, { country: r.pick(['US', 'CN']), asn: 1, org: 'Org', host: null }]) }),
    }),
  );
  // Shuffle, so order differs between samples as it may between two reads of the socket table.
  connections.sort(() => r.next() - 0.5);
  return snap({
    takenAt,
    signals: SIGNAL_KEYS.filter(() => r.chance(0.7)).map((key) =>
      sig(key, {
        value: r.pick(['a', 'b', null, ['x', 'y'], 3, true]),
        status: r.pick(['ok', 'ok', 'unavailable', 'error'] as const),
        meta: r.chance(0.5) ? { host: r.pick(['h1', 'h2']) } : undefined,
      }),
    ),
    processes: [1, 2, 3, 4, 5, 6].filter(() => r.chance(0.6)).map((pid) => proc({ pid, name: r.pick(['node', 'codex', 'python3']) })),
    connections,
    tools: ['claude-code', 'codex'].map((id) => {
      const running = r.chance(0.5);
      return tool({ id, name: id, running, pids: running ? r.some([1, 2, 3], 0.5) : [] });
    }),
    inferences: [
      ...(r.chance(0.7) ? [inf({ value: r.pick(['CN', 'US']), confidence: r.pick(['low', 'high'] as const), evidence: r.some(['timezone.iana', 'registry.npm'], 0.5) })] : []),
      ...r.some(['Moonshot AI', 'DeepSeek', 'Zhipu'], 0.5).map((lab) => inf({ id: 'affiliation.ai-lab', value: lab, statement: `You work with ${lab}.` })),
    ],
    checks: r.chance(0.5) ? [] : [{ id: 'cn-proxy-timezone-2026', name: '2026', flagged: r.chance(0.5), statement: 's', evidence: [], visibleTo: [] }],
    exposure: r.pick([
      { level: 'high', summary: 'high' },
      { level: 'low', summary: 'low' },
      { level: 'low', summary: 'low, said differently' },
    ] as const),
    probes: [],
    timings: { total: r.pick([10, 12]) },
  });
}

/** The snapshot with its keyed lists in one order (by key), so equal content compares equal. */
export function canonical(snapshot: Snapshot): Snapshot {
  const by = <T>(key: (item: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    ...snapshot,
    signals: [...snapshot.signals].sort(by((s) => s.id)),
    processes: [...snapshot.processes].sort((a, b) => a.pid - b.pid),
    connections: [...snapshot.connections].sort(by((c) => `${connectionKey(c)} ${JSON.stringify(c)}`)),
  };
}
