/** `telltale tap [--port N] [--capture-dir DIR] [--forward]`: runs the tap until interrupted. */
import os from 'node:os';
import path from 'node:path';
import { interruptSignal } from '../adapters/interrupt.js';
import { defaultStateDir } from '../adapters/state-dir.js';
import { redactText } from '../core/secrets/policy.js';
import { parse, portOption, UsageError } from '../cli/args.js';
import { helpLanguage } from '../cli/help.js';
import { renderUsage } from '../cli/usage-message.js';
import { translator } from '../../common/i18n/translate.js';
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

const FORWARD_WARNING = `
!!! WARNING: --forward is on. Every request the tool sends is re-sent to the real upstream over
!!! the internet, with the tool's real credentials. Without --forward the tap answers itself and
!!! nothing leaves this machine.
`;

function describe(record: CapturedRequest): string {
  const how = record.refused
    ? 'refused: not an origin the tap stands for'
    : { origin: '', absolute: 'via proxy', tunnel: 'via proxy tunnel', connect: record.replyStatus === 200 ? 'tunnel opened' : 'CONNECT refused' }[record.form];
  const via = how ? ` (${how})` : '';
  return `#${record.seq} ${record.method} ${record.url} -> ${record.replyStatus}${via}\n`;
}

export async function runTap(argv: string[], io: TapIo): Promise<number> {
  let values;
  let port: number;
  try {
    ({ values } = parse(argv, { port: { type: 'string' }, 'capture-dir': { type: 'string' }, forward: { type: 'boolean' } }));
    port = portOption(values.port);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const language = helpLanguage(argv);
    const usage = translator(language)('help.usage', { command: 'telltale tap [--port N] [--capture-dir DIR] [--forward]' });
    io.stderr.write(`telltale tap: ${redactText(renderUsage(error.usage, language))}\n${usage}\n`);
    return 2;
  }
  const captureDir =
    values['capture-dir'] ??
    path.join(defaultStateDir(process.env, os.homedir()), 'captures', new Date().toISOString().replace(/[:.]/g, '-'));
  const forward = values.forward ?? false;
  if (forward) io.stderr.write(FORWARD_WARNING);
  let tap;
  try {
    tap = await startTap({ port, captureDir, forward, onRequest: (r) => io.stdout.write(describe(r)) });
  } catch (error) {
    io.stderr.write(`telltale tap: ${redactText((error as Error).message)}\n`);
    return 1;
  }
  io.stdout.write(
    [
      `telltale tap listening on ${tap.url} (loopback only); captures in ${captureDir}`,
      'Point a tool at it as its model base URL:',
      `  ANTHROPIC_BASE_URL=${tap.url}  OPENAI_BASE_URL=${tap.url}/v1`,
      'or as its HTTP proxy, to see which host it thinks it talks to:',
      `  HTTP_PROXY=${tap.url}  ANTHROPIC_BASE_URL=http://api.anthropic.com`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const signal = io.signal ?? interruptSignal();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await tap.close();
  io.stdout.write(`telltale tap: stopped after ${tap.requests().length} request(s)\n`);
  return 0;
}
