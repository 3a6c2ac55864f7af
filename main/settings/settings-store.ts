/**
 * The user's settings, kept in one JSON file (contract/settings.ts is its schema). The app starts
 * with defaults when the file is missing; a malformed or invalid file (or a FIFO, device or folder at
 * its path) is moved aside, never lost, and the reason is kept in status() for the UI. Edits made to
 * the file while the app runs are picked up and announced to onChange listeners like the UI's own.
 */
import { Settings, type SettingsPatch, type SettingsProblem, type SettingsStatus } from '../../contract/settings.js';
import { renderSettingsProblem } from '../../common/i18n/render-settings.js';
import { applySettingsPatch, sameSettings } from '../core/settings/patch.js';
import { ensureSettingsDir, keepAside, readSettingsFile, writeSettingsFile } from '../adapters/settings-file.js';
import { watchFile, type FileWatch } from '../adapters/watch-file.js';
import { redactText } from '../core/secrets/policy.js';

/** The settings file's name in the config dir (createApp's, or Electron's userData). */
export const SETTINGS_FILE = 'settings.json';

export type SettingsListener = (settings: Settings, previous: Settings) => void;

export interface SettingsStore {
  get(): Settings;
  /** Applies the patch and saves it; rejects (settings unchanged) when the file cannot be written. */
  update(patch: SettingsPatch): Promise<Settings>;
  status(): SettingsStatus;
  /** Called after every change of the settings in force, and (with equal settings) when status() changed. */
  onChange(listener: SettingsListener): () => void;
  /** Stops watching the file. */
  close(): void;
}

export interface SettingsStoreOptions {
  /** The settings file; null keeps settings in memory only (nothing read or written). */
  file: string | null;
  /** Pick up edits made by others (default true). */
  watch?: boolean;
  watchDebounceMs?: number;
}

const message = (error: unknown): string => redactText(error instanceof Error ? error.message : String(error));

/** A problem as the status holds it: the message, and its English rendering for older clients. */
const problem = (m: SettingsProblem): Pick<SettingsStatus, 'problem' | 'problemMessage'> => ({ problem: renderSettingsProblem(m, 'en'), problemMessage: m });

export function openSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const { file } = options;
  const listeners = new Set<SettingsListener>();
  let settings = Settings.parse({});
  let status: SettingsStatus = { file, problem: null, keptAside: null };
  // False while a bad file we could not move aside sits at the path: writing would destroy it.
  let writable = file !== null;
  let writes: Promise<unknown> = Promise.resolve();
  let fileWatch: FileWatch | null = null;

  const announce = (previous: Settings): void => {
    for (const listener of [...listeners]) listener(settings, previous);
  };

  /** Reads the file into `settings`: whether anything (settings or status) changed, and whether a bad file was moved aside. */
  const load = (): { changed: boolean; movedAside: boolean } => {
    if (file === null) return { changed: false, movedAside: false };
    const before = { settings, status };
    const read = readSettingsFile(file);
    let movedAside = false;
    if (read.kind === 'ok') {
      settings = read.settings;
      status = { file, problem: null, keptAside: status.keptAside };
      writable = true;
    } else if (read.kind === 'missing') {
      // Deleting the file means going back to the defaults.
      settings = Settings.parse({});
      status = { file, problem: null, keptAside: status.keptAside };
      writable = true;
    } else {
      // The settings in force stay; the bad file goes aside so the next save cannot overwrite it.
      try {
        const aside = keepAside(file);
        movedAside = true;
        status = { file, ...problem({ id: 'settings-problem.moved-aside', fault: read.fault, aside }), keptAside: aside };
        writable = true;
      } catch (error) {
        status = { file, ...problem({ id: 'settings-problem.not-moved', fault: read.fault, error: message(error) }), keptAside: null };
        writable = false;
      }
    }
    const changed = !sameSettings(before.settings, settings) || JSON.stringify(before.status) !== JSON.stringify(status);
    return { changed, movedAside };
  };

  const write = async (next: Settings): Promise<void> => {
    if (file === null) return;
    if (!writable) throw new Error(status.problem ?? 'The settings file cannot be written.');
    try {
      await writeSettingsFile(file, next);
    } catch (error) {
      throw new Error(`Could not save the settings to ${file}: ${message(error)}`);
    }
  };

  /** Runs `task` after the writes before it (one write at a time, each on the result of the one before). */
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = writes.then(task);
    writes = run.catch(() => undefined);
    return run;
  };

  // While the settings in force are written back over a bad file moved aside, the folder's events
  // (the move, the write) are ours: reading then would find no file and fall back to the defaults.
  let restoring = false;
  const reloadAfterEdit = (): void => {
    if (restoring) return;
    const previous = settings;
    const { changed, movedAside } = load();
    if (changed) announce(previous);
    if (!movedAside) return;
    restoring = true;
    void enqueue(() => write(settings))
      .catch(() => undefined)
      .finally(() => {
        restoring = false;
      });
  };

  if (file !== null) {
    load();
    if (options.watch ?? true) {
      try {
        ensureSettingsDir(file);
        // Our own writes land here too; they leave nothing changed, so nothing is announced.
        fileWatch = watchFile(file, reloadAfterEdit, options.watchDebounceMs);
      } catch (error) {
        if (status.problem === null) status = { ...status, ...problem({ id: 'settings-problem.not-watched', error: message(error) }) };
      }
    }
  }

  return {
    get: () => settings,
    status: () => status,
    update(patch) {
      return enqueue(async () => {
        const previous = settings;
        const next = applySettingsPatch(previous, patch);
        if (sameSettings(next, previous)) return previous;
        await write(next);
        settings = next;
        announce(previous);
        return next;
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      fileWatch?.close();
      fileWatch = null;
    },
  };
}

/**
 * Calls `listener` when the part of the settings `select` picks changed (compared as JSON), e.g. the
 * history store's retention or precise capture; returns an unsubscribe.
 */
export function onSettingChange<T>(store: Pick<SettingsStore, 'onChange'>, select: (settings: Settings) => T, listener: (value: T) => void): () => void {
  return store.onChange((settings, previous) => {
    const value = select(settings);
    if (JSON.stringify(value) !== JSON.stringify(select(previous))) listener(value);
  });
}
