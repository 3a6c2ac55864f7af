/**
 * `telltale watch`: the monitor on the terminal. The first sample is summed up, then every change
 * the monitor reports is printed as it happens: one line of text per event, or with --json one
 * JSON object per line (the first {"type":"snapshot","seq":1,"snapshot":...}, then the events of
 * contract/events.ts). A failed sample is reported on stderr and watching goes on.
 * The interval and notification settings come from the settings file (--interval overrides the
 * interval for this run); a paused setting does not stop an explicit watch. Notifications are
 * printed as `! title: body` lines (text output only: --json keeps to the events of the contract).
 * Between samples, outbound TCP attempts come as `connection-attempt` events: with --precise (or
 * the preciseCapture setting) every one (Linux: tracefs as root, or the `sudo telltale capture`
 * helper), else those a fast poll of the socket tables sees; when precise capture is unavailable
 * it says why once.
 */
import type { SequencedSnapshot } from '../../contract/api.js';
import type { SnapshotDelta } from '../../contract/events.js';
import type { ExposureLevel } from '../../contract/snapshot.js';
import { translator, type PlainKey, type Translate } from '../../common/i18n/translate.js';
import { createApp } from '../app/create-app.js';
import { formatEvent } from '../monitor/event-text.js';
import { intervalOption, languageOption, parse, positiveNumber, reportCapture, UsageError, type CliIo } from './args.js';
import { notificationLine } from '../../common/notification-text.js';
import { settingsProblemText } from '../../common/i18n/render-settings.js';

const LEVEL_WORD: Readonly<Record<ExposureLevel, PlainKey>> = {
  none: 'cli.watch.level.none',
  low: 'cli.watch.level.low',
  elevated: 'cli.watch.level.elevated',
  high: 'cli.watch.level.high',
};

function firstSampleText({ snapshot }: SequencedSnapshot, t: Translate): string {
  if (!snapshot) return '';
  const summary = t('cli.watch.first-sample', {
    signals: String(snapshot.signals.length),
    connections: String(snapshot.connections.length),
    tools: String(snapshot.tools.filter((tool) => tool.running).length),
    exposure: t(LEVEL_WORD[snapshot.exposure?.level ?? 'none']),
  });
  return `[${snapshot.takenAt}] ${summary}\n`;
}

export async function watchCommand(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parse(args, {
    interval: { type: 'string', short: 'i' },
    count: { type: 'string', short: 'n' },
    json: { type: 'boolean' },
    precise: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const intervalMs = intervalOption(values.interval);
  const count = values.count === undefined ? Infinity : positiveNumber(values.count, '--count', 1);
  if (!Number.isInteger(count) && count !== Infinity) throw new UsageError({ id: 'usage.whole-number', option: '--count', value: values.count ?? '' });
  const json = values.json ?? false;

  const app = createApp({ intervalMs, ignorePaused: true, precise: values.precise ? true : undefined, language: { flag: languageOption(values.lang) } });
  // Looked up at each use: the language setting may change while watching.
  const t = (): Translate => translator(app.language());
  const { monitor } = app;
  await reportCapture(app, values.precise ?? false, io);
  const print = (text: string) => void io.stdout.write(text);
  const problem = settingsProblemText(app.settings.status(), app.language());
  if (problem) io.stderr.write(`telltale: ${problem}\n`);
  if (!json) app.events.on('notification', (n) => print(`${notificationLine(n, app.language())}\n`));
  monitor.on('snapshot', (first) => print(json ? `${JSON.stringify({ type: 'snapshot', ...first })}\n` : firstSampleText(first, t())));
  monitor.on('delta', (delta: SnapshotDelta) => {
    for (const event of delta.events) print(`${json ? JSON.stringify(event) : formatEvent(event, app.language())}\n`);
  });

  let failed = 0;
  await new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
    // A sample ends when status goes from sampling to not; its result (or error) was sent by then.
    let attempts = 0;
    let sampling = false;
    monitor.on('status', (status) => {
      if (sampling && !status.sampling) {
        attempts++;
        if (status.lastError !== null) {
          failed++;
          io.stderr.write(`telltale: ${t()('cli.watch.sample-failed', { error: status.lastError })}\n`);
        }
        if (attempts >= count) resolve();
      }
      sampling = status.sampling;
    });
    monitor.start();
  });
  await app.close();
  return failed > 0 ? 1 : 0;
}
