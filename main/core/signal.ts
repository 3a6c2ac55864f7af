import type { ReasonMessage } from '../../contract/reason.js';
import type { Signal, SignalKey, SignalValue } from '../../contract/snapshot.js';
import { renderReason } from '../../common/i18n/render-reason.js';
import { signalId } from '../../contract/signal-key.js';
import type { SampleContext } from './context.js';

/** A sampler reads one area of the system and returns its signals; it never throws. */
export type SignalSampler = (ctx: SampleContext) => Promise<Signal[]>;

/** The id, kind and key of a signal about `about`. */
function head(about: SignalKey) {
  return { id: signalId(about), ...about } as Pick<Signal, 'id' | 'kind' | 'key'>;
}

export function okSignal(about: SignalKey, value: SignalValue, source: string, meta?: Signal['meta']): Signal {
  const base = { ...head(about), value, source, status: 'ok' as const };
  return (meta ? { ...base, meta } : base) as Signal;
}

/**
 * A value that was read and is not set (no git user.email, no AppleLocale): status ok with a null
 * value, which readers show as a neutral "not set". Not `unavailable`, which means it could not be read.
 */
export function unsetSignal(about: SignalKey, source: string): Signal {
  return okSignal(about, null, source);
}

/** reason (English, for old readers) and reasonMessage (for every language) of a failed read. */
export function reasonFields(reason: ReasonMessage): Pick<Signal, 'reason' | 'reasonMessage'> {
  return { reason: renderReason(reason, 'en'), reasonMessage: reason };
}

export function unavailableSignal(about: SignalKey, source: string, reason: ReasonMessage): Signal {
  return { ...head(about), value: null, source, status: 'unavailable', ...reasonFields(reason) } as Signal;
}

export function errorSignal(about: SignalKey, source: string, reason: ReasonMessage): Signal {
  return { ...head(about), value: null, source, status: 'error', ...reasonFields(reason) } as Signal;
}

/** Shows a path home-relative ("~/.npmrc") so snapshots do not carry the user's home path. */
export function displayPath(path: string, home: string): string {
  return home && (path === home || path.startsWith(home.endsWith('/') ? home : `${home}/`))
    ? `~${path.slice(home.replace(/\/$/, '').length)}`
    : path;
}
