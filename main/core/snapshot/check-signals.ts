/**
 * One bad value never loses the sample: each signal is checked against the contract on its own,
 * and one that does not fit (a producer that let an undefined or a stray type through) becomes an
 * error signal saying why, instead of failing the whole snapshot's validation.
 */
import { z } from 'zod';
import { Signal } from '../../../contract/snapshot.js';
import { SignalKey } from '../../../contract/signal-key.js';
import { errorSignal } from '../signal.js';

// Signals are often the same objects sample after sample (cached by their readers): checked once.
const verdicts = new WeakMap<object, Signal>();

function checked(signal: Signal): Signal {
  const parsed = Signal.safeParse(signal);
  if (parsed.success) return signal;
  const problem = z.prettifyError(parsed.error).replace(/\s+/g, ' ').slice(0, 300);
  const about = SignalKey.safeParse({ kind: signal.kind, key: signal.key });
  const source = typeof signal.source === 'string' ? signal.source : 'telltale';
  return about.success
    ? errorSignal(about.data, source, { id: 'reason.sampler.invalid', whole: false, detail: problem })
    : errorSignal(
        { kind: 'system', key: { part: 'sampler', sampler: typeof signal.id === 'string' && signal.id ? signal.id : 'unknown' } },
        source,
        { id: 'reason.sampler.invalid', whole: true, detail: problem },
      );
}

export function checkSignals(signals: readonly Signal[]): Signal[] {
  return signals.map((signal) => {
    let verdict = verdicts.get(signal);
    if (!verdict) verdicts.set(signal, (verdict = checked(signal)));
    return verdict;
  });
}
