/**
 * The settings file on disk: read with guards (never blocks on a FIFO or device, never reads more
 * than MAX_SETTINGS_BYTES), validated by the contract's schema; a bad file is moved aside, never
 * deleted; writes are atomic.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Settings, type SettingsFileFault } from '../../contract/settings.js';
import { readRegularFileSync } from './read-regular-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Far above any valid file (500 muted tools of 200 characters is ~100 KB); bounds what a bad one costs. */
export const MAX_SETTINGS_BYTES = 256 * 1024;

export type SettingsRead =
  | { kind: 'missing' }
  | { kind: 'ok'; settings: Settings }
  | { kind: 'bad'; fault: SettingsFileFault };

/**
 * Synchronous: the app's settings are needed before anything starts, and the file is small. Only a
 * regular file is read (never blocks on a FIFO or device), and never more than the cap.
 */
export function readSettingsFile(path: string): SettingsRead {
  const read = readRegularFileSync(path, MAX_SETTINGS_BYTES);
  if (!read.ok) {
    // A missing file (or a parent that is not a folder: saving will say what is wrong) is no settings.
    if (read.reason.id === 'reason.file.missing') return { kind: 'missing' };
    return { kind: 'bad', fault: { id: 'settings-fault.unreadable', cause: read.reason } };
  }
  let json: unknown;
  try {
    json = JSON.parse(read.bytes.toString('utf8'));
  } catch (error) {
    return { kind: 'bad', fault: { id: 'settings-fault.not-json', detail: (error as Error).message } };
  }
  const parsed = Settings.safeParse(json);
  if (!parsed.success) return { kind: 'bad', fault: { id: 'settings-fault.invalid', detail: z.prettifyError(parsed.error).replace(/\n+/g, ' ') } };
  return { kind: 'ok', settings: parsed.data };
}

/** Moves a bad file to `<path>.bad-<UTC time>` (whatever it is: file, FIFO, directory) and returns the new path. */
export function keepAside(path: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  // A rename would replace an earlier bad file set aside in the same second: number them instead.
  let target = `${path}.bad-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${path}.bad-${stamp}-${n}`;
  renameSync(path, target);
  return target;
}

/** Creates the folder (private to the user) when it is missing. */
export function ensureSettingsDir(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify(Settings.parse(settings), null, 2)}\n`;
}

export async function writeSettingsFile(path: string, settings: Settings): Promise<void> {
  ensureSettingsDir(path);
  await writeFileAtomic(path, serializeSettings(settings));
}
