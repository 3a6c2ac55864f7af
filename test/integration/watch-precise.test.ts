/**
 * `telltale watch --precise` as a user runs it (a real CLI child, as root with tracefs): a
 * connection far shorter than the polling interval is printed with the pid of the process that
 * made it. Skipped with the adapter's reason where precise capture is unavailable.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { cliEntry } from '../helpers/run-cli.js';
import { traceUnavailable } from '../helpers/trace-available.js';

const unavailable = await traceUnavailable('watch --precise test');

let home: string;
let server: LoopbackServer;
let port: number;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'telltale-precise-'));
  server = await startLoopbackServer();
  port = server.port;
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

describe.skipIf(unavailable !== null)('telltale watch --precise', () => {
  it('prints a 5 ms connection, made between two samples, with the pid that made it and its end', async () => {
    const watch = spawn(process.execPath, ['--import', 'tsx', cliEntry, 'watch', '--precise', '--interval', '2', '--count', '3'], {
      cwd: path.dirname(path.dirname(path.dirname(cliEntry))),
      env: { PATH: process.env.PATH ?? '', HOME: home, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    watch.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => watch.on('close', resolve));
    // Started once the watch runs (its start-up can take seconds on a busy machine): one short
    // connection every 250 ms for 2 s, none living long enough to be polled.
    while (!stdout.includes('first sample') && watch.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
    const code = `const net = require('net'); let n = 0; const t = setInterval(() => {
      if (++n > 8) { clearInterval(t); return; }
      const s = net.connect(${port}, '127.0.0.1', () => setTimeout(() => s.destroy(), 5)); s.on('error', () => {});
    }, 250);`;
    const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
    expect(await exited).toBe(0);
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    expect(stdout).toMatch(new RegExp(`tcp established node pid ${child.pid} -> 127\\.0\\.0\\.1:${port} localhost after [\\d.]+ ms, closed after \\d+ ms`));
  }, 60_000);
});
