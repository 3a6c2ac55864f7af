/** `telltale tap [--port N] [--capture-dir DIR] [--forward] [--lang L]`: runs the tap until interrupted. */
import os from 'node:os';
import path from 'node:path';
import { interruptSignal } from '../adapters/interrupt.js';
import { defaultStateDir } from '../adapters/state-dir.js';
import { redactText } from '../core/secrets/policy.js';
import { parse, portOption, UsageError } from '../cli/args.js';
import { HELP_WIDTH, helpLanguage, TAP_SYNOPSIS } from '../cli/help.js';
import { commandLanguage } from '../cli/language.js';
import { renderUsage } from '../cli/usage-message.js';
import { wrapText } from '../cli/wrap-text.js';
import type { Language } from '../../common/i18n/languages.js';
import { translator, type PlainKey, type Translate } from '../../common/i18n/translate.js';
import type { CapturedRequest } from './capture.js';
import { startTap } from './server.js';

export { startTap, type Tap, type TapOptions } from './server.js';
export type { CapturedRequest } from './capture.js';

export interface TapIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Stops the tap; without it SIGINT/SIGTERM do. */
  signal?: AbortSignal;
}

/** How the tap handled a request that did not come as to the origin it stands for. */
const VIA = {
  origin: null,
  absolute: 'tap.via-proxy',
  tunnel: 'tap.via-tunnel',
  connect: 'tap.tunnel-opened',
} as const satisfies Record<CapturedRequest['form'], PlainKey | null>;

function how(record: CapturedRequest): PlainKey | null {
  if (record.refused) return 'tap.refused';
  if (record.form === 'connect' && record.replyStatus !== 200) return 'tap.connect-refused';
  return VIA[record.form];
}

function describe(record: CapturedRequest, t: Translate): string {
  const key = how(record);
  const via = key ? t('tap.how', { how: t(key) }) : '';
  return `#${record.seq} ${record.method} ${record.url} -> ${record.replyStatus}${via}\n`;
}

/** Every line of the forward warning marked, so it stands out among the request lines. */
const warning = (t: Translate) => `\n${wrapText(t('tap.forward-warning'), HELP_WIDTH)
  .map((line) => `!!! ${line}\n`)
  .join('')}\n`;

export async function runTap(argv: string[], io: TapIo): Promise<number> {
  let values;
  let port: number;
  let language: Language;
  try {
    ({ values } = parse(argv, { port: { type: 'string' }, 'capture-dir': { type: 'string' }, forward: { type: 'boolean' }, lang: { type: 'string' } }));
    port = portOption(values.port);
    language = commandLanguage(values.lang, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const helpIn = helpLanguage(argv);
    const usage = translator(helpIn)('help.usage', { command: `telltale ${TAP_SYNOPSIS}` });
    io.stderr.write(`telltale tap: ${redactText(renderUsage(error.usage, helpIn))}\n${usage}\n`);
    return 2;
  }
  const t = translator(language);
  const captureDir =
    values['capture-dir'] ??
    path.join(defaultStateDir(process.env, os.homedir()), 'captures', new Date().toISOString().replace(/[:.]/g, '-'));
  const forward = values.forward ?? false;
  if (forward) io.stderr.write(warning(t));
  let tap;
  try {
    tap = await startTap({ port, captureDir, forward, onRequest: (r) => io.stdout.write(describe(r, t)) });
  } catch (error) {
    io.stderr.write(`telltale tap: ${redactText((error as Error).message)}\n`);
    return 1;
  }
  io.stdout.write(
    [
      t('tap.listening', { url: tap.url, dir: captureDir }),
      t('tap.as-base-url'),
      `  ANTHROPIC_BASE_URL=${tap.url}  OPENAI_BASE_URL=${tap.url}/v1`,
      t('tap.as-proxy'),
      `  HTTP_PROXY=${tap.url}  ANTHROPIC_BASE_URL=http://api.anthropic.com`,
      t('tap.stop-hint'),
      '',
    ].join('\n'),
  );
  const signal = io.signal ?? interruptSignal();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await tap.close();
  io.stdout.write(`${t('tap.stopped', { count: String(tap.requests().length) })}\n`);
  return 0;
}
