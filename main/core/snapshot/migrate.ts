/**
 * Reads snapshots of earlier versions as the current one. This is the one place that decodes the
 * meaning of a version 1 signal from its id string: everything after it matches on kind and key.
 */
import type { Connection, Process, Signal, SignalKey, Snapshot, SystemProxySource } from '../../../contract/snapshot.js';
import { IdentityField, RegistryEcosystem, signalId, SystemProxySetting, SystemProxySource as Systems, TimezoneSource, ToolSettingKind } from '../../../contract/signal-key.js';
import { SCHEMA_VERSION } from '../../../contract/snapshot.js';
import type { SignalV1, SnapshotV1 } from '../../../contract/snapshot-v1.js';

const TIMEZONE_V1: Readonly<Record<string, TimezoneSource>> = {
  iana: 'resolved',
  offset: 'offset',
  env: 'env',
  intl: 'intl',
  localtime: 'localtime',
  'etc-timezone': 'etc-timezone',
  windows: 'windows',
};

const IDENTITY_V1: Readonly<Record<string, IdentityField>> = {
  'git.email': 'git-email',
  'git.name': 'git-name',
  'git.config': 'git-config',
  hostname: 'hostname',
  user: 'user',
  'dns.search': 'dns-search',
  'dns.domain': 'dns-domain',
};

const metaText = (signal: SignalV1, key: string): string | null => {
  const value = signal.meta?.[key];
  return typeof value === 'string' && value ? value : null;
};

const fileOf = (signal: SignalV1): string => metaText(signal, 'file') ?? signal.source.replace(/^file:/, '');

/** The system a v1 PAC signal came from: its meta.source, else the platform's own store. */
function pacSystem(signal: SignalV1, platform: string): SystemProxySource {
  const named = Systems.safeParse(metaText(signal, 'source'));
  if (named.success) return named.data;
  return platform === 'darwin' ? 'macos' : platform === 'win32' ? 'windows' : 'gnome';
}

function proxyKey(rest: string[], signal: SignalV1, platform: string): SignalKey | null {
  const [first, second, third] = rest;
  if (first === 'env' && rest.length >= 2) return { kind: 'proxy', key: { source: 'env', variable: rest.slice(1).join('.') } };
  if (first === 'effective' && (second === 'http' || second === 'https')) return { kind: 'proxy', key: { source: 'effective', scheme: second } };
  if (first === 'no-proxy') {
    return { kind: 'proxy', key: { source: 'no-proxy', variable: signal.source.startsWith('env:') ? signal.source.slice(4) : 'NO_PROXY' } };
  }
  if (first === 'system') {
    const system = Systems.safeParse(second);
    const setting = SystemProxySetting.safeParse(third);
    if (system.success && setting.success) return { kind: 'proxy', key: { source: 'system', system: system.data, setting: setting.data } };
  }
  if (first === 'pac' && rest.length === 1) return { kind: 'proxy', key: { source: 'pac', system: pacSystem(signal, platform) } };
  if (first === 'pac' && second === 'result') return { kind: 'proxy', key: { source: 'pac-result', system: pacSystem(signal, platform) } };
  return null;
}

function registryKey(rest: string[]): SignalKey | null {
  const ecosystem = RegistryEcosystem.safeParse(rest[0]);
  if (!ecosystem.success) return null;
  const setting = rest.slice(1).join('.');
  if (setting === '') return { kind: 'registry', key: { ecosystem: ecosystem.data, setting: 'registry' } };
  if (setting === 'extra' || setting === 'proxy' || setting === 'https-proxy') {
    return { kind: 'registry', key: { ecosystem: ecosystem.data, setting } };
  }
  return setting.startsWith('@') ? { kind: 'registry', key: { ecosystem: ecosystem.data, setting: 'scope', scope: setting } } : null;
}

function toolKey(rest: string[], signal: SignalV1): SignalKey | null {
  const [toolId, setting, ...more] = rest;
  if (!toolId || !setting) return null;
  if (setting === 'config') return { kind: 'tool-config', key: { toolId, file: fileOf(signal) } };
  if (setting === 'env' && more.length > 0) {
    const variable = more.join('.');
    return { kind: 'tool-setting', key: { toolId, setting: 'env', variable, name: metaText(signal, 'key') ?? variable, file: fileOf(signal) } };
  }
  const kind = ToolSettingKind.safeParse(setting);
  if (!kind.success || more.length > 0) return null;
  return { kind: 'tool-setting', key: { toolId, setting: kind.data, name: metaText(signal, 'key') ?? setting, file: fileOf(signal) } };
}

/** The kind and key a v1 signal id meant, or null when this version does not know it. */
export function keyOfV1Signal(signal: SignalV1, platform: string): SignalKey | null {
  // "#2" marked a repeated id in v1; the key (file and setting name) now tells repeats apart.
  const [head, ...rest] = signal.id.replace(/#\d+$/, '').split('.');
  switch (head) {
    case 'proxy':
      return proxyKey(rest, signal, platform);
    case 'timezone': {
      const source = TIMEZONE_V1[rest.join('.')];
      return source ? { kind: 'timezone', key: { source } } : null;
    }
    case 'locale':
      return rest.length > 0 ? { kind: 'locale', key: { variable: rest.join('.') } } : null;
    case 'identity': {
      const field = IDENTITY_V1[rest.join('.')];
      return field ? { kind: 'identity', key: { field } } : null;
    }
    case 'registry':
      return registryKey(rest);
    case 'model':
      return rest[0] === 'base-url' && rest.length > 1 ? { kind: 'model-endpoint', key: { variable: rest.slice(1).join('.') } } : null;
    case 'tool':
      return toolKey(rest, signal);
    case 'system':
      if (rest.join('.') === 'connections') return { kind: 'system', key: { part: 'connections' } };
      return rest[0] === 'sampler' && rest.length > 1 ? { kind: 'system', key: { part: 'sampler', sampler: rest.slice(1).join('.') } } : null;
    default:
      return null;
  }
}

function migrateSignal(signal: SignalV1, platform: string, taken: Set<string>): Signal {
  const { category: _category, id: oldId, ...rest } = signal;
  let about = keyOfV1Signal(signal, platform) ?? { kind: 'legacy', key: { id: oldId } };
  // Two v1 signals that mean the same key (possible only in hand-edited files) keep both.
  if (taken.has(signalId(about))) about = { kind: 'legacy', key: { id: oldId } };
  const id = signalId(about);
  taken.add(id);
  return { id, ...about, ...rest } as Signal;
}

/** Connections referenced their owner's name and command on every row; v2 lists each process once. */
function migrateConnections(v1: SnapshotV1): { connections: Connection[]; processes: Process[] } {
  const processes = new Map<number, Process>();
  const connections = v1.connections.map(({ process, command, ...rest }): Connection => {
    if (rest.pid === null) return { ...rest, ownerUnknown: 'not-reported' };
    if (!processes.has(rest.pid)) {
      processes.set(rest.pid, { pid: rest.pid, ppid: null, name: process ?? '', command: command ?? '', toolId: rest.toolId, startedAt: null });
    }
    return rest;
  });
  for (const tool of v1.tools) {
    for (const pid of tool.pids) {
      if (!processes.has(pid)) processes.set(pid, { pid, ppid: null, name: '', command: '', toolId: tool.id, startedAt: null });
    }
  }
  return { connections, processes: [...processes.values()].sort((a, b) => a.pid - b.pid) };
}

/** A v1 snapshot as v2: typed signal keys (evidence ids follow the new ids), processes listed once. */
export function migrateV1(v1: SnapshotV1): Snapshot {
  const taken = new Set<string>();
  const renamed = new Map<string, string>();
  const signals = v1.signals.map((signal) => {
    const migrated = migrateSignal(signal, v1.host.platform, taken);
    renamed.set(signal.id, migrated.id);
    return migrated;
  });
  const rename = (ids: string[]) => ids.map((id) => renamed.get(id) ?? id);
  return {
    ...v1,
    schemaVersion: SCHEMA_VERSION,
    signals,
    ...migrateConnections(v1),
    inferences: v1.inferences.map((i) => ({ ...i, evidence: rename(i.evidence) })),
    ...(v1.checks ? { checks: v1.checks.map((c) => ({ ...c, evidence: rename(c.evidence) })) } : {}),
  };
}
