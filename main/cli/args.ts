/** What every CLI command shares: its output streams and strict option parsing with usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CaptureStatus } from '../../contract/attempts.js';
import { isLanguage, LANGUAGES, type Language } from '../../common/i18n/languages.js';
import { renderCaptureReason } from '../../common/i18n/render-capture.js';
import { translator } from '../../common/i18n/translate.js';
import { renderUsage, type UsageMessage } from './usage-message.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A mistake in the command line: exit 2 with the message, in the language in force, and the usage. */
export class UsageError extends Error {
  constructor(readonly usage: UsageMessage) {
    super(renderUsage(usage, 'en'));
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * What is wrong with the command line, as a message, or null. Read from parseArgs' tokens (lenient),
 * so the option and the value are known as data rather than read back out of Node's English error.
 */
function mistake(args: string[], options: Options, allowPositionals: boolean): UsageMessage | null {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional' && !allowPositionals) return { id: 'usage.unexpected-argument', argument: token.value };
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!option) return { id: 'usage.unknown-option', option: token.rawName };
    if (option.type === 'boolean' && token.value !== undefined) return { id: 'usage.takes-no-value', option: token.rawName };
    // "--port --json": strict parsing calls the value ambiguous; it is a missing value.
    const missing = token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-'));
    if (option.type === 'string' && missing) return { id: 'usage.missing-value', option: token.rawName };
  }
  return null;
}

export function parse<T extends Options>(args: string[], options: T, allowPositionals = false) {
  const wrong = mistake(args, options, allowPositionals);
  if (wrong) throw new UsageError(wrong);
  return parseArgs({ args, options, allowPositionals, strict: true });
}

export function positiveNumber(raw: string | undefined, option: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError({ id: 'usage.positive-number', option, value: raw });
  return n;
}

/** --port: 0 (any free port) when not given. */
export function portOption(raw: string | undefined): number {
  const port = raw === undefined ? 0 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError({ id: 'usage.port', option: '--port', value: raw ?? '' });
  return port;
}

/** --interval in seconds as milliseconds, or undefined when not given (the settings' interval applies). */
export function intervalOption(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : positiveNumber(raw, '--interval', 0) * 1000;
}

/** --lang: a language Telltale speaks, or undefined when not given (the setting, then the locale, decide). */
export function languageOption(raw: string | undefined): Language | undefined {
  if (raw === undefined) return undefined;
  if (!isLanguage(raw)) throw new UsageError({ id: 'usage.one-of', option: '--lang', choices: LANGUAGES, value: raw });
  return raw;
}

/** Says once, in the app's language, why precise capture is not on when --precise asked for it (the app polls instead). */
export async function reportCapture(app: { captureReady: Promise<CaptureStatus>; language(): Language }, precise: boolean, io: CliIo): Promise<void> {
  const status = await app.captureReady;
  if (precise && status.mode !== 'precise') {
    const language = app.language();
    const reason = status.reasonMessage ? renderCaptureReason(status.reasonMessage, language) : (status.reason ?? '');
    io.stderr.write(`telltale: ${translator(language)('cli.capture.polling', { reason })}\n`);
  }
}
