import { useEffect, useState } from 'react';
import { expireNewRows, nextExpiry, nextNewRows, NO_NEW_ROWS, type NewRows } from '../lib/new-rows.js';

/**
 * The identities new since the previous sample, each marked for a few seconds. `sample` changes
 * with each sample (its takenAt), `identities` are that sample's.
 */
export function useNewRows(sample: string, identities: () => Iterable<string>): ReadonlyMap<string, number> {
  const [state, setState] = useState<NewRows>(NO_NEW_ROWS);
  const [lastSample, setLastSample] = useState<string | null>(null);
  // Adjusting state while rendering when the sample changes, as React recommends over an effect.
  if (sample !== lastSample) {
    setLastSample(sample);
    setState((current) => nextNewRows(current, identities(), Date.now()));
  }
  useEffect(() => {
    const expiry = nextExpiry(state);
    if (expiry === null) return undefined;
    const timer = setTimeout(() => setState((current) => expireNewRows(current, Date.now())), Math.max(0, expiry - Date.now()));
    return () => clearTimeout(timer);
  }, [state]);
  return state.since;
}
