/**
 * Precise capture against the real kernel: needs root and tracefs (Linux), skipped otherwise with
 * the reason the adapter gives.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownInstanceName, removeStaleInstances, startTraceCapture, TRACEFS, type TraceCapture } from '../../main/adapters/trace-capture.js';
import type { ConnectionEvent } from '../../main/core/connections/trace-events.js';
import { traceUnavailable } from '../helpers/trace-available.js';

const unavailable = await traceUnavailable('trace-capture integration tests');

const repo = fileURLToPath(new URL('../..', import.meta.url));

function run(script: string, args: string[] = []): Promise<{ pid: number; code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ pid: child.pid!, code, stdout }));
  });
}

const CONNECTOR = `
import net from 'node:net';
const [port, closedPort] = process.argv.slice(1).map(Number);
const once = (p) => new Promise((resolve) => {
  const socket = net.connect(p, '127.0.0.1', () => socket.destroy());
  socket.on('error', () => {});
  socket.on('close', resolve);
});
for (let i = 0; i < 20; i++) await once(port);
for (let i = 0; i < 3; i++) await once(closedPort);
`;

describe.skipIf(unavailable !== null)('precise capture via tracefs', () => {
  let capture: TraceCapture;
  const events: ConnectionEvent[] = [];
  const errors: Error[] = [];

  beforeAll(async () => {
    const result = await startTraceCapture({ onEvent: (e) => events.push(e), onError: (e) => errors.push(e) });
    if (!('stop' in result)) throw new Error(result.unavailable);
    capture = result;
  });

  afterAll(async () => {
    await capture?.stop();
  });

  it('sees 20 short loopback connections and 3 refused ones, with the connecting child pid', async () => {
    const server = net.createServer((s) => s.destroy()).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const closed = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const child = await run(CONNECTOR, [String(port), String(closedPort)]);
    expect(child.code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.close();

    const mine = events.filter((e) => e.pid === child.pid && e.remoteAddress === '127.0.0.1');
    const to = (p: number, type: string) => mine.filter((e) => e.remotePort === p && e.type === type);
    expect(to(port, 'attempt')).toHaveLength(20);
    expect(to(port, 'established')).toHaveLength(20);
    expect(new Set(to(port, 'established').map((e) => e.localPort)).size).toBe(20);
    expect(to(closedPort, 'attempt')).toHaveLength(3);
    expect(to(closedPort, 'failed')).toHaveLength(3);
    expect(errors).toEqual([]);

    await capture.stop();
    expect(existsSync(capture.instance)).toBe(false);
  });
});

const HOLDER = `
const { startTraceCapture } = await import(process.argv[1]);
const r = await startTraceCapture({ onEvent: () => {}, onError: () => {} });
console.log('stop' in r ? r.instance : 'unavailable ' + r.unavailable);
setInterval(() => {}, 1000);
`;

/** Starts HOLDER (a process holding a capture) and resolves with it and its instance directory. */
async function holder() {
  const adapter = join(repo, 'main/adapters/trace-capture.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', HOLDER, adapter], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const instance = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`holder exited ${String(code)}: ${out}`)));
  });
  return { child, instance };
}

describe.skipIf(unavailable !== null)('stale instances', () => {
  it('tells a reused pid from the process that made an instance, by its start time', () => {
    // Named as if made by an earlier process that had this test's pid: stale although the pid is alive.
    const reused = join(TRACEFS, 'instances', `telltale-${process.pid}-1`);
    mkdirSync(reused);
    expect(removeStaleInstances(TRACEFS, ownInstanceName())).toContain(`telltale-${process.pid}-1`);
    expect(existsSync(reused)).toBe(false);
  });

  it('removes its instance on SIGTERM', async () => {
    const { child, instance } = await holder();
    expect(existsSync(instance)).toBe(true);
    child.kill('SIGTERM');
    const [, signal] = await new Promise<[number | null, string | null]>((resolve) => child.once('exit', (...args) => resolve(args)));
    expect(signal).toBe('SIGTERM'); // it still dies of the signal, as without the handler
    expect(existsSync(instance)).toBe(false);
  });

  it('removes the instance of a Telltale killed with -9, and starts its own', async () => {
    const { child, instance } = await holder();
    expect(instance).toMatch(new RegExp(`^${join(TRACEFS, 'instances')}/telltale-${child.pid}-\\d+$`));
    expect(existsSync(instance)).toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(instance)).toBe(true); // no handler runs on SIGKILL

    const events: ConnectionEvent[] = [];
    const result = await startTraceCapture({ onEvent: (e) => events.push(e), onError: () => {} });
    if (!('stop' in result)) throw new Error(result.unavailable);
    try {
      expect(existsSync(instance)).toBe(false);
      expect(readdirSync(join(TRACEFS, 'instances'))).toContain(ownInstanceName());
      const child2 = await run(`import net from 'node:net'; const s = net.connect(${'1'}, '127.0.0.1'); s.on('error', () => {});`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(events.some((e) => e.pid === child2.pid && e.type === 'failed')).toBe(true);
    } finally {
      await result.stop();
    }
    expect(existsSync(result.instance)).toBe(false);
  });
});
