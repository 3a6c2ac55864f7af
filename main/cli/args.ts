/** What every CLI command shares: its output streams and strict option parsing with usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CaptureStatus } from '../../contract/attempts.js';
import { isLanguage, LANGUAGES, type Language } from '../../common/i18n/languages.js';
import { translator } from '../../common/i18n/translate.js';

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

/** --interval in seconds as milliseconds, or undefined when not given (the settings' interval applies). */
export function intervalOption(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : positiveNumber(raw, '--interval', 0) * 1000;
}

/** --lang: a language Telltale speaks, or undefined when not given (the setting, then the locale, decide). */
export function languageOption(raw: string | undefined): Language | undefined {
  if (raw === undefined) return undefined;
  if (!isLanguage(raw)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, got "${raw}"`);
  return raw;
}

/** Says once, in the app's language, why precise capture is not on when --precise asked for it (the app polls instead). */
export async function reportCapture(app: { captureReady: Promise<CaptureStatus>; language(): Language }, precise: boolean, io: CliIo): Promise<void> {
  const status = await app.captureReady;
  if (precise && status.mode !== 'precise') {
    io.stderr.write(`telltale: ${translator(app.language())('cli.capture.polling', { reason: status.reason ?? '' })}\n`);
  }
}
