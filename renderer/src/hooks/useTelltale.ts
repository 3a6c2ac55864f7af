import { useCallback, useEffect, useRef, useState } from 'react';
import type { SamplerStatus, SequencedSnapshot, TelltaleApi } from '../../../contract/api.js';
import type { ConnectionAttempt } from '../../../contract/attempts.js';
import type { MonitorEvent } from '../../../contract/events.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import { onApiProblem, onEventStreamError } from '../api/getApi.js';
import { appendAttempts } from '../lib/attempts.js';
import { appendEvents, isNewer, receiveDelta, type Link } from './held-snapshot.js';

export type { Link };

export type TelltaleState = {
  snapshot: Snapshot | null;
  /** The seq of `snapshot`: later deltas apply to it. */
  seq: number;
  status: SamplerStatus | null;
  link: Link;
  /** The latest change events, oldest first (at most RECENT_EVENTS). */
  events: MonitorEvent[];
  /** The latest connection attempts seen between samples, oldest first (at most RECENT_ATTEMPTS). */
  attempts: ConnectionAttempt[];
  /** True until the first getSnapshot reply (or failure). */
  loading: boolean;
  /** The last failure (an API error or a problem's message), said by errorText in the language in force. */
  error: unknown;
  dismissError: () => void;
  sampleNow: () => void;
  setPaused: (paused: boolean) => void;
};


/**
 * The latest snapshot and sampler status: fetched once, then kept current by pushed events: a
 * whole snapshot when the stream (re)starts, deltas after it. A delta that does not follow on from
 * the held seq means one was missed, and the snapshot is fetched again.
 */
export function useTelltale(api: TelltaleApi): TelltaleState {
  const [held, setHeld] = useState<SequencedSnapshot | null>(null);
  const [status, setStatus] = useState<SamplerStatus | null>(null);
  const [link, setLink] = useState<Link>({ heardAt: null, streamDown: false });
  const [events, setEvents] = useState<MonitorEvent[]>([]);
  const [attempts, setAttempts] = useState<ConnectionAttempt[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // Event handlers need what is held right now, not as of the last render.
  const heldRef = useRef<SequencedSnapshot | null>(null);

  useEffect(() => {
    let live = true;
    let refetching = false;
    const hold = (next: SequencedSnapshot) => {
      heldRef.current = next;
      setHeld(next);
    };
    const heard = () => setLink({ heardAt: Date.now(), streamDown: false });
    const fetchSnapshot = () => {
      refetching = true;
      return api
        .getSnapshot({})
        .then((fetched) => live && isNewer(fetched, heldRef.current) && hold(fetched))
        .catch((reason: unknown) => live && setError(reason))
        .finally(() => {
          refetching = false;
        });
    };

    const unsubscribers = [
      api.on('snapshot', (next) => {
        heard();
        hold(next);
      }),
      api.on('delta', (delta) => {
        heard();
        const outcome = receiveDelta(heldRef.current, delta);
        if (outcome.kind === 'applied') {
          hold(outcome.held);
          setEvents((recent) => appendEvents(recent, delta.events));
          setAttempts((recent) => appendAttempts(recent, delta.events));
        } else if (outcome.kind === 'gap' && !refetching) {
          void fetchSnapshot();
        }
      }),
      api.on('status', (next) => {
        heard();
        setStatus(next);
      }),
      onApiProblem(setError),
      onEventStreamError(() => setLink((current) => ({ ...current, streamDown: true }))),
    ];
    void fetchSnapshot().finally(() => live && setLoading(false));
    api
      .getStatus({})
      .then((first) => {
        if (!live) return;
        heard();
        setStatus((current) => current ?? first);
      })
      .catch((reason: unknown) => live && setError(reason));
    return () => {
      live = false;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [api]);

  // The sample itself arrives as a delta, like every other.
  const sampleNow = useCallback(() => {
    setStatus((current) => current && { ...current, sampling: true });
    api.sampleNow({}).catch((reason: unknown) => setError(reason));
  }, [api]);

  const setPaused = useCallback(
    (paused: boolean) => {
      api.setPaused({ paused }).then(setStatus, (reason: unknown) => setError(reason));
    },
    [api],
  );

  const dismissError = useCallback(() => setError(null), []);

  return {
    snapshot: held?.snapshot ?? null,
    seq: held?.seq ?? 0,
    status,
    link,
    events,
    attempts,
    loading,
    error,
    dismissError,
    sampleNow,
    setPaused,
  };
}
