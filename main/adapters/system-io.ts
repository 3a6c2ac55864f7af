import { execFile } from 'node:child_process';
import { access, readdir, realpath } from 'node:fs/promises';
import os from 'node:os';
import { fail, ok, type Io, type ReadOutcome, type SampleContext } from '../core/context.js';
import { evaluatePacOffThread } from './pac-worker.js';
import { fsErrorReason, readRegularFile } from './read-regular-file.js';

const MAX_OUTPUT = 16 * 1024 * 1024;

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export const systemIo: Io = {
  /** Regular files only, up to MAX_CONFIG_BYTES: a FIFO, a device or a huge file is a reason, not a hang. */
  async readText(path: string): Promise<ReadOutcome> {
    const read = await readRegularFile(path);
    if (read.ok) return ok(read.bytes.toString('utf8'));
    return { ok: false, reason: read.reason, missing: read.reason.id === 'reason.file.missing' };
  },
  evaluatePac: evaluatePacOffThread,
  run(command, args, options = {}) {
    return new Promise((resolve) => {
      execFile(
        command,
        [...args],
        {
          timeout: options.timeoutMs ?? 5000,
          maxBuffer: MAX_OUTPUT,
          windowsHide: true,
          encoding: 'utf8',
          ...(options.env && { env: definedOnly(options.env) }),
        },
        (error, stdout, stderr) => {
          if (!error) return resolve(ok(stdout));
          const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number; signal?: string | null };
          if (e.code === 'ENOENT') return resolve({ ok: false, reason: { id: 'reason.command.not-found', command }, exitCode: null });
          if (e.killed) return resolve({ ok: false, reason: { id: 'reason.command.timed-out', command }, exitCode: null });
          // Its own words, verbatim (data in any language): the first line of stderr, else Node's message.
          const detail = (stderr || e.message).trim().split('\n')[0] ?? '';
          const exitCode = typeof e.code === 'number' ? e.code : null;
          const status = String(e.code ?? e.signal ?? '');
          resolve({ ok: false, reason: { id: 'reason.command.failed', command, status, detail }, exitCode });
        },
      );
    });
  },
  async exists(path) {
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  },
  async realPath(path) {
    try {
      return ok(await realpath(path));
    } catch (error) {
      return fail(fsErrorReason(path, error));
    }
  },
  async listDir(path) {
    try {
      return ok(await readdir(path));
    } catch (error) {
      return fail(fsErrorReason(path, error));
    }
  },
};

/** The context of this process: its env, its HOME (honouring HOME/USERPROFILE), the real I/O. */
export function processContext(env: NodeJS.ProcessEnv = process.env): SampleContext {
  return {
    env,
    home: env.HOME || env.USERPROFILE || os.homedir(),
    platform: process.platform,
    io: systemIo,
  };
}
