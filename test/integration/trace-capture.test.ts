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
import type { ConnectionEnd, ConnectionEvent } from '../../main/core/connections/trace-events.js';
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
const [port, closedPort, port6, closedPort6] = process.argv.slice(1).map(Number);
const once = (p, host) => new Promise((resolve) => {
  const socket = net.connect(p, host, () => setTimeout(() => socket.destroy(), 2));
  socket.on('error', () => {});
  socket.on('close', resolve);
});
for (let i = 0; i < 20; i++) await once(port, '127.0.0.1');
for (let i = 0; i < 3; i++) await once(closedPort, '127.0.0.1');
for (let i = 0; i < 5; i++) await once(port6, '::1');
for (let i = 0; i < 2; i++) await once(closedPort6, '::1');
`;

async function listening(host: string, handler?: (socket: net.Socket) => void): Promise<net.Server> {
  const server = net.createServer(handler ?? ((s) => s.destroy())).listen(0, host);
  await new Promise((resolve) => server.once('listening', resolve));
  return server;
}
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
async function freePort(host: string): Promise<number> {
  const server = await listening(host);
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

for (const reader of ['raw', 'text'] as const) {
  describe.skipIf(unavailable !== null)(`precise capture via tracefs, ${reader} reader`, () => {
    let capture: TraceCapture;
    const events: ConnectionEvent[] = [];
    const ends: ConnectionEnd[] = [];
    const errors: Error[] = [];

    beforeAll(async () => {
      const result = await startTraceCapture({ reader, onEvent: (e) => events.push(e), onEnd: (e) => ends.push(e), onError: (e) => errors.push(e) });
      if (!('stop' in result)) throw new Error(result.unavailable);
      capture = result;
    });

    afterAll(async () => {
      await capture?.stop();
    });

    it('sees short IPv4 and IPv6 loopback connections and refused ones, with the connecting child pid', async () => {
      expect(capture.reader).toBe(reader);
      const [server, server6] = [await listening('127.0.0.1'), await listening('::1')];
      const ports = [portOf(server), await freePort('127.0.0.1'), portOf(server6), await freePort('::1')];
      const [port, closedPort, port6, closedPort6] = ports as [number, number, number, number];

      const child = await run(CONNECTOR, ports.map(String));
      expect(child.code).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      server.close();
      server6.close();
      await capture.drain();

      const mine = events.filter((e) => e.pid === child.pid);
      const to = (p: number, type: string) => mine.filter((e) => e.remotePort === p && e.type === type);
      for (const [p, address, made, refused] of [[port, '127.0.0.1', 20, closedPort], [port6, '::1', 5, closedPort6]] as const) {
        expect(to(p, 'attempt')).toHaveLength(made);
        expect(to(p, 'established')).toHaveLength(made);
        expect(new Set(to(p, 'established').map((e) => e.localPort)).size).toBe(made);
        expect(to(refused, 'attempt')).toHaveLength(refused === closedPort ? 3 : 2);
        expect(to(refused, 'failed')).toHaveLength(refused === closedPort ? 3 : 2);
        expect(mine.filter((e) => e.remotePort === p || e.remotePort === refused).every((e) => e.remoteAddress === address && e.comm === 'node')).toBe(true);
      }
      const myEnds = ends.filter((e) => e.pid === child.pid);
      if (reader === 'raw') {
        // Every established connection, and only those, ends: same socket, same local port.
        const established = mine.filter((e) => e.type === 'established');
        expect(myEnds).toHaveLength(25);
        expect(myEnds.map((e) => `${e.remotePort} ${e.localPort}`).sort()).toEqual(established.map((e) => `${e.remotePort} ${e.localPort}`).sort());
        expect(myEnds.every((e) => e.elapsed > 0 && e.elapsed < 5)).toBe(true);
      } else expect(myEnds).toEqual([]); // the text trace cannot tell one socket's close from another's
      expect(errors).toEqual([]);

      await capture.stop();
      expect(existsSync(capture.instance)).toBe(false);
    });
  });
}

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
      await result.drain(); // the events up to now, not waiting for the next read
      expect(events.some((e) => e.pid === child2.pid && e.type === 'failed')).toBe(true);
    } finally {
      await result.stop();
    }
    expect(existsSync(result.instance)).toBe(false);
  });
});
