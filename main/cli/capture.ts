/**
 * `sudo telltale capture [--user UID] [--socket PATH]`: the small privileged process that lets an
 * unprivileged Telltale see every connection. It runs the tracefs capture and streams its events
 * to the user's socket (main/adapters/capture-helper.ts) until interrupted; it accepts no commands.
 */
import { captureSocketPath, serveCaptureEvents } from '../adapters/capture-helper.js';
import { startTraceCapture } from '../adapters/trace-capture.js';
import { renderCaptureUnavailable } from '../../common/i18n/render-capture.js';
import { parse, UsageError, type CliIo } from './args.js';
import { helpLanguage } from './help.js';
import { redactText } from '../core/secrets/policy.js';

function userId(raw: string | undefined, name: string): number | null {
  if (raw === undefined || raw === '') return null;
  if (!/^\d+$/.test(raw)) throw new UsageError({ id: 'usage.uid', option: name, value: raw });
  return Number(raw);
}

export async function captureCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parse(args, { user: { type: 'string', short: 'u' }, socket: { type: 'string' } });
  // sudo says who ran it; --user serves someone else (a systemd unit has no SUDO_UID).
  const uid = userId(values.user, '--user') ?? userId(process.env.SUDO_UID, 'SUDO_UID');
  if (uid === null) throw new UsageError({ id: 'usage.capture-user', option: '--user UID', command: '`sudo telltale capture`' });
  // The user's group when sudo says it; else a group of the uid's own number (the socket is 0600 anyway).
  const gid = (values.user === undefined ? userId(process.env.SUDO_GID, 'SUDO_GID') : null) ?? uid;
  const socketPath = values.socket ?? captureSocketPath(uid);

  let failed: Error | null = null;
  let server: Awaited<ReturnType<typeof serveCaptureEvents>> | null = null;
  const capture = await startTraceCapture({
    onEvent: (event) => server?.send(event),
    onEnd: (end) => server?.send(end),
    onError: (error) => {
      failed = error;
      io.stderr.write(`telltale capture: ${redactText(error.message)}\n`);
    },
  });
  if ('unavailable' in capture) {
    io.stderr.write(`telltale capture: ${capture.why ? renderCaptureUnavailable(capture.why, helpLanguage(args)) : capture.unavailable}\n`);
    return 1;
  }
  try {
    server = await serveCaptureEvents({ socketPath, uid, gid, reader: capture.reader });
  } catch (error) {
    await capture.stop();
    io.stderr.write(`telltale capture: cannot serve ${socketPath}: ${redactText((error as Error).message)}\n`);
    return 1;
  }
  const how = capture.readerNote === null ? 'binary trace buffers' : `text trace: ${capture.readerNote}`;
  io.stdout.write(`telltale capture: serving connection events for uid ${uid} on ${socketPath}, read from the ${how} (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  await server.close();
  await capture.stop();
  return failed ? 1 : 0;
}
