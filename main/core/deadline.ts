/**
 * A stage that must not hold up the sample: its result if it comes within the deadline, else a
 * fallback saying why. A run still under way when the deadline passes is not started again on the
 * next call but joined, so a stuck reader never piles up copies of itself.
 */
/** `run` bounded by `deadlineMs`; `late(ms)` is what a run that missed it yields instead. */
export function bounded<A, T>(run: (arg: A) => Promise<T>, deadlineMs: number, late: (deadlineMs: number) => T): (arg: A) => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return (arg) => {
    if (!inFlight) {
      const started = run(arg);
      inFlight = started;
      const clear = () => {
        if (inFlight === started) inFlight = null;
      };
      started.then(clear, clear);
    }
    const current = inFlight;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(late(deadlineMs)), deadlineMs);
    });
    return Promise.race([current, expired]).finally(() => clearTimeout(timer));
  };
}
