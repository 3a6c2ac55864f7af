import type { Signal, SignalKind } from '../../../contract/snapshot.js';
import type { Language } from '../../../common/i18n/languages.js';
import { translator, type PlainKey } from '../../../common/i18n/translate.js';

export type Evidence = { id: string; signal: Signal | undefined };

/** Resolves an inference's evidence ids to signals; an id with no signal is kept so it is still shown. */
export function resolveEvidence(ids: readonly string[], signals: ReadonlyMap<string, Signal>): Evidence[] {
  return ids.map((id) => ({ id, signal: signals.get(id) }));
}

export function indexSignals(signals: readonly Signal[]): Map<string, Signal> {
  return new Map(signals.map((signal) => [signal.id, signal]));
}

/** Kinds in the order the Signals view shows them. */
const KIND_LABELS: Readonly<Record<SignalKind, PlainKey>> = {
  proxy: 'signals-view.kind.proxy',
  timezone: 'signals-view.kind.timezone',
  locale: 'signals-view.kind.locale',
  identity: 'signals-view.kind.identity',
  registry: 'signals-view.kind.registry',
  'model-endpoint': 'signals-view.kind.model-endpoint',
  'tool-setting': 'signals-view.kind.tool-setting',
  'tool-config': 'signals-view.kind.tool-config',
  system: 'signals-view.kind.system',
  legacy: 'signals-view.kind.legacy',
};

export function kindLabel(kind: SignalKind, language: Language): string {
  return translator(language)(KIND_LABELS[kind]);
}

/** Signals grouped by kind in a fixed order; empty kinds are left out. */
export function groupSignals(signals: readonly Signal[]): { kind: SignalKind; signals: Signal[] }[] {
  const groups = new Map<SignalKind, Signal[]>((Object.keys(KIND_LABELS) as SignalKind[]).map((kind) => [kind, []]));
  for (const signal of signals) groups.get(signal.kind)?.push(signal);
  return [...groups].filter(([, list]) => list.length > 0).map(([kind, list]) => ({ kind, signals: list }));
}
