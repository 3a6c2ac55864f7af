import type { Signal, SignalCategory, SignalValue } from '../../contract/snapshot.js';
import type { SampleContext } from './context.js';

/** A sampler reads one area of the system and returns its signals; it never throws. */
export type SignalSampler = (ctx: SampleContext) => Promise<Signal[]>;

export function okSignal(
  id: string,
  category: SignalCategory,
  value: SignalValue,
  source: string,
  meta?: Signal['meta'],
): Signal {
  return meta ? { id, category, value, source, status: 'ok', meta } : { id, category, value, source, status: 'ok' };
}

export function unavailableSignal(id: string, category: SignalCategory, source: string, reason: string): Signal {
  return { id, category, value: null, source, status: 'unavailable', reason };
}

export function errorSignal(id: string, category: SignalCategory, source: string, reason: string): Signal {
  return { id, category, value: null, source, status: 'error', reason };
}

/** Shows a path home-relative ("~/.npmrc") so snapshots do not carry the user's home path. */
export function displayPath(path: string, home: string): string {
  return home && (path === home || path.startsWith(home.endsWith('/') ? home : `${home}/`))
    ? `~${path.slice(home.replace(/\/$/, '').length)}`
    : path;
}
