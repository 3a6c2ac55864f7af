/**
 * `telltale serve`: the UI and API on 127.0.0.1 with a per-launch token, until interrupted. Follows
 * the settings file (interval, paused, notifications); --interval overrides its interval for this run.
 */
import { fileURLToPath } from 'node:url';
import { createApp } from '../app/create-app.js';
import { startServer } from '../server/server.js';
import { intervalOption, languageOption, parse, portOption, reportCapture, type CliIo } from './args.js';
import { settingsProblemText } from '../../common/i18n/render-settings.js';

export async function serveCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string', short: 'p' },
    interval: { type: 'string', short: 'i' },
    precise: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const port = portOption(values.port);
  const app = createApp({
    intervalMs: intervalOption(values.interval),
    precise: values.precise ? true : undefined,
    language: { flag: languageOption(values.lang) },
  });
  const problem = settingsProblemText(app.settings.status(), app.language());
  if (problem) io.stderr.write(`telltale: ${problem}\n`);
  await reportCapture(app, values.precise ?? false, io);
  const staticDir = fileURLToPath(new URL('../../renderer/', import.meta.url));
  const server = await startServer({ port, staticDir, handlers: app.handlers, events: app.events });
  app.monitor.start();
  io.stdout.write(`Telltale is serving on ${server.url}\n(loopback only; the token in the URL is required; Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await app.close();
  await server.close();
  return 0;
}
