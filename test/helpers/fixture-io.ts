import { evaluatePacOffThread } from '../../main/adapters/pac-worker.js';
import type { ReasonCause } from '../../contract/reason.js';
import { fail, ok, type Io, type SampleContext } from '../../main/core/context.js';

/**
 * An Io backed by maps, for parser and sampler tests on captured output (macOS, Windows, or
 * malformed input). Files and commands not in the maps behave as missing.
 */
export interface FixtureSpec {
  files?: Record<string, string>;
  /** Key: the command line joined with single spaces, e.g. "scutil --proxy". */
  commands?: Record<string, string | { fail: ReasonCause; exitCode?: number }>;
  dirs?: Record<string, string[]>;
  /** Symlink targets, e.g. { '/etc/localtime': '/usr/share/zoneinfo/Asia/Shanghai' }. */
  links?: Record<string, string>;
}

export function fixtureIo(spec: FixtureSpec): Io {
  const files = spec.files ?? {};
  const commands = spec.commands ?? {};
  const dirs = spec.dirs ?? {};
  const links = spec.links ?? {};
  return {
    async readText(path) {
      if (path in files) return ok(files[path] as string);
      // As the real Io says of a folder where a file should be.
      if (path in dirs) return { ok: false, reason: { id: 'reason.file.not-regular', path, is: 'directory' }, missing: false };
      return { ok: false, reason: { id: 'reason.file.missing', path }, missing: true };
    },
    async run(command, args) {
      const key = [command, ...args].join(' ');
      const out = commands[key];
      if (out === undefined) return { ok: false, reason: { id: 'reason.command.not-found', command }, exitCode: null };
      return typeof out === 'string' ? ok(out) : { ok: false, reason: out.fail, exitCode: out.exitCode ?? null };
    },
    async exists(path) {
      return path in files || path in dirs || path in links;
    },
    async realPath(path) {
      if (path in links) return ok(links[path] as string);
      return path in files || path in dirs ? ok(path) : fail({ id: 'reason.file.missing', path });
    },
    async listDir(path) {
      return path in dirs ? ok(dirs[path] as string[]) : fail({ id: 'reason.file.missing', path });
    },
    // The real sandbox: it does no I/O, and what a PAC answers is what the tests check.
    evaluatePac: evaluatePacOffThread,
  };
}

export function fixtureContext(
  spec: FixtureSpec & { env?: Record<string, string>; home?: string; platform?: NodeJS.Platform },
): SampleContext {
  return { env: spec.env ?? {}, home: spec.home ?? '/home/dev', platform: spec.platform ?? 'linux', io: fixtureIo(spec) };
}
