/** What every CLI command shares: its output streams and strict option parsing with usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CaptureStatus } from '../../contract/attempts.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A mistake in the command line: exit 2 with the message and the usage. */
export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function positiveNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** Starts attempts between samples: precise capture when asked (saying once why it is not on), else fast polling. */
export async function startCapture(app: { capture: { setEnabled(on: boolean): Promise<CaptureStatus> } }, precise: boolean, io: CliIo): Promise<void> {
  const status = await app.capture.setEnabled(precise);
  if (precise && status.mode !== 'precise') io.stderr.write(`telltale: precise capture unavailable, polling: ${status.reason ?? ''}\n`);
}
