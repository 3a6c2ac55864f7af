/**
 * SIGINT/SIGTERM always stop a long-running command: the signal aborts (clean shutdown), a second
 * one exits at once, and a shutdown that cannot finish (a handle that never closes) is cut short.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A process whose clean shutdown never finishes: it prints "aborted" on the signal and keeps a timer alive. */
function stubborn(graceMs: number) {
  const code = `
    import { interruptSignal } from './main/adapters/interrupt.ts';
    const signal = interruptSignal(${graceMs});
    signal.addEventListener('abort', () => console.log('aborted'));
    setInterval(() => {}, 1000);
    console.log('ready');
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const ready = new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('ready') && resolve()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (c) => resolve({ code: c, at: Date.now() })));
  return { child, ready, exited, output: () => out };
}

describe('interruptSignal', { timeout: 60_000 }, () => {
  it('aborts on SIGTERM and exits after the grace period when shutdown does not finish', async () => {
    const run = stubborn(500);
    await run.ready;
    const sent = Date.now();
    run.child.kill('SIGTERM');
    const { code, at } = await run.exited;
    expect(code).toBe(143);
    expect(run.output()).toMatch(/aborted[\s\S]*still stopping 500 ms after SIGTERM; exiting now/);
    expect(at - sent).toBeGreaterThanOrEqual(400);
  });

  it('exits at once on a second SIGINT', async () => {
    const run = stubborn(60_000);
    await run.ready;
    run.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGINT');
    expect((await run.exited).code).toBe(130);
    expect(run.output()).toContain('aborted');
  });
});
