import type { Signal, SignalKind } from '../../../contract/snapshot.js';

export type Evidence = { id: string; signal: Signal | undefined };

/** Resolves an inference's evidence ids to signals; an id with no signal is kept so it is still shown. */
export function resolveEvidence(ids: readonly string[], signals: ReadonlyMap<string, Signal>): Evidence[] {
  return ids.map((id) => ({ id, signal: signals.get(id) }));
}

export function indexSignals(signals: readonly Signal[]): Map<string, Signal> {
  return new Map(signals.map((signal) => [signal.id, signal]));
}

/** Kinds in the order the Signals view shows them. */
const KIND_LABELS: Record<SignalKind, string> = {
  proxy: 'Proxy',
  timezone: 'Time zone',
  locale: 'Locale',
  identity: 'Identity',
  registry: 'Package registries',
  'model-endpoint': 'Model endpoints',
  'tool-setting': 'Tool settings',
  'tool-config': 'Tool config files',
  system: 'System',
  legacy: 'Other (from an older export)',
};

export function kindLabel(kind: SignalKind): string {
  return KIND_LABELS[kind];
}

/** Signals grouped by kind in a fixed order; empty kinds are left out. */
export function groupSignals(signals: readonly Signal[]): { kind: SignalKind; signals: Signal[] }[] {
  const groups = new Map<SignalKind, Signal[]>((Object.keys(KIND_LABELS) as SignalKind[]).map((kind) => [kind, []]));
  for (const signal of signals) groups.get(signal.kind)?.push(signal);
  return [...groups].filter(([, list]) => list.length > 0).map(([kind, list]) => ({ kind, signals: list }));
}
