/**
 * The one place the app is put together: a sampler bound to a context, the monitor that runs it,
 * the settings store and the notifier that follow it, the API handlers over them, and the one hub
 * of app events every host forwards. `telltale serve`, `telltale watch` and the Electron shell each
 * build it once here and differ only in how they show it.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CaptureStatus } from '../../contract/attempts.js';
import type { EndpointRecord } from '../../contract/history.js';
import type { LanguageSetting, Settings } from '../../contract/settings.js';
import type { SampleContext } from '../core/context.js';
import { diffSnapshots } from '../core/snapshot/diff.js';
import { exportSnapshot } from '../core/snapshot/export.js';
import { parseSnapshotJson } from '../core/snapshot/validate.js';
import { appVersion } from '../adapters/app-version.js';
import { defaultConfigDir } from '../adapters/state-dir.js';
import { matchProcess } from '../core/catalog/index.js';
import { Monitor } from '../monitor/monitor.js';
import { Notifier } from '../monitor/notifier.js';
import { createCaptureController, type CaptureController, type CaptureOptions } from './capture.js';
import { createSnapshotSource, type SnapshotSource } from '../sample.js';
import { ApiError, createApiHandlers, type ApiHandlerDeps, type ApiHandlers } from '../service/api-handlers.js';
import { AppEventHub, type AppEvents } from '../service/app-events.js';
import { unavailableHistory } from '../history/unavailable.js';
import { onSettingChange, openSettingsStore, SETTINGS_FILE, type SettingsStore } from '../settings/settings-store.js';
import { delegatingHistory, openHistory, type HistoryHandle } from '../history/open-history.js';
import { redactSnapshot } from '../core/snapshot/redact.js';
import { defaultStateDir } from '../adapters/state-dir.js';
import { processContext } from '../adapters/system-io.js';
import { chooseLanguage } from '../../common/i18n/choose-language.js';
import type { Language } from '../../common/i18n/languages.js';

export { SETTINGS_FILE };

export interface AppOptions {
  /** The machine and user to sample (default: this process's). */
  ctx?: SampleContext;
  /** Where probe reports are read from (default: the platform's state dir). */
  stateDir?: string;
  /**
   * Where settings.json lives (default: the platform's config dir; Electron passes userData);
   * null keeps settings in memory for this run.
   */
  configDir?: string | null;
  /** Overrides the settings' interval for this run (a command line's --interval). */
  intervalMs?: number;
  /** How often status is re-sent (default: the contract's HEARTBEAT_MS). */
  heartbeatMs?: number;
  /** Sample even when the settings say paused (a command that was asked to watch). */
  ignorePaused?: boolean;
  /** Notifier timing (defaults in main/monitor/notifier.ts). */
  notifications?: { graceMs?: number; windowMs?: number };
  /** What tools contacted before this run (the history store), so only new destinations notify. */
  knownEndpoints?: () => readonly EndpointRecord[];
  /** Connection attempts between samples: the helper's socket and the fast poll rate (defaults for production). */
  capture?: Pick<CaptureOptions, 'socketPath' | 'pollMs' | 'startLocal'>;
  /**
   * Precise capture for this run (a command line's --precise); when not given, the
   * `preciseCapture` setting decides and is followed as it changes.
   */
  precise?: boolean;
  /**
   * The history store: on, in the state dir (where `telltale history` and a fleet's osquery read
   * it), with the settings' retention, unless the settings turn it off; `dir` overrides where;
   * false: not kept (tests).
   */
  history?: { dir?: string } | false;
  /**
   * What decides the language besides the setting: a command line's --lang (wins over the
   * setting) and the app's own locale (Electron's app.getLocale(); after LC_ALL, LC_MESSAGES, LANG).
   */
  language?: { flag?: string | null; appLocale?: string | null };
}

export interface TelltaleApp {
  source: SnapshotSource;
  /** Not started: the caller starts it once its outputs (window, server, printer) listen. */
  monitor: Monitor;
  settings: SettingsStore;
  notifier: Notifier;
  /** Every API event (monitor, notifications, settings): what the hosts forward. */
  events: AppEvents;
  handlers: ApiHandlers;
  /**
   * Calls `listener` when the part of the settings `select` picks changes (history retention,
   * launch at login, ...); returns an unsubscribe.
   */
  onSettingChange<T>(select: (settings: Settings) => T, listener: (value: T) => void): () => void;
  /**
   * Where attempts between samples come from: precise capture (--precise or the setting) or fast
   * polling. Started with the app; setEnabled switches it.
   */
  capture: CaptureController;
  /** The capture's status once its first start settled (a command says why --precise is not on). */
  captureReady: Promise<CaptureStatus>;
  /** The language in force now (it follows the setting unless --lang was given). */
  language(): Language;
  /** Stops sampling, the heartbeat, the notifier, the capture and watching the settings file. */
  close(): Promise<void>;
  /** The history as now opened (re-opened when the setting turns it on or off): `ready` settles once it is open. */
  history(): Pick<HistoryHandle, 'ready' | 'queries'>;
}

/** The setting as chooseLanguage takes it: 'system' defers to the locale. */
const languageChoice = (setting: LanguageSetting): Language | null => (setting === 'system' ? null : setting);

const secondsToMs = (settings: Settings): number => settings.intervalSeconds * 1000;

export function createApp(options: AppOptions = {}): TelltaleApp {
  const configDir = options.configDir === undefined ? defaultConfigDir(process.env, homedir()) : options.configDir;
  const settings = openSettingsStore({ file: configDir === null ? null : join(configDir, SETTINGS_FILE) });
  const initial = settings.get();
  const source = createSnapshotSource({ ctx: options.ctx, stateDir: options.stateDir });
  let intervalMs = options.intervalMs ?? secondsToMs(initial);
  const languageOf = (current: Settings): Language =>
    chooseLanguage({ flag: options.language?.flag, setting: languageChoice(current.language), env: options.ctx?.env ?? process.env, appLocale: options.language?.appLocale });
  const language = (): Language => languageOf(settings.get());
  const capture = createCaptureController({
    ...options.capture,
    sampler: source.sockets,
    geo: source.geo,
    matchTool: (process) => matchProcess(process),
    sampleIntervalMs: () => intervalMs,
  });
  const monitor = new Monitor({
    takeSnapshot: () => source.take(),
    intervalMs,
    paused: options.ignorePaused ? false : initial.paused,
    heartbeatMs: options.heartbeatMs,
    capture: () => capture.status(),
    takeAttempts: () => capture.takeAttempts(),
    language,
    systemLanguage: () => chooseLanguage({ env: options.ctx?.env ?? process.env, appLocale: options.language?.appLocale }),
  });
  // The history follows its settings: on or off, and its retention, as they change.
  let history = historyOf(options, settings.get().history, source, monitor);
  const historyQueries = delegatingHistory(() => history.queries);
  const notifier = new Notifier({
    settings: () => settings.get().notifications,
    // What tools contacted before this run, so only a new country or organisation notifies.
    knownEndpoints: options.knownEndpoints ?? (() => history.queries.endpoints(undefined)),
    ...options.notifications,
  });
  const detachNotifier = notifier.attach(monitor);

  const events = new AppEventHub(monitor);
  events.forward(monitor, ['snapshot', 'delta', 'status']);
  events.forward(notifier, ['notification']);
  const watching = [settings.onChange((now) => events.emit('settings', now))];
  // A command-line interval holds for the run; otherwise the settings' interval applies at once.
  if (options.intervalMs === undefined) {
    watching.push(
      onSettingChange(settings, secondsToMs, (ms) => {
        intervalMs = ms;
        monitor.setIntervalMs(ms);
      }),
    );
  }
  // A UI follows the language through the status it is sent.
  watching.push(onSettingChange(settings, languageOf, () => events.emit('status', monitor.status)));
  if (!options.ignorePaused) watching.push(onSettingChange(settings, (s) => s.paused, (paused) => monitor.setPaused(paused)));
  // A capture that cannot start says why in its status; it never stops the app.
  const switchCapture = (on: boolean): Promise<CaptureStatus> =>
    capture.setEnabled(on).then((status) => {
      events.emit('status', monitor.status);
      return status;
    });
  const captureReady = switchCapture(options.precise ?? initial.preciseCapture);
  if (options.precise === undefined) watching.push(onSettingChange(settings, (s) => s.preciseCapture, (on) => void switchCapture(on).catch(() => undefined)));

  watching.push(
    onSettingChange(settings, (s) => s.history.enabled, () => {
      history.close();
      history = historyOf(options, settings.get().history, source, monitor);
    }),
    onSettingChange(settings, (s) => `${s.history.retentionDays}/${s.history.maxSizeMb}`, () => {
      const { retentionDays, maxSizeMb } = settings.get().history;
      history.setRetention({ days: retentionDays, maxSizeMb });
    }),
  );

  const handlers = createApiHandlers({ monitor, settings, history: historyQueries, ...apiDeps(source, language) });
  return {
    source,
    monitor,
    settings,
    notifier,
    events,
    handlers,
    capture,
    captureReady,
    history: () => history,
    language,
    onSettingChange: (select, listener) => onSettingChange(settings, select, listener),
    close: async () => {
      monitor.stop();
      detachNotifier();
      for (const off of watching) off();
      events.close();
      settings.close();
      history.close();
      await capture.close();
    },
  };
}

/** What the API handlers need from the sampler: export, compare (any earlier snapshot version), probe reports. */
function historyOf(options: AppOptions, wanted: Settings['history'], source: SnapshotSource, monitor: Monitor): HistoryHandle {
  if (options.history === false || !wanted.enabled) {
    const queries = unavailableHistory(options.history === false ? 'History is not kept in this run.' : 'History is turned off in the settings.');
    return { queries, ready: Promise.resolve(), setRetention: () => undefined, close: () => undefined };
  }
  const ctx = options.ctx ?? processContext();
  return openHistory({
    dir: options.history?.dir ?? options.stateDir ?? defaultStateDir(ctx.env, ctx.home, ctx.platform),
    retention: { days: wanted.retentionDays, maxSizeMb: wanted.maxSizeMb },
    // A kept point is redacted as an export is (secrets; hostname and user as sampled).
    redact: (snapshot) => redactSnapshot(snapshot, source.redaction(snapshot, { maskHostname: false, maskUsername: false })),
    monitor,
  });
}

function apiDeps(source: SnapshotSource, language: () => Language): Omit<ApiHandlerDeps, 'monitor' | 'settings' | 'history'> {
  return {
    // Reports in the language in force when exported.
    exportSnapshot: (snapshot, format, masks, includeLoopback) =>
      exportSnapshot(snapshot, format, source.redaction(snapshot, masks), { version: appVersion(), includeLoopback, language: language() }),
    diffWithCurrent: (previousJson, current) => {
      const previous = parseSnapshotJson(previousJson);
      if (!previous.ok) throw new ApiError(400, `Not a Telltale snapshot: ${previous.errors.slice(0, 5).join('; ')}`);
      return diffSnapshots(previous.snapshot, current);
    },
    getProbes: () => source.probes(),
    whatIf: (current, toggles) => source.whatIf(current, toggles),
  };
}
