import { useCallback, useEffect, useState } from 'react';
import type { SamplerStatus, TelltaleApi } from '../../../contract/api.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { onApiProblem } from '../api/getApi.js';

export type TelltaleState = {
  snapshot: Snapshot | null;
  status: SamplerStatus | null;
  /** True until the first getSnapshot reply (or failure). */
  loading: boolean;
  error: string | null;
  dismissError: () => void;
  sampleNow: () => void;
  setPaused: (paused: boolean) => void;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The latest snapshot and sampler status: fetched once, then kept current by pushed events. */
export function useTelltale(api: TelltaleApi): TelltaleState {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [status, setStatus] = useState<SamplerStatus | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const unsubscribers = [
      api.on('snapshot', (next) => setSnapshot(next)),
      api.on('status', (next) => setStatus(next)),
      onApiProblem(setError),
    ];
    api
      .getSnapshot({})
      // A pushed snapshot may have arrived first; it is newer than the reply.
      .then((first) => live && setSnapshot((current) => current ?? first))
      .catch((reason: unknown) => live && setError(messageOf(reason)))
      .finally(() => live && setLoading(false));
    api
      .getStatus({})
      .then((first) => live && setStatus((current) => current ?? first))
      .catch((reason: unknown) => live && setError(messageOf(reason)));
    return () => {
      live = false;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [api]);

  const sampleNow = useCallback(() => {
    setStatus((current) => current && { ...current, sampling: true });
    api
      .sampleNow({})
      .then(setSnapshot)
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => api.getStatus({}).then(setStatus, () => undefined));
  }, [api]);

  const setPaused = useCallback(
    (paused: boolean) => {
      api.setPaused({ paused }).then(setStatus, (reason: unknown) => setError(messageOf(reason)));
    },
    [api],
  );

  const dismissError = useCallback(() => setError(null), []);

  return { snapshot, status, loading, error, dismissError, sampleNow, setPaused };
}
