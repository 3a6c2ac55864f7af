/**
 * Runs the tool once in its own process group with a given env and working directory; on timeout
 * (and after it exits, for any stragglers it left) the whole group is killed.
 */
import { spawn } from 'node:child_process';

export interface RunOutcome {
  exitCode: number | null;
  timedOut: boolean;
  /** The command, when it was not found. */
  notFound?: string;
  /** Another spawn failure: the operating system's message. */
  spawnError?: string;
  /** Last lines of stderr and of stdout, for error messages (a tool that is not logged in says so on either). */
  stderrTail: string;
  stdoutTail: string;
}

const TAIL = 2000;

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export function runCommand(command: readonly string[], env: Record<string, string>, cwd: string, timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const [file, ...args] = command;
    let stderrTail = '';
    let stdoutTail = '';
    let timedOut = false;
    const child = spawn(file ?? '', args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-TAIL);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutTail = (stdoutTail + chunk.toString('utf8')).slice(-TAIL);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const failure = error.code === 'ENOENT' ? { notFound: file ?? '' } : { spawnError: error.message };
      resolve({ exitCode: null, timedOut: false, ...failure, stderrTail, stdoutTail });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      killGroup(child.pid);
      resolve({ exitCode: code, timedOut, stderrTail, stdoutTail });
    });
  });
}
