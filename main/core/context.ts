/**
 * What every sampler is given: the environment it was started with, the home directory to read
 * relative to (so HOME=/tmp/x works) and the I/O it may do. Core code never touches the OS
 * itself; adapters pass in an `Io` (the real one, or a fixture-backed one in tests).
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Io {
  /** Reads a UTF-8 file. Never throws: a missing file or a permission error is a reason. */
  readText(path: string): Promise<Outcome<string>>;
  /** Runs a command without a shell. Missing command, non-zero exit and timeout are reasons. */
  run(command: string, args: readonly string[], options?: { timeoutMs?: number }): Promise<Outcome<string>>;
  exists(path: string): Promise<boolean>;
  /** Resolves symlinks (e.g. /etc/localtime -> /usr/share/zoneinfo/Asia/Shanghai). */
  realPath(path: string): Promise<Outcome<string>>;
  /** Directory entries (names only); a reason if it cannot be listed. */
  listDir(path: string): Promise<Outcome<string[]>>;
}

export interface SampleContext {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  platform: NodeJS.Platform;
  io: Io;
}

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (reason: string): Outcome<never> => ({ ok: false, reason });
