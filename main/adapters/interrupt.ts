/**
 * An AbortSignal that fires on SIGINT/SIGTERM, so long-running commands end cleanly. Stopping is
 * also guaranteed when clean-up cannot finish (a stuck read holding the event loop, a client that
 * never lets go): a second signal exits at once, and the first one exits anyway after `graceMs`.
 */
const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;

export const STOP_GRACE_MS = 5000;

export function interruptSignal(graceMs = STOP_GRACE_MS): AbortSignal {
  const controller = new AbortController();
  const stop = (name: keyof typeof SIGNAL_NUMBERS) => {
    // The shell's convention for "ended by signal N".
    const code = 128 + SIGNAL_NUMBERS[name];
    if (controller.signal.aborted) process.exit(code);
    controller.abort();
    setTimeout(() => {
      process.stderr.write(`telltale: still stopping ${graceMs} ms after ${name}; exiting now\n`);
      process.exit(code);
    }, graceMs).unref();
  };
  for (const name of Object.keys(SIGNAL_NUMBERS) as Array<keyof typeof SIGNAL_NUMBERS>) process.on(name, () => stop(name));
  return controller.signal;
}
