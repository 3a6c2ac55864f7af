/**
 * `telltale probe`'s progress on stderr: one line rewritten in place on a terminal, a line per run
 * otherwise (a log, CI), in the language of the report. Stdout stays the report's alone, so --json
 * output is untouched.
 */
import stringWidth from 'string-width';
import type { Language } from '../../common/i18n/languages.js';
import { translator } from '../../common/i18n/translate.js';
import { wrap } from '../core/snapshot/text-layout.js';

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

export function progressLine(p: ProbeProgress, language: Language): string {
  return translator(language)('probe-progress', {
    done: String(p.done),
    total: String(p.total),
    elapsed: elapsed(p.elapsedMs),
    environment: p.environment,
    run: String(p.run),
    of: String(p.runsPerEnvironment),
  });
}

export interface ProgressPrinter {
  update(progress: ProbeProgress): void;
  /** Ends the updating line, if any, so what follows starts on a line of its own. */
  finish(): void;
}

export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, language: Language): ProgressPrinter {
  let shown = false;
  return {
    update(progress) {
      const line = progressLine(progress, language);
      if (stream.isTTY) {
        // Clipped to the terminal's width (CJK two columns): a wrapped line could not be rewritten in place.
        const width = stream.columns ?? 80;
        stream.write(`\r\x1b[2K${stringWidth(line) >= width ? `${wrap(line, width - 2)[0] ?? ''}…` : line}`);
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
