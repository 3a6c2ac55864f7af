import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
/** The CLI's source entry (run with `node --import tsx`), for tests that read its output as it comes. */
export const cliEntry = entry;
const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `telltale ARGS` as a real child process with exactly the given environment; `prefix` runs it
 * through another command (e.g. setpriv to drop root), killed after timeoutMs.
 */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000, prefix: string[] = []): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const command = [...prefix, process.execPath, '--import', 'tsx', entry, ...args];
    const child = spawn(command[0] as string, command.slice(1), { cwd: root, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
