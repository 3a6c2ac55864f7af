/**
 * What every sampler is given: the environment it was started with, the home directory to read
 * relative to (so HOME=/tmp/x works) and the I/O it may do. Core code never touches the OS
 * itself; adapters pass in an `Io` (the real one, or a fixture-backed one in tests).
 *
 * A failure carries its reason as a message (contract/reason.ts), from where it happens to the
 * signal, which renders it in English for Signal.reason and keeps it as Signal.reasonMessage.
 */
import type { ReasonCause } from '../../contract/reason.js';


export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: ReasonCause };

/** A file read: its text, or why not, and whether that is because nothing is there (not an error). */
export type ReadOutcome = { ok: true; value: string } | { ok: false; reason: ReasonCause; missing: boolean };

/**
 * A command's output, or why not. `exitCode` is the status it exited with when it ran to a non-zero
 * exit (some commands say "not set" that way, e.g. `git config --get` exits 1); null when it did
 * not run or was stopped (missing, timed out, killed).
 */
export type RunOutcome = { ok: true; value: string } | { ok: false; reason: ReasonCause; exitCode: number | null };

/** A PAC script's answer for one URL ("PROXY p.corp:8080; DIRECT"), or why there is none. */
export type PacOutcome = { ok: true; result: string } | { ok: false; reason: ReasonCause };

export interface Io {
  /**
   * Reads a UTF-8 file. Never throws: a missing file, a permission error, a FIFO or device (never
   * opened for reading) or a file over the size cap is a reason.
   */
  readText(path: string): Promise<ReadOutcome>;
  /**
   * Runs a command without a shell. Missing command, non-zero exit and timeout are reasons. `env`:
   * the environment it sees (the sampled one, so HOME=/tmp/x reaches git too); this process's by default.
   */
  run(command: string, args: readonly string[], options?: { timeoutMs?: number; env?: SampleContext['env'] }): Promise<RunOutcome>;
  exists(path: string): Promise<boolean>;
  /** Resolves symlinks (e.g. /etc/localtime -> /usr/share/zoneinfo/Asia/Shanghai). */
  realPath(path: string): Promise<Outcome<string>>;
  /** Directory entries (names only); a reason if it cannot be listed. */
  listDir(path: string): Promise<Outcome<string[]>>;
  /**
   * Runs a PAC script's FindProxyForURL(url) in a sandbox, off the main thread, offline (no DNS),
   * stopped after timeoutMs. Never throws: a script that fails, loops or never answers is a reason.
   */
  evaluatePac(script: string, url: string, timeoutMs: number): Promise<PacOutcome>;
}

export interface SampleContext {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  platform: NodeJS.Platform;
  io: Io;
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = (reason: ReasonCause): Outcome<never> => ({ ok: false, reason });
