/**
 * `telltale probe`'s progress on stderr: one line rewritten in place on a terminal, a line per run
 * otherwise (a log, CI). Stdout stays the report's alone, so --json output is untouched.
 */
export interface ProbeProgress {
  /** Runs finished so far. */
  done: number;
  /** Runs planned (fewer run when the baselines fail). */
  total: number;
  elapsedMs: number;
  /** The environment of the run starting now ("baseline", "tz:Asia/Shanghai"). */
  environment: string;
  run: number;
  runsPerEnvironment: number;
}

function elapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function progressLine(p: ProbeProgress): string {
  return `telltale probe: ${p.done}/${p.total} runs done, ${elapsed(p.elapsedMs)} elapsed; now ${p.environment} (run ${p.run}/${p.runsPerEnvironment})`;
}

export interface ProgressPrinter {
  update(progress: ProbeProgress): void;
  /** Ends the updating line, if any, so what follows starts on a line of its own. */
  finish(): void;
}

export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): ProgressPrinter {
  let shown = false;
  return {
    update(progress) {
      const line = progressLine(progress);
      if (stream.isTTY) {
        // Clipped to the terminal's width: a wrapped line could not be rewritten in place.
        const width = stream.columns ?? 80;
        stream.write(`\r\x1b[2K${line.length >= width ? `${line.slice(0, width - 2)}…` : line}`);
        shown = true;
      } else {
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
