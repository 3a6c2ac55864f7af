/**
 * Runs `task` at most once per `intervalMs`: the first request runs at once, later ones within the
 * interval are folded into one run at its end. For re-querying the history on deltas without
 * querying on every one.
 */
export type Timers = {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function rateLimited(task: () => void, intervalMs: number, timers: Timers = browserTimers): { request: () => void; cancel: () => void } {
  let lastRun = Number.NEGATIVE_INFINITY;
  let pending: unknown = null;
  const run = () => {
    pending = null;
    lastRun = timers.now();
    task();
  };
  return {
    request() {
      if (pending !== null) return;
      const wait = lastRun + intervalMs - timers.now();
      if (wait <= 0) run();
      else pending = timers.setTimeout(run, wait);
    },
    cancel() {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
