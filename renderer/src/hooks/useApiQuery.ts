import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../api/error-text.js';
import { rateLimited } from '../lib/rate-limit.js';
import { useLanguage } from './useT.js';

export type Query<T> = { data: T | null; error: string | null; reload: () => void };

/**
 * The reply of `run` (an API call; memoize it with useCallback so it changes only when its
 * arguments do). A reply that arrives after a newer request was made is dropped.
 */
export function useApiQuery<T>(run: () => Promise<T>): Query<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const language = useLanguage();

  useEffect(() => {
    const request = ++latest.current;
    run().then(
      (reply) => {
        if (request !== latest.current) return;
        setData(reply);
        setError(null);
      },
      (reason: unknown) => request === latest.current && setError(errorText(reason, language)),
    );
  }, [run, tick, language]);

  const reload = useCallback(() => setTick((current) => current + 1), []);
  return { data, error, reload };
}

/** How often the history views re-query at most while deltas arrive. */
export const HISTORY_REFRESH_MS = 5000;

/** Calls `reload` when `seq` moves on (a new sample arrived), at most once per `intervalMs`. */
export function useReloadOnSample(seq: number, reload: () => void, intervalMs = HISTORY_REFRESH_MS): void {
  const limiter = useRef<ReturnType<typeof rateLimited> | null>(null);
  useEffect(() => {
    const current = rateLimited(reload, intervalMs);
    limiter.current = current;
    return () => current.cancel();
  }, [reload, intervalMs]);
  const first = useRef(true);
  useEffect(() => {
    // The first render already queried; only later samples ask again.
    if (first.current) {
      first.current = false;
      return;
    }
    limiter.current?.request();
  }, [seq]);
}
