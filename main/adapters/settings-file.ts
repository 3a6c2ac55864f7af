/**
 * The settings file on disk: read with guards (never blocks on a FIFO or device, never reads more
 * than MAX_SETTINGS_BYTES), validated by the contract's schema; a bad file is moved aside, never
 * deleted; writes are atomic.
 */
import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Settings } from '../../contract/settings.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Far above any valid file (500 muted tools of 200 characters is ~100 KB); bounds what a bad one costs. */
export const MAX_SETTINGS_BYTES = 256 * 1024;

export type SettingsRead =
  | { kind: 'missing' }
  | { kind: 'ok'; settings: Settings }
  | { kind: 'bad'; reason: string };

function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Reads up to limit + 1 bytes, so a file that grew past the cap after fstat is still caught. */
function readCapped(fd: number, limit: number): Buffer {
  const buffer = Buffer.alloc(limit + 1);
  let total = 0;
  while (total < buffer.length) {
    const n = readSync(fd, buffer, total, buffer.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return buffer.subarray(0, total);
}

/**
 * Synchronous: the app's settings are needed before anything starts, and the file is small.
 * O_NONBLOCK makes opening a FIFO return at once (a blocking open would wait for a writer); the
 * type is then checked on the open descriptor, so a swap between check and read cannot fool it.
 */
export function readSettingsFile(path: string): SettingsRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is not a folder, so there is no file either (saving will say what is wrong).
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'bad', reason: `cannot be opened (${code ?? (error as Error).message})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'bad', reason: `is ${fileKind(stats)}, not a settings file` };
    if (stats.size > MAX_SETTINGS_BYTES) return { kind: 'bad', reason: `is larger than ${MAX_SETTINGS_BYTES} bytes` };
    const bytes = readCapped(fd, MAX_SETTINGS_BYTES);
    if (bytes.length > MAX_SETTINGS_BYTES) return { kind: 'bad', reason: `is larger than ${MAX_SETTINGS_BYTES} bytes` };
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      return { kind: 'bad', reason: `is not valid JSON (${(error as Error).message})` };
    }
    const parsed = Settings.safeParse(json);
    if (!parsed.success) return { kind: 'bad', reason: `has invalid values: ${z.prettifyError(parsed.error).replace(/\n+/g, ' ')}` };
    return { kind: 'ok', settings: parsed.data };
  } catch (error) {
    return { kind: 'bad', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    closeSync(fd);
  }
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
